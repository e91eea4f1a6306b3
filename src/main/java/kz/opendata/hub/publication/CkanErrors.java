package kz.opendata.hub.publication;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a failed CKAN action response into a portal exception that names what an analyst can do. */
final class CkanErrors {

    private final String call;
    private final String apiTokenSource;

    /**
     * @param call the action and data set, as in "CKAN package_create for data set 'x'"
     * @param apiTokenSource where the API token comes from, named in permission errors
     */
    CkanErrors(String call, String apiTokenSource) {
        this.call = call;
        this.apiTokenSource = apiTokenSource;
    }

    /**
     * Builds the exception for a response that did not succeed.
     *
     * @param body the response's JSON object, or null when the body was not JSON
     * @param snippet the start of the body as text
     * @param uploadBytes size of the uploaded file, or of the JSON body when the request had no file
     */
    RuntimeException toException(int status, JsonNode body, String snippet, long uploadBytes) {
        JsonNode error = body == null ? null : body.path("error");
        String type = error == null ? "" : error.path("__type").asText("");
        String portalMessage = error == null ? "HTTP " + status + ": " + snippet : error.toString();
        if (status == 413) {
            return new PermanentPortalException(
                    call + ": portal rejected an upload of " + uploadBytes
                            + " bytes (HTTP 413); raise the upload limit of the portal's proxy and CKAN's"
                            + " ckan.max_resource_size",
                    portalMessage);
        }
        if ("Validation Error".equals(type) || (status == 409 && error != null)) {
            return new PermanentPortalException(
                    call + " was rejected: invalid fields: " + fieldErrors(error)
                            + ". Correct these passport fields, or the portal's dataset schema, and publish again",
                    portalMessage);
        }
        if ("Authorization Error".equals(type) || status == 403 || status == 401) {
            String reason =
                    error == null ? "HTTP " + status : error.path("message").asText("HTTP " + status);
            return new PermanentPortalException(
                    call + " was rejected: permission denied (" + reason
                            + "). The API token from " + apiTokenSource
                            + " is missing or invalid, or its user may not edit the agency's organisation;"
                            + " fix the token or give the user the editor role there",
                    portalMessage);
        }
        return otherError(status, error, type, portalMessage);
    }

    private RuntimeException otherError(int status, JsonNode error, String type, String portalMessage) {
        if ("Not Found Error".equals(type)) {
            return new CkanActionClient.NotFoundException(call + ": not found", portalMessage);
        }
        if (status == 429 || status >= 500) {
            return new TransientPortalException(call + " failed with HTTP " + status + " (" + portalMessage
                    + "); the portal is overloaded or down, so the publication is retried later");
        }
        if (status == 404) {
            return new PermanentPortalException(
                    call + ": no CKAN action API at this address (HTTP 404);" + " check hub.publication.ckan.url",
                    portalMessage);
        }
        if (error == null) {
            return new PermanentPortalException(
                    call + " returned HTTP " + status
                            + " with a body that is not CKAN's JSON; check hub.publication.ckan.url",
                    portalMessage);
        }
        return new PermanentPortalException(
                call + " failed: " + type + " " + error.path("message").asText(portalMessage), portalMessage);
    }

    /** Lists each invalid field with its messages, such as "name: Must be at least 2 characters long". */
    static String fieldErrors(JsonNode error) {
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : error.properties()) {
            if (!field.getKey().startsWith("__")) {
                List<String> messages = new ArrayList<>();
                collectTexts(field.getValue(), messages);
                fields.add(field.getKey() + ": " + String.join(", ", messages));
            }
        }
        return fields.isEmpty()
                ? error.path("message").asText("(the portal named no field)")
                : String.join("; ", fields);
    }

    /** Collects every text leaf, because tag and resource errors arrive as nested lists and objects. */
    private static void collectTexts(JsonNode node, List<String> texts) {
        if (node.isValueNode()) {
            texts.add(node.asText());
        }
        node.forEach(child -> collectTexts(child, texts));
    }
}
