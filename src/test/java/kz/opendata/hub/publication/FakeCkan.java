package kz.opendata.hub.publication;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful stand-in for a CKAN site's action API, served by WireMock on 127.0.0.1.
 *
 * <p>It keeps packages and resources in memory and behaves as CKAN's API does: package names
 * follow CKAN's name rule and must be unique, {@code owner_org} must name an existing
 * organisation, writes need the API token in the {@code Authorization} header, and errors come
 * back as {@code {"success": false, "error": {...}}} with 403, 404 or 409. Uploads arrive as
 * {@code multipart/form-data} and are parsed from the raw bytes, so a test checks the file
 * name exactly as sent. Faults can be queued per action: a dropped connection before or after the
 * action took effect, a 503, an HTTP 200 carrying {@code success: false}, and the HTML 413 page a
 * proxy returns for a body above its limit.
 */
public final class FakeCkan implements ResponseDefinitionTransformerV2 {

    public static final String TOKEN = "test-token-not-a-secret";
    static final String ORGANISATION = "edu-almaty";

    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]*");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N} _.\\-]*");
    private static final Pattern DISPOSITION_NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern DISPOSITION_FILE = Pattern.compile("\\bfilename=\"([^\"]*)\"");

    enum Failure {
        DROP_BEFORE_APPLYING,
        DROP_AFTER_APPLYING,
        SERVICE_UNAVAILABLE,
        SUCCESS_FALSE_WITH_200
    }

    /** One file upload as the server parsed it. */
    record Upload(String action, String fileName, byte[] content, byte[] rawBody) {}

    private final ObjectMapper mapper = new ObjectMapper();
    private final WireMockServer server;
    private final Map<String, String> organisations = new LinkedHashMap<>();
    private final Map<String, ObjectNode> packages = new LinkedHashMap<>();
    private final Map<String, Deque<Failure>> failures = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final List<Upload> uploads = new ArrayList<>();
    private final Map<String, Duration> delays = new LinkedHashMap<>();
    private long proxyBodyLimit = Long.MAX_VALUE;

    public FakeCkan() {
        organisations.put(ORGANISATION, UUID.randomUUID().toString());
        server = new WireMockServer(
                options().bindAddress("127.0.0.1").dynamicPort().extensions(this));
        server.start();
        server.stubFor(any(urlPathMatching("/.*")).willReturn(aResponse().withStatus(200)));
    }

    /** Starts a portal on a fixed port, so that it can go down and come back at the same address. */
    FakeCkan(int port) {
        organisations.put(ORGANISATION, UUID.randomUUID().toString());
        server =
                new WireMockServer(options().bindAddress("127.0.0.1").port(port).extensions(this));
        resume();
    }

    /** Brings a portal stopped by {@link #shutdown()} back, with the data sets it had. */
    void resume() {
        server.start();
        server.stubFor(any(urlPathMatching("/.*")).willReturn(aResponse().withStatus(200)));
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public void shutdown() {
        server.stop();
    }

    @Override
    public String getName() {
        return "fake-ckan";
    }

    /** Adds an organisation, as a portal administrator creates one for each agency. */
    public synchronized void addOrganisation(String name) {
        organisations.putIfAbsent(name, UUID.randomUUID().toString());
    }

    synchronized void failNext(String action, Failure failure) {
        failures.computeIfAbsent(action, key -> new ArrayDeque<>()).add(failure);
    }

    /**
     * Holds the response to the next call of an action for this long after the action took
     * effect, as a slow portal does. A client that stops waiting finds the change applied.
     */
    public synchronized void delayNext(String action, Duration delay) {
        delays.put(action, delay);
    }

    synchronized void limitRequestBodies(long bytes) {
        proxyBodyLimit = bytes;
    }

    public synchronized List<ObjectNode> packages() {
        return packages.values().stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    public synchronized long callCount(String action) {
        return calls.stream().filter(action::equals).count();
    }

    synchronized List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        String path = URI.create(request.getUrl()).getPath();
        String action = path.startsWith("/api/3/action/") ? path.substring("/api/3/action/".length()) : "";
        calls.add(action);
        if (request.getBody().length > proxyBodyLimit) {
            return html(
                    413,
                    "<html><head><title>413 Request Entity Too Large</title></head><body><center>"
                            + "<h1>413 Request Entity Too Large</h1></center><hr><center>nginx</center></body></html>");
        }
        Failure failure = nextFailure(action);
        if (failure == Failure.DROP_BEFORE_APPLYING) {
            return drop();
        }
        if (failure == Failure.SERVICE_UNAVAILABLE) {
            return html(503, "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");
        }
        if (failure == Failure.SUCCESS_FALSE_WITH_200) {
            ObjectNode error = mapper.createObjectNode().put("__type", "Validation Error");
            error.putArray("title").add("Missing value");
            return json(200, failed(error));
        }
        ResponseDefinition response = handle(action, request);
        Duration delay = delays.remove(action);
        if (delay != null) {
            return ResponseDefinitionBuilder.like(response)
                    .withFixedDelay((int) delay.toMillis())
                    .build();
        }
        return failure == Failure.DROP_AFTER_APPLYING ? drop() : response;
    }

    private Failure nextFailure(String action) {
        Deque<Failure> queue = failures.get(action);
        return queue == null || queue.isEmpty() ? null : queue.poll();
    }

    private ResponseDefinition handle(String action, Request request) {
        boolean authorised = TOKEN.equals(request.getHeader("Authorization"));
        try {
            return switch (action) {
                case "package_show" -> packageShow(request.queryParameter("id").firstValue());
                case "package_create" -> authorised ? packageCreate(readJson(request)) : denied(action);
                case "package_patch" -> authorised ? packagePatch(readJson(request)) : denied(action);
                case "resource_create" -> authorised ? resourceCreate(request) : denied(action);
                case "resource_patch" -> authorised ? resourcePatch(request) : denied(action);
                default ->
                    json(
                            400,
                            failed(mapper.createObjectNode()
                                    .put("__type", "Bad request")
                                    .put("message", "Action name not known: " + action)));
            };
        } catch (IOException e) {
            return json(
                    400,
                    failed(mapper.createObjectNode()
                            .put("__type", "Bad request")
                            .put("message", "JSON Error: " + e.getMessage())));
        }
    }

    private ResponseDefinition packageShow(String id) {
        ObjectNode found = find(id);
        return found == null ? notFound() : json(200, succeeded(found));
    }

    private ResponseDefinition packageCreate(ObjectNode body) {
        ObjectNode errors = validatePackage(body, null);
        if (!errors.isEmpty()) {
            return validationError(errors);
        }
        ObjectNode created = mapper.createObjectNode();
        created.put("id", UUID.randomUUID().toString());
        created.putArray("resources");
        created.putArray("tags");
        created.putArray("extras");
        applyFields(created, body);
        packages.put(created.path("id").asText(), created);
        return json(200, succeeded(created));
    }

    private ResponseDefinition packagePatch(ObjectNode body) {
        ObjectNode current = find(body.path("id").asText());
        if (current == null) {
            return notFound();
        }
        ObjectNode errors = validatePackage(body, current);
        if (!errors.isEmpty()) {
            return validationError(errors);
        }
        body.remove("id");
        applyFields(current, body);
        return json(200, succeeded(current));
    }

    /** Checks a package the way CKAN's default schema does; returns field errors, empty when valid. */
    private ObjectNode validatePackage(ObjectNode body, ObjectNode current) {
        ObjectNode errors = mapper.createObjectNode();
        String name = body.has("name") || current == null ? body.path("name").asText("") : null;
        if (name != null) {
            List<String> nameErrors = new ArrayList<>();
            if (name.isEmpty()) {
                nameErrors.add("Missing value");
            } else if (name.length() < 2) {
                nameErrors.add("Must be at least 2 characters long");
            } else if (name.length() > 100) {
                nameErrors.add("Name must be a maximum of 100 characters long");
            }
            if (!NAME.matcher(name).matches()) {
                nameErrors.add("Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_");
            }
            ObjectNode other = find(name);
            if (other != null && other != current) {
                nameErrors.add("That URL is already in use.");
            }
            if (!nameErrors.isEmpty()) {
                nameErrors.forEach(errors.withArray("name")::add);
            }
        }
        if (body.has("owner_org")
                && !organisations.containsKey(body.path("owner_org").asText())) {
            errors.putArray("owner_org").add("Organization does not exist");
        }
        ArrayNode tagErrors = mapper.createArrayNode();
        for (JsonNode tag : body.path("tags")) {
            String tagName = tag.path("name").asText();
            if (!TAG.matcher(tagName).matches() || tagName.length() < 2) {
                tagErrors
                        .addObject()
                        .putArray("name")
                        .add("Tag \"" + tagName + "\" must be alphanumeric characters" + " or symbols: -_.");
            }
        }
        if (!tagErrors.isEmpty()) {
            errors.set("tags", tagErrors);
        }
        return errors;
    }

    private void applyFields(ObjectNode target, ObjectNode body) {
        body.properties()
                .forEach(field -> target.set(field.getKey(), field.getValue().deepCopy()));
        if (body.has("owner_org")) {
            String organisation = body.path("owner_org").asText();
            target.put("owner_org", organisations.get(organisation));
            target.putObject("organization").put("name", organisation).put("id", organisations.get(organisation));
        }
    }

    private ResponseDefinition resourceCreate(Request request) {
        Map<String, Part> parts = parseMultipart(request);
        ObjectNode dataset = find(text(parts, "package_id"));
        if (dataset == null) {
            ObjectNode errors = mapper.createObjectNode();
            errors.putArray("package_id").add("Missing value");
            return validationError(errors);
        }
        ObjectNode resource = dataset.withArray("resources").addObject();
        resource.put("id", UUID.randomUUID().toString());
        resource.put("package_id", dataset.path("id").asText());
        applyResourceFields(resource, parts, "resource_create", request);
        return json(200, succeeded(resource));
    }

    private ResponseDefinition resourcePatch(Request request) {
        Map<String, Part> parts = parseMultipart(request);
        String id = text(parts, "id");
        for (ObjectNode dataset : packages.values()) {
            for (JsonNode resource : dataset.path("resources")) {
                if (resource.path("id").asText().equals(id)) {
                    applyResourceFields((ObjectNode) resource, parts, "resource_patch", request);
                    return json(200, succeeded((ObjectNode) resource));
                }
            }
        }
        return notFound();
    }

    private void applyResourceFields(ObjectNode resource, Map<String, Part> parts, String action, Request request) {
        for (Part part : parts.values()) {
            if (part.fileName() == null
                    && !part.name().equals("id")
                    && !part.name().equals("package_id")) {
                resource.put(part.name(), new String(part.content(), StandardCharsets.UTF_8));
            }
        }
        Part upload = parts.get("upload");
        if (upload != null) {
            uploads.add(new Upload(action, upload.fileName(), upload.content(), request.getBody()));
            resource.put("url_type", "upload");
            resource.put("size", upload.content().length);
            resource.put(
                    "url",
                    url() + "/dataset/" + resource.path("package_id").asText() + "/resource/"
                            + resource.path("id").asText() + "/download/" + upload.fileName());
        }
    }

    /** One part of a multipart body; {@code fileName} is null for a text field. */
    record Part(String name, String fileName, byte[] content) {}

    /** Splits a multipart/form-data body at its boundary, decoding part headers as UTF-8. */
    private static Map<String, Part> parseMultipart(Request request) {
        String contentType = request.getHeader("Content-Type");
        String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
        byte[] body = request.getBody();
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.UTF_8);
        Map<String, Part> parts = new LinkedHashMap<>();
        int start = indexOf(body, delimiter, 0);
        while (start >= 0) {
            int headersStart = start + delimiter.length + 2;
            int next = indexOf(body, delimiter, headersStart);
            if (next < 0) {
                break;
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.UTF_8), headersStart);
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, next - 2);
            Matcher name = DISPOSITION_NAME.matcher(headers);
            Matcher file = DISPOSITION_FILE.matcher(headers);
            String partName = name.find() ? name.group(1) : "";
            parts.put(partName, new Part(partName, file.find() ? file.group(1) : null, content));
            start = next;
        }
        return parts;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String text(Map<String, Part> parts, String name) {
        Part part = parts.get(name);
        return part == null ? "" : new String(part.content(), StandardCharsets.UTF_8);
    }

    private ObjectNode find(String nameOrId) {
        for (ObjectNode dataset : packages.values()) {
            if (dataset.path("id").asText().equals(nameOrId)
                    || dataset.path("name").asText().equals(nameOrId)) {
                return dataset;
            }
        }
        return null;
    }

    private ObjectNode readJson(Request request) throws IOException {
        return (ObjectNode) mapper.readTree(request.getBody());
    }

    private ObjectNode succeeded(ObjectNode result) {
        ObjectNode response = mapper.createObjectNode();
        response.put("help", url() + "/api/3/action/help_show");
        response.put("success", true);
        response.set("result", result.deepCopy());
        return response;
    }

    private ObjectNode failed(ObjectNode error) {
        ObjectNode response = mapper.createObjectNode();
        response.put("help", url() + "/api/3/action/help_show");
        response.put("success", false);
        response.set("error", error);
        return response;
    }

    private ResponseDefinition validationError(ObjectNode errors) {
        errors.put("__type", "Validation Error");
        return json(409, failed(errors));
    }

    private ResponseDefinition notFound() {
        return json(
                404,
                failed(mapper.createObjectNode()
                        .put("__type", "Not Found Error")
                        .put("message", "Not found")));
    }

    private ResponseDefinition denied(String action) {
        return json(
                403,
                failed(mapper.createObjectNode()
                        .put("__type", "Authorization Error")
                        .put("message", "Access denied: User not authorized to run " + action)));
    }

    private static ResponseDefinition json(int status, ObjectNode body) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(body.toString().getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static ResponseDefinition html(int status, String page) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "text/html")
                .withBody(page.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static ResponseDefinition drop() {
        return ResponseDefinitionBuilder.responseDefinition()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)
                .build();
    }
}
