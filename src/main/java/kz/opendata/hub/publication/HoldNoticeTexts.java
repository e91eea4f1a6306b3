package kz.opendata.hub.publication;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Writes the notice that informs an agency that its update of a published set is held because the
 * structure changed, in the agency's language (kk, ru or en), from the bundle
 * {@code messages/publication}. Placeholders are written {@code {name}} and replaced literally.
 */
final class HoldNoticeTexts {

    static final List<String> LANGUAGES = List.of("kk", "ru", "en");

    private static final String BUNDLE = "messages.publication";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private HoldNoticeTexts() {}

    /** Subject and plain-text body of one notice. */
    record Notice(String subject, String body) {}

    /**
     * Facts a notice reports.
     *
     * @param title the set's title in the agency's language
     * @param approvedVersion version of the approved passport
     * @param columnNames people's names of the columns by technical name, in the agency's language
     */
    record Facts(
            String language,
            String agencyName,
            String title,
            String fileName,
            LocalDate received,
            int approvedVersion,
            SchemaDiff.Result changes,
            Map<String, String> columnNames,
            Map<String, String> addedTypes) {}

    static Notice write(Facts facts) {
        ResourceBundle bundle = bundle(facts.language());
        Map<String, String> values = Map.of(
                "agency", facts.agencyName(),
                "title", facts.title(),
                "file", facts.fileName(),
                "received", DATE.format(facts.received()),
                "version", Integer.toString(facts.approvedVersion()));
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(bundle.getString("hold.greeting"));
        paragraphs.add(fill(bundle.getString("hold.intro"), values));
        paragraphs.add(bundle.getString("hold.changes") + "\n" + String.join("\n", changeLines(bundle, facts)));
        paragraphs.add(bundle.getString("hold.next"));
        paragraphs.add(bundle.getString("hold.footer"));
        return new Notice(fill(bundle.getString("hold.subject"), values), String.join("\n\n", paragraphs) + "\n");
    }

    private static List<String> changeLines(ResourceBundle bundle, Facts facts) {
        List<String> lines = new ArrayList<>();
        for (String added : facts.changes().added()) {
            lines.add(line(
                    bundle,
                    "hold.added",
                    facts,
                    added,
                    Map.of("type", typeName(bundle, facts.addedTypes().get(added)))));
        }
        for (String removed : facts.changes().removed()) {
            lines.add(line(bundle, "hold.removed", facts, removed, Map.of()));
        }
        for (SchemaDiff.Retyped retyped : facts.changes().retyped()) {
            Map<String, String> types = Map.of(
                    "approvedType", typeName(bundle, retyped.approvedType()),
                    "newType", typeName(bundle, retyped.newType()));
            lines.add(line(bundle, "hold.retyped", facts, retyped.name(), types));
        }
        return lines;
    }

    private static String line(
            ResourceBundle bundle, String key, Facts facts, String technicalName, Map<String, String> more) {
        String text = fill(bundle.getString(key), more);
        text = text.replace("{technicalName}", technicalName);
        text = text.replace("{name}", facts.columnNames().getOrDefault(technicalName, technicalName));
        return "  - " + text;
    }

    private static String typeName(ResourceBundle bundle, String type) {
        String key = "type." + (type == null ? "any" : type);
        return bundle.containsKey(key) ? bundle.getString(key) : type;
    }

    private static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled;
    }

    private static ResourceBundle bundle(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("language '" + language + "' is not supported; use one of " + LANGUAGES);
        }
        // Without the no-fallback control a JVM running in a Russian locale would serve an English
        // notice from the Russian bundle.
        return ResourceBundle.getBundle(
                BUNDLE,
                Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
