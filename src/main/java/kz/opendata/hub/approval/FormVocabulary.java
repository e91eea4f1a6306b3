package kz.opendata.hub.approval;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.opendata.hub.passport.Language;
import kz.opendata.hub.passport.PassportMessages;
import kz.opendata.hub.passport.UpdateFrequency;
import kz.opendata.hub.passport.UpdateFrequencyVocabulary;

/**
 * Words of the passport form in Kazakh, Russian and English, read back into the codes of {@code
 * passport.json}: yes and no, required and optional, types, geometry and binding types, update
 * frequencies. An agency may write either the code or the word in any of the three languages.
 */
final class FormVocabulary {

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
    static final List<String> GEOMETRIES = List.of("point", "line", "polygon");
    static final List<String> BINDINGS = List.of("address", "coordinates", "territorial-code");

    private static final Map<String, Boolean> BOOLEAN_WORDS = Map.of(
            "true", true, "false", false, "1", true, "0", false, "да", true, "нет", false, "yes", true, "no", false,
            "иә", true, "жоқ", false);

    private final PassportMessages messages;
    private final UpdateFrequencyVocabulary frequencies;
    private final Map<String, Boolean> flags = new HashMap<>(BOOLEAN_WORDS);
    private final Map<String, Boolean> obligations = new HashMap<>(BOOLEAN_WORDS);
    private final Map<String, String> types = new HashMap<>();
    private final Map<String, String> geometries = new HashMap<>();
    private final Map<String, String> bindings = new HashMap<>();
    private final Map<String, String> frequencyCodes = new HashMap<>();

    FormVocabulary(PassportMessages messages, UpdateFrequencyVocabulary frequencies) {
        this.messages = messages;
        this.frequencies = frequencies;
        for (Language language : Language.values()) {
            flags.put(key(messages.get(language, "yes")), true);
            flags.put(key(messages.get(language, "no")), false);
            obligations.put(key(messages.get(language, "required")), true);
            obligations.put(key(messages.get(language, "optional")), false);
            obligations.putAll(flags);
            addWords(types, TYPES, "type.", language);
            addWords(geometries, GEOMETRIES, "geometry.", language);
            addWords(bindings, BINDINGS, "binding.", language);
            for (UpdateFrequency frequency : UpdateFrequency.values()) {
                frequencyCodes.put(key(frequencies.name(frequency, language)), frequency.code());
                frequencyCodes.put(frequency.code(), frequency.code());
            }
        }
    }

    String label(Language language, String key) {
        return messages.get(language, key);
    }

    String frequencyName(String code, Language language) {
        return frequencies.name(UpdateFrequency.fromCode(code), language);
    }

    List<String> frequencyNames(Language language) {
        return java.util.Arrays.stream(UpdateFrequency.values())
                .map(frequency -> frequencies.name(frequency, language))
                .toList();
    }

    Optional<Boolean> flag(String text) {
        return Optional.ofNullable(flags.get(key(text)));
    }

    Optional<Boolean> obligation(String text) {
        return Optional.ofNullable(obligations.get(key(text)));
    }

    Optional<String> type(String text) {
        return Optional.ofNullable(types.get(key(text)));
    }

    Optional<String> geometry(String text) {
        return Optional.ofNullable(geometries.get(key(text)));
    }

    Optional<String> binding(String text) {
        return Optional.ofNullable(bindings.get(key(text)));
    }

    Optional<String> frequency(String text) {
        return Optional.ofNullable(frequencyCodes.get(key(text)));
    }

    private void addWords(Map<String, String> words, List<String> codes, String prefix, Language language) {
        for (String code : codes) {
            words.put(code, code);
            words.put(key(messages.get(language, prefix + code)), code);
        }
    }

    static String key(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
