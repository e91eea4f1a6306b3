package kz.opendata.hub.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a passport document that its page shows and edits, read leniently: a missing
 * field is shown empty instead of failing the page.
 *
 * @param texts fullName, shortName and description, each by language
 * @param keywords comma-separated keywords by language
 * @param categoryName the category's name by language, or null when the category is a plain code
 */
public record PassportView(
        Map<String, Map<String, String>> texts,
        Map<String, String> keywords,
        String categoryCode,
        Map<String, String> categoryName,
        String frequency,
        boolean geoAvailable,
        String geometryType,
        String bindingType,
        String addressAttribute,
        List<AttributeView> attributes,
        List<Excluded> excludedColumns,
        List<ReviewItem> needsReview) {

    static PassportView of(JsonNode document) {
        JsonNode general = document.path("general");
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        PassportForm.TEXT_FIELDS.forEach(field -> texts.put(field, texts(general.path(field))));
        JsonNode category = general.path("category");
        JsonNode geobinding = document.path("geobinding");
        return new PassportView(
                texts,
                keywords(general.path("keywords")),
                category.isObject() ? category.path("code").asText("") : category.asText(""),
                category.isObject() ? texts(category.path("name")) : null,
                document.path("updating").path("frequency").asText(""),
                geobinding.path("available").asBoolean(false),
                geobinding.path("geometryType").asText(""),
                geobinding.path("bindingType").asText(""),
                geobinding.path("addressAttribute").asText(""),
                attributes(document.path("attributes")),
                excluded(document.path("excludedColumns")),
                review(document.path("needsReview")));
    }

    /** Returns the full name in the given language, or else in ru, kk or en, whichever is filled first. */
    public String title(String language) {
        Map<String, String> fullName = texts.get("fullName");
        for (String candidate : List.of(language, "ru", "kk", "en")) {
            if (!fullName.getOrDefault(candidate, "").isBlank()) {
                return fullName.get(candidate);
            }
        }
        return "";
    }

    private static Map<String, String> texts(JsonNode node) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String language : PassportForm.LANGUAGES) {
            texts.put(
                    language,
                    node.isTextual() && "ru".equals(language)
                            ? node.asText()
                            : node.path(language).asText(""));
        }
        return texts;
    }

    private static Map<String, String> keywords(JsonNode node) {
        Map<String, String> keywords = new LinkedHashMap<>();
        for (String language : PassportForm.LANGUAGES) {
            List<String> words = new ArrayList<>();
            node.path(language).forEach(word -> words.add(word.asText()));
            keywords.put(language, String.join(", ", words));
        }
        return keywords;
    }

    private static List<AttributeView> attributes(JsonNode node) {
        List<AttributeView> attributes = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode attribute = node.get(i);
            attributes.add(new AttributeView(
                    i,
                    attribute.path("number").asInt(i + 1),
                    attribute.path("technicalName").asText(""),
                    texts(attribute.path("name")),
                    attribute.path("type").asText(""),
                    attribute.path("required").asBoolean(false)));
        }
        return attributes;
    }

    private static List<Excluded> excluded(JsonNode node) {
        List<Excluded> columns = new ArrayList<>();
        node.forEach(column -> columns.add(new Excluded(
                column.path("name").asText(""),
                column.path("technicalName").asText(""),
                column.path("kind").asText(""))));
        return columns;
    }

    private static List<ReviewItem> review(JsonNode node) {
        List<ReviewItem> items = new ArrayList<>();
        node.forEach(item -> items.add(new ReviewItem(
                item.path("field").asText(""), item.path("reason").asText(""))));
        return items;
    }

    /**
     * One attribute as the editor shows it.
     *
     * @param index position in the document's attribute list, which names the form fields
     */
    public record AttributeView(
            int index, int number, String technicalName, Map<String, String> name, String type, boolean required) {}

    /** A source column left out of the passport because it contains restricted data. */
    public record Excluded(String name, String technicalName, String kind) {}

    /** A field that the drafter marked for an analyst to confirm. */
    public record ReviewItem(String field, String reason) {}
}
