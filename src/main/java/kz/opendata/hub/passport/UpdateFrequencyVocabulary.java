package kz.opendata.hub.passport;

import java.nio.file.Path;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Names and periods of the update frequencies (passport item 1.2.1). */
public final class UpdateFrequencyVocabulary {

    public static final Path DEFAULT_PATH = Path.of("config", "vocabularies", "update-frequencies.yml");
    static final String CLASSPATH_COPY = "/vocabularies/update-frequencies.yml";

    private final Map<UpdateFrequency, Entry> entries = new EnumMap<>(UpdateFrequency.class);

    UpdateFrequencyVocabulary(List<Entry> entries) {
        entries.forEach(entry -> this.entries.put(UpdateFrequency.fromCode(entry.code()), entry));
        for (UpdateFrequency frequency : UpdateFrequency.values()) {
            if (!this.entries.containsKey(frequency)) {
                throw new IllegalArgumentException(
                        "the update frequency vocabulary lacks '" + frequency.code() + "'; add it with its names");
            }
        }
    }

    /**
     * Loads the vocabulary from the file, or from the copy inside the jar when the file is absent.
     *
     * @throws IllegalStateException when the file is not a valid vocabulary
     */
    public static UpdateFrequencyVocabulary load(Path path) {
        return new UpdateFrequencyVocabulary(
                VocabularyFile.read(path, CLASSPATH_COPY, Document.class).frequencies());
    }

    public static UpdateFrequencyVocabulary loadDefault() {
        return load(DEFAULT_PATH);
    }

    /** Name of the frequency in the language, falling back as {@link LocalizedText#pick} does. */
    public String name(UpdateFrequency frequency, Language language) {
        return LocalizedText.pick(entries.get(frequency).name(), language);
    }

    /** Period between updates, or null for {@link UpdateFrequency#AS_NEEDED}. */
    public Period period(UpdateFrequency frequency) {
        String period = entries.get(frequency).period();
        return period == null ? null : Period.parse(period);
    }

    /**
     * One frequency.
     *
     * @param period ISO 8601 duration in whole days, weeks, months or years, or null
     */
    public record Entry(String code, String period, Map<String, String> name) {}

    record Document(List<Entry> frequencies) {}
}
