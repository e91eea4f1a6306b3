package kz.opendata.hub.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Compares a package as CKAN's {@code package_show} returns it with the fields this hub wants,
 * so the portal only writes what changed.
 */
final class CkanPackageState {

    /** Resource field that marks the resource holding the set's data CSV. */
    static final String RESOURCE_KEY_FIELD = "hub_resource";

    static final String RESOURCE_KEY = "data";

    /** Resource field with the lower-case hex SHA-256 of the uploaded file. */
    static final String SHA256_FIELD = "hub_sha256";

    private CkanPackageState() {}

    /** Returns true when every field in {@code desired} already has that value in {@code current}. */
    static boolean matches(JsonNode current, ObjectNode desired) {
        for (Map.Entry<String, JsonNode> field : desired.properties()) {
            if (!fieldMatches(current, field.getKey(), field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean fieldMatches(JsonNode current, String name, JsonNode expected) {
        return switch (name) {
            // package_show returns the organisation's id in owner_org and its name beside it.
            case "owner_org" ->
                expected.asText()
                                .equals(current.path("organization")
                                        .path("name")
                                        .asText())
                        || expected.asText().equals(current.path("owner_org").asText());
            case "tags" -> tagNames(expected).equals(tagNames(current.path("tags")));
            case "extras" ->
                extras(current.path("extras"))
                        .entrySet()
                        .containsAll(extras(expected).entrySet());
            default ->
                expected.isTextual()
                        ? expected.asText().equals(current.path(name).asText(null))
                        : expected.equals(current.path(name));
        };
    }

    /**
     * Builds the {@code package_patch} body: the desired fields, with extras merged into the
     * current ones because a patch replaces the whole extras list.
     */
    static ObjectNode patchBody(JsonNode current, ObjectNode desired) {
        ObjectNode patch = desired.deepCopy();
        patch.put("id", current.path("id").asText());
        if (desired.has("extras")) {
            Map<String, String> merged = extras(current.path("extras"));
            merged.putAll(extras(desired.path("extras")));
            ArrayNode extras = patch.putArray("extras");
            merged.forEach((key, value) -> extras.addObject().put("key", key).put("value", value));
        }
        return patch;
    }

    /** Returns the resource that contains the data CSV, or null when the package has none yet. */
    static JsonNode dataResource(JsonNode dataset) {
        for (JsonNode resource : dataset.path("resources")) {
            if (RESOURCE_KEY.equals(resource.path(RESOURCE_KEY_FIELD).asText())) {
                return resource;
            }
        }
        return null;
    }

    /** Returns true when the resource's stored hash, in either field, is {@code sha256}. */
    static boolean hasHash(JsonNode resource, String sha256) {
        return ("sha256:" + sha256).equals(resource.path("hash").asText())
                || sha256.equals(resource.path(SHA256_FIELD).asText());
    }

    private static Set<String> tagNames(JsonNode tags) {
        Set<String> names = new HashSet<>();
        tags.forEach(tag -> names.add(tag.path("name").asText()));
        return names;
    }

    private static Map<String, String> extras(JsonNode extras) {
        Map<String, String> map = new LinkedHashMap<>();
        extras.forEach(
                extra -> map.put(extra.path("key").asText(), extra.path("value").asText()));
        return map;
    }
}
