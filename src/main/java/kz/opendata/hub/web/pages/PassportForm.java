package kz.opendata.hub.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import org.springframework.util.MultiValueMap;

/**
 * Turns the passport editor's form into a JSON merge patch, so the page and the API change a
 * passport through the same rules. A blank text field removes that language's text; an unticked
 * box is false.
 *
 * <p>Field names: {@code fullName.kk}, {@code shortName.ru}, {@code description.en}, {@code
 * keywords.ru} (comma-separated), {@code category.code}, {@code category.name.kk}, {@code
 * frequency}, {@code geobinding.available}, {@code geobinding.geometryType}, {@code
 * geobinding.bindingType}, {@code geobinding.addressAttribute}, {@code attributes[0].name.ru},
 * {@code attributes[0].required}.
 */
final class PassportForm {

    static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    static final List<String> TEXT_FIELDS = List.of("fullName", "shortName", "description");

    private PassportForm() {}

    static ObjectNode toPatch(JsonNode current, MultiValueMap<String, String> form) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        ObjectNode general = patch.putObject("general");
        for (String field : TEXT_FIELDS) {
            putTexts(general.putObject(field), field + ".", form);
        }
        putKeywords(general.putObject("keywords"), form);
        putCategory(general, current.path("general").path("category"), form);
        patch.putObject("updating").put("frequency", form.getFirst("frequency"));
        putGeobinding(patch.putObject("geobinding"), form);
        patch.set("attributes", attributes(current.path("attributes"), form));
        return patch;
    }

    private static void putTexts(ObjectNode texts, String prefix, MultiValueMap<String, String> form) {
        for (String language : LANGUAGES) {
            String value = form.getFirst(prefix + language);
            if (value == null) {
                continue;
            }
            if (value.isBlank()) {
                texts.putNull(language);
            } else {
                texts.put(language, value.strip());
            }
        }
    }

    private static void putKeywords(ObjectNode keywords, MultiValueMap<String, String> form) {
        for (String language : LANGUAGES) {
            String value = form.getFirst("keywords." + language);
            if (value == null) {
                continue;
            }
            List<String> words = Arrays.stream(value.split(","))
                    .map(String::strip)
                    .filter(word -> !word.isEmpty())
                    .toList();
            if (words.isEmpty()) {
                keywords.putNull(language);
            } else {
                ArrayNode list = keywords.putArray(language);
                words.forEach(list::add);
            }
        }
    }

    private static void putCategory(ObjectNode general, JsonNode current, MultiValueMap<String, String> form) {
        String code = form.getFirst("category.code");
        if (code == null) {
            return;
        }
        if (current.isObject()) {
            ObjectNode category = general.putObject("category");
            category.put("code", code.strip());
            putTexts(category.putObject("name"), "category.name.", form);
        } else {
            general.put("category", code.strip());
        }
    }

    private static void putGeobinding(ObjectNode geobinding, MultiValueMap<String, String> form) {
        geobinding.put("available", form.containsKey("geobinding.available"));
        for (String field : List.of("geometryType", "bindingType", "addressAttribute")) {
            String value = form.getFirst("geobinding." + field);
            if (value == null || value.isBlank()) {
                geobinding.putNull(field);
            } else {
                geobinding.put(field, value);
            }
        }
    }

    /** Copies the attributes, replacing their names and required flags with the form's values. */
    private static ArrayNode attributes(JsonNode current, MultiValueMap<String, String> form) {
        ArrayNode attributes = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < current.size(); i++) {
            ObjectNode attribute = current.get(i).deepCopy();
            String prefix = "attributes[" + i + "].";
            ObjectNode name = attribute.path("name").isObject()
                    ? (ObjectNode) attribute.get("name")
                    : attribute.putObject("name");
            for (String language : LANGUAGES) {
                String value = form.getFirst(prefix + "name." + language);
                if (value != null && value.isBlank()) {
                    name.remove(language);
                } else if (value != null) {
                    name.put(language, value.strip());
                }
            }
            attribute.put("required", form.containsKey(prefix + "required"));
            attributes.add(attribute);
        }
        return attributes;
    }
}
