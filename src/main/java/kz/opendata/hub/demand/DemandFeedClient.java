package kz.opendata.hub.demand;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the requests endpoint with one HTTP GET. A response other than 2xx, a timeout and a body
 * above the size limit raise {@link DemandImportException}, so the poll fails visibly and the
 * next poll tries again.
 */
final class DemandFeedClient {

    /** A response body and its content type. */
    record Feed(String contentType, byte[] body) {

        boolean isCsv() {
            return contentType != null && contentType.toLowerCase().contains("csv");
        }
    }

    private final DemandProperties.Sync settings;
    private final String token;
    private final HttpClient http;

    /** @param token bearer token, or null to send none */
    DemandFeedClient(DemandProperties.Sync settings, String token) {
        this.settings = settings;
        this.token = token;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    Feed fetch() {
        URI url = settings.url();
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(settings.timeout())
                .header("Accept", "application/json, text/csv;q=0.9")
                .GET();
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = readLimited(body, url);
                if (response.statusCode() / 100 != 2) {
                    throw new DemandImportException("the demand endpoint " + url + " returned HTTP "
                            + response.statusCode() + " (" + snippet(bytes) + "); check hub.demand.sync.url and"
                            + " the token in " + settings.tokenEnv());
                }
                return new Feed(response.headers().firstValue("Content-Type").orElse(null), bytes);
            }
        } catch (HttpTimeoutException e) {
            throw new DemandImportException(
                    "the demand endpoint " + url + " did not respond within " + settings.timeout()
                            + "; raise hub.demand.sync.timeout or check the endpoint",
                    e);
        } catch (IOException e) {
            throw new DemandImportException("reading the demand endpoint " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemandImportException("reading the demand endpoint " + url + " was interrupted", e);
        }
    }

    private byte[] readLimited(InputStream body, URI url) throws IOException {
        long limit = settings.maxResponseSize().toBytes();
        byte[] bytes = body.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        if (bytes.length > limit) {
            throw new DemandImportException("the demand endpoint " + url + " returned more than "
                    + settings.maxResponseSize() + "; raise hub.demand.sync.max-response-size or page the endpoint");
        }
        return bytes;
    }

    private static String snippet(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        return text.replaceAll("\\s+", " ").strip();
    }
}
