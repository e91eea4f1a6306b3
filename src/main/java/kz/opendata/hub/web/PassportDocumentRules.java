package kz.opendata.hub.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules on the changes an analyst may make to a passport document and on the shape the changed
 * document must keep. The supplier, the identifiers and the control examples stay as the hub drafted them:
 * the supplier is the agency, and control examples are cleared of restricted values by the
 * drafter, so a hand edit could bring such values back.
 */
final class PassportDocumentRules {

    static final Set<String> EDITABLE_SECTIONS = Set.of("general", "updating", "geobinding", "attributes");
    static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");
    static final List<String> FREQUENCIES =
            List.of("daily", "weekly", "monthly", "quarterly", "half-yearly", "yearly", "as-needed");
    static final List<String> GEOMETRY_TYPES = List.of("point", "line", "polygon");
    static final List<String> BINDING_TYPES = List.of("address", "coordinates", "territorial-code");
    static final List<String> TYPES = List.of(
            "string",
            "integer",
            "number",
            "boolean",
            "date",
            "datetime",
            "time",
            "year",
            "yearmonth",
            "geopoint",
            "geojson");

    private static final Set<String> TEXT_FIELDS = Set.of("fullName", "shortName", "description");
    private static final Pattern CATEGORY_CODE = Pattern.compile("[a-z0-9-]+");

    private PassportDocumentRules() {}

    /** Rejects a patch that touches anything but the editable sections. */
    static void checkPatch(JsonNode patch) {
        if (!patch.isObject()) {
            throw new InvalidChangeException("A passport change must be a JSON object (a JSON merge patch)");
        }
        for (String section : fieldNames(patch)) {
            if (!EDITABLE_SECTIONS.contains(section)) {
                throw new InvalidChangeException("Field '" + section + "' cannot be changed; editable fields are "
                        + String.join(", ", EDITABLE_SECTIONS.stream().sorted().toList()));
            }
        }
        if (patch.path("general").has("supplier")) {
            throw new InvalidChangeException(
                    "general.supplier is the agency that delivered the unload and cannot" + " be changed");
        }
    }

    /** Checks the patched document against the document before the change. */
    static void checkDocument(JsonNode before, JsonNode after) {
        JsonNode general = after.path("general");
        for (String field : TEXT_FIELDS) {
            checkText("general." + field, general.path(field));
        }
        checkKeywords(general.path("keywords"));
        checkCategory(general.path("category"));
        boolean hadFrequency = before.path("updating").has("frequency");
        checkOneOf("updating.frequency", after.path("updating").path("frequency"), FREQUENCIES, !hadFrequency);
        checkAttributes(before.path("attributes"), after.path("attributes"));
        checkGeobinding(after.path("geobinding"), after.path("attributes"));
    }

    private static void checkText(String field, JsonNode text) {
        if (text.isMissingNode()) {
            return;
        }
        if (!text.isObject()) {
            throw invalid(field, "must be an object from language code (kk, ru, en) to text");
        }
        for (Map.Entry<String, JsonNode> entry : text.properties()) {
            if (!LANGUAGES.contains(entry.getKey())) {
                throw invalid(field + "." + entry.getKey(), "is not a language of the hub; use kk, ru or en");
            }
            if (!entry.getValue().isTextual() || entry.getValue().asText().isBlank()) {
                throw invalid(field + "." + entry.getKey(), "must be non-blank text; send null to remove it");
            }
        }
    }

    private static void checkKeywords(JsonNode keywords) {
        if (keywords.isMissingNode()) {
            return;
        }
        if (!keywords.isObject()) {
            throw invalid("general.keywords", "must be an object from language code to a list of keywords");
        }
        for (Map.Entry<String, JsonNode> entry : keywords.properties()) {
            String field = "general.keywords." + entry.getKey();
            if (!LANGUAGES.contains(entry.getKey())) {
                throw invalid(field, "is not a language of the hub; use kk, ru or en");
            }
            if (!entry.getValue().isArray()) {
                throw invalid(field, "must be a list of keywords");
            }
            for (JsonNode word : entry.getValue()) {
                if (!word.isTextual() || word.asText().isBlank()) {
                    throw invalid(field, "must hold non-blank text only");
                }
            }
        }
    }

    private static void checkCategory(JsonNode category) {
        JsonNode code = category.isObject() ? category.path("code") : category;
        if (category.isMissingNode()) {
            return;
        }
        if (!code.isTextual() || !CATEGORY_CODE.matcher(code.asText()).matches()) {
            throw invalid("general.category", "needs a code of lower-case Latin letters, digits and hyphens");
        }
        if (category.isObject()) {
            checkText("general.category.name", category.path("name"));
        }
    }

    private static void checkAttributes(JsonNode before, JsonNode after) {
        List<String> expected = technicalNames(before);
        if (!expected.equals(technicalNames(after))) {
            throw invalid(
                    "attributes",
                    "must keep the technical names " + expected + " in this order, because"
                            + " they name the columns of the published data; change names and flags only");
        }
        for (int i = 0; i < after.size(); i++) {
            JsonNode attribute = after.get(i);
            String field = "attributes[" + i + "]";
            checkText(field + ".name", attribute.path("name"));
            checkOneOf(field + ".type", attribute.path("type"), TYPES, true);
            for (String flag : List.of("required", "group", "unique")) {
                if (attribute.has(flag) && !attribute.get(flag).isBoolean()) {
                    throw invalid(field + "." + flag, "must be true or false");
                }
            }
        }
    }

    private static void checkGeobinding(JsonNode geobinding, JsonNode attributes) {
        if (geobinding.isMissingNode()) {
            return;
        }
        if (geobinding.has("available") && !geobinding.get("available").isBoolean()) {
            throw invalid("geobinding.available", "must be true or false");
        }
        checkOneOf("geobinding.geometryType", geobinding.path("geometryType"), GEOMETRY_TYPES, true);
        checkOneOf("geobinding.bindingType", geobinding.path("bindingType"), BINDING_TYPES, true);
        JsonNode address = geobinding.path("addressAttribute");
        if (address.isTextual() && !technicalNames(attributes).contains(address.asText())) {
            throw invalid(
                    "geobinding.addressAttribute",
                    "must be the technical name of one of the attributes " + technicalNames(attributes));
        }
    }

    private static void checkOneOf(String field, JsonNode value, List<String> allowed, boolean nullable) {
        if (nullable && (value.isMissingNode() || value.isNull())) {
            return;
        }
        if (value.isMissingNode() || !value.isTextual() || !allowed.contains(value.asText())) {
            throw invalid(field, "must be one of " + allowed);
        }
    }

    private static List<String> technicalNames(JsonNode attributes) {
        List<String> names = new ArrayList<>();
        attributes.forEach(
                attribute -> names.add(attribute.path("technicalName").asText()));
        return names;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static InvalidChangeException invalid(String field, String rule) {
        return new InvalidChangeException(field + " " + rule);
    }
}
