package kz.opendata.hub.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps a publication request onto the fields of a CKAN package.
 *
 * <p>Both styles send {@code name}, {@code title} and {@code notes} in the first language present
 * of ru, kk, en, {@code owner_org} (the agency code, which is the CKAN organisation name) and
 * {@code tags} from the keywords. The {@code core} style adds the other languages, the update
 * frequency, category, geobinding and passport id as {@code extras}. The {@code scheming} style
 * sends them as top-level fields for a ckanext-scheming schema, with translations as ckanext-fluent
 * maps ({@code title_translated}, {@code notes_translated}).
 *
 * <p>NOTE: the scheming field names ({@code update_frequency}, {@code category},
 * {@code geobinding}, {@code passport_id}, {@code passport_version}) must exist in the portal's
 * dataset schema. They were chosen here, not taken from a particular portal.
 */
public class CkanPackageMapper {

    /** CKAN's tag rule: 2 to 100 characters from Unicode letters and digits, space, {@code -_.}. */
    private static final Pattern TAG_CHARACTERS_NOT_ALLOWED = Pattern.compile("[^\\p{L}\\p{N} _.\\-]");

    private final ObjectMapper mapper;
    private final PublicationProperties.CkanFieldStyle style;

    public CkanPackageMapper(ObjectMapper mapper, PublicationProperties.CkanFieldStyle style) {
        this.mapper = mapper;
        this.style = style;
    }

    /** Builds the package fields this hub manages; the portal keeps any other field as it is. */
    public ObjectNode toPackage(PublicationRequest request) {
        JsonNode passport = request.passport();
        Map<String, String> title = PassportFields.title(passport);
        Map<String, String> notes = PassportFields.description(passport);
        ObjectNode dataset = mapper.createObjectNode();
        dataset.put("name", request.datasetName());
        dataset.put("title", title.values().stream().findFirst().orElse(request.datasetName()));
        dataset.put("notes", notes.values().stream().findFirst().orElse(""));
        dataset.put("owner_org", request.agencyCode());
        dataset.set("tags", tags(passport));
        Map<String, String> fields = passportFields(passport);
        if (style == PublicationProperties.CkanFieldStyle.SCHEMING) {
            dataset.set("title_translated", mapper.valueToTree(title));
            dataset.set("notes_translated", mapper.valueToTree(notes));
            fields.forEach(dataset::put);
        } else {
            addTranslations(fields, "title", title);
            addTranslations(fields, "notes", notes);
            dataset.set("extras", extras(fields));
        }
        return dataset;
    }

    /** Name of the CSV file as uploaded: the passport's short name, else its full name. */
    static String uploadFileName(PublicationRequest request) {
        String shortName =
                PassportFields.firstText(request.passport().path("general").path("shortName"), "");
        String base = shortName.isEmpty()
                ? PassportFields.title(request.passport()).values().stream()
                        .findFirst()
                        .orElse("")
                : shortName;
        // Path separators, quotes and control characters would break the multipart header or
        // the portal's storage path, so they become spaces.
        String safe = base.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]", " ").strip();
        return (safe.isEmpty() ? request.datasetName() : safe) + ".csv";
    }

    private Map<String, String> passportFields(JsonNode passport) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("update_frequency", PassportFields.frequency(passport));
        fields.put("category", PassportFields.category(passport));
        JsonNode geobinding = passport.path("geobinding");
        fields.put("geobinding", geobinding.isMissingNode() ? "" : geobinding.toString());
        fields.put("passport_id", passport.path("id").asText(""));
        fields.put("passport_version", passport.path("version").asText(""));
        return fields;
    }

    /** Puts every language after the first as {@code <field>_<language>}. */
    private static void addTranslations(Map<String, String> fields, String field, Map<String, String> texts) {
        texts.entrySet().stream()
                .skip(1)
                .filter(entry -> !entry.getKey().isEmpty())
                .forEach(entry -> fields.put(field + "_" + entry.getKey(), entry.getValue()));
    }

    private ArrayNode tags(JsonNode passport) {
        Set<String> names = new LinkedHashSet<>();
        for (List<String> words : PassportFields.keywords(passport).values()) {
            for (String word : words) {
                String tag =
                        TAG_CHARACTERS_NOT_ALLOWED.matcher(word).replaceAll(" ").strip();
                if (tag.length() >= 2 && tag.length() <= 100) {
                    names.add(tag);
                }
            }
        }
        ArrayNode tags = mapper.createArrayNode();
        names.forEach(name -> tags.addObject().put("name", name));
        return tags;
    }

    private ArrayNode extras(Map<String, String> fields) {
        ArrayNode extras = mapper.createArrayNode();
        fields.forEach((key, value) -> extras.addObject().put("key", key).put("value", value));
        return extras;
    }
}
