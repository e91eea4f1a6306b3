package kz.opendata.hub.publication;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the parts of {@code passport.json} that portals show. Text meant for people is a map from
 * language code (kk, ru, en) to text. A plain string is accepted too and treated as
 * Russian text.
 */
final class PassportFields {

    /** Languages in the order a portal picks a single title from: ru, kk, en. */
    static final List<String> LANGUAGES = List.of("ru", "kk", "en");

    private PassportFields() {}

    /** Non-blank texts of a language map, ru, kk, en first and any other language after. */
    static Map<String, String> texts(JsonNode node) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (node.isTextual() && !node.asText().isBlank()) {
            texts.put("ru", node.asText().strip());
            return texts;
        }
        for (String language : LANGUAGES) {
            putIfText(texts, language, node.path(language));
        }
        node.fields().forEachRemaining(entry -> putIfText(texts, entry.getKey(), entry.getValue()));
        return texts;
    }

    private static void putIfText(Map<String, String> texts, String language, JsonNode value) {
        if (value.isTextual() && !value.asText().isBlank()) {
            texts.putIfAbsent(language, value.asText().strip());
        }
    }

    /** Returns the first text in the order ru, kk, en, then any other language; {@code fallback} if none. */
    static String firstText(JsonNode node, String fallback) {
        return texts(node).values().stream().findFirst().orElse(fallback);
    }

    static Map<String, String> title(JsonNode passport) {
        Map<String, String> full = texts(passport.path("general").path("fullName"));
        return full.isEmpty() ? texts(passport.path("general").path("shortName")) : full;
    }

    static Map<String, String> description(JsonNode passport) {
        return texts(passport.path("general").path("description"));
    }

    /**
     * Keywords by language. Accepts a map from language to a list or a comma-separated string,
     * or a plain list, which is read as Russian.
     */
    static Map<String, List<String>> keywords(JsonNode passport) {
        JsonNode node = passport.path("general").path("keywords");
        Map<String, List<String>> keywords = new LinkedHashMap<>();
        if (node.isArray() || node.isTextual()) {
            addKeywords(keywords, "ru", node);
            return keywords;
        }
        node.fields().forEachRemaining(entry -> addKeywords(keywords, entry.getKey(), entry.getValue()));
        return keywords;
    }

    private static void addKeywords(Map<String, List<String>> keywords, String language, JsonNode node) {
        Set<String> words = new LinkedHashSet<>();
        List<String> raw = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> raw.add(item.asText("")));
        } else if (node.isTextual()) {
            raw.addAll(List.of(node.asText().split(",")));
        }
        raw.stream().map(String::strip).filter(word -> !word.isEmpty()).forEach(words::add);
        if (!words.isEmpty()) {
            keywords.put(language, List.copyOf(words));
        }
    }

    /** Update frequency code (daily ... as-needed), or an empty string when the passport has none. */
    static String frequency(JsonNode passport) {
        return passport.path("updating").path("frequency").asText("");
    }

    static String category(JsonNode passport) {
        JsonNode category = passport.path("general").path("category");
        return category.isTextual() ? category.asText() : firstText(category, "");
    }
}
