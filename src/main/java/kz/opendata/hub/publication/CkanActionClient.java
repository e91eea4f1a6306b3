package kz.opendata.hub.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Calls CKAN's action API ({@code /api/3/action/<action>}) and turns its responses into results
 * or the hub's portal exceptions.
 *
 * <p>CKAN returns {@code {"success": true, "result": ...}} or {@code {"success": false, "error":
 * {...}}}, usually with HTTP 200, and since CKAN 2.9 with 403, 404 or 409 for authorisation, not
 * found and validation errors. Both forms are handled, and {@code success} is checked on every
 * response. A failure that may pass (timeout, dropped connection, 429, 5xx) raises
 * {@link TransientPortalException}; this class never retries, so the caller decides whether a
 * request may be repeated.
 */
class CkanActionClient {

    private final URI actionBase;
    private final String apiToken;
    private final String apiTokenSource;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final ObjectMapper mapper;

    /**
     * @param siteUrl base URL of the CKAN site
     * @param apiToken the API token, or null to call anonymously
     * @param apiTokenSource where the token comes from, named in permission errors
     */
    CkanActionClient(
            URI siteUrl,
            String apiToken,
            String apiTokenSource,
            Duration connectTimeout,
            Duration requestTimeout,
            ObjectMapper mapper) {
        String base = siteUrl.toString();
        this.actionBase = URI.create((base.endsWith("/") ? base : base + "/") + "api/3/action/");
        this.apiToken = apiToken;
        this.apiTokenSource = apiTokenSource;
        this.requestTimeout = requestTimeout;
        this.mapper = mapper;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Calls {@code package_show}; returns empty when the package does not exist. */
    Optional<JsonNode> packageShow(String nameOrId) {
        URI uri = actionBase.resolve("package_show?id=" + URLEncoder.encode(nameOrId, StandardCharsets.UTF_8));
        HttpRequest request = authorised(HttpRequest.newBuilder(uri).GET()).build();
        try {
            return Optional.of(call("package_show", nameOrId, request, 0));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Posts a JSON body to an action and returns its {@code result}. */
    JsonNode post(String action, String datasetName, ObjectNode body) {
        byte[] json = body.toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = authorised(HttpRequest.newBuilder(actionBase.resolve(action)))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        return call(action, datasetName, request, json.length);
    }

    /** Posts text fields and a file as {@code multipart/form-data}, the file in the {@code upload} part. */
    JsonNode postFile(
            String action, String datasetName, Map<String, String> fields, Path file, String fileName, long fileSize) {
        MultipartBody multipart = new MultipartBody().fields(fields);
        HttpRequest.BodyPublisher body;
        try {
            body = multipart.withFile("upload", fileName, "text/csv", file);
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalStateException(
                    "data set '" + datasetName + "': the data file " + file + " disappeared before its upload", e);
        }
        HttpRequest request = authorised(HttpRequest.newBuilder(actionBase.resolve(action)))
                .header("Content-Type", multipart.contentType())
                .POST(body)
                .build();
        return call(action, datasetName, request, fileSize);
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder builder) {
        builder.timeout(requestTimeout).header("Accept", "application/json");
        if (apiToken != null && !apiToken.isBlank()) {
            builder.header("Authorization", apiToken);
        }
        return builder;
    }

    private JsonNode call(String action, String datasetName, HttpRequest request, long uploadBytes) {
        HttpResponse<byte[]> response = send(action, datasetName, request);
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (body != null && body.path("success").asBoolean(false) && status / 100 == 2) {
            return body.path("result");
        }
        CkanErrors errors = new CkanErrors(describe(action, datasetName), apiTokenSource);
        throw errors.toException(status, body, snippet(response.body()), uploadBytes);
    }

    private HttpResponse<byte[]> send(String action, String datasetName, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new TransientPortalException(
                    describe(action, datasetName) + " timed out after " + requestTimeout
                            + "; the portal may be overloaded, or raise hub.publication.ckan.request-timeout",
                    e);
        } catch (IOException e) {
            throw new TransientPortalException(
                    describe(action, datasetName) + " failed: connection to " + actionBase.getHost() + " broke (" + e
                            + ")",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientPortalException(describe(action, datasetName) + " was interrupted", e);
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = mapper.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            // Proxies return HTML pages, so the status code decides what happened.
            return null;
        }
    }

    /** Returns the start of a response body as one line, for error messages about non-JSON responses. */
    private static String snippet(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        return text.replaceAll("\\s+", " ").strip();
    }

    static String describe(String action, String datasetName) {
        return "CKAN " + action + " for data set '" + datasetName + "'";
    }

    /** Signals CKAN's "Not Found Error", which {@link #packageShow} turns into an empty result. */
    static final class NotFoundException extends PermanentPortalException {

        NotFoundException(String message, String portalMessage) {
            super(message, portalMessage);
        }
    }
}
