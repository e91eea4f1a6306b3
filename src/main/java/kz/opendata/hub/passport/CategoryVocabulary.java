package kz.opendata.hub.passport;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Categories of open data sets, with the keywords that point to each (passport item 1.1.3). */
public final class CategoryVocabulary {

    public static final Path DEFAULT_PATH = Path.of("config", "vocabularies", "categories.yml");
    static final String CLASSPATH_COPY = "/vocabularies/categories.yml";

    private final List<Entry> categories;

    CategoryVocabulary(List<Entry> categories) {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("the category vocabulary lists no category; add at least 'other'");
        }
        this.categories = List.copyOf(categories);
    }

    /**
     * Loads the vocabulary from the file, or from the copy inside the jar when the file is absent.
     *
     * @throws IllegalStateException when the file is not a valid vocabulary
     */
    public static CategoryVocabulary load(Path path) {
        return new CategoryVocabulary(
                VocabularyFile.read(path, CLASSPATH_COPY, Document.class).categories());
    }

    /** Loads {@link #DEFAULT_PATH} relative to the working folder, else the copy inside the jar. */
    public static CategoryVocabulary loadDefault() {
        return load(DEFAULT_PATH);
    }

    /** Categories in the vocabulary's order, which decides ties. */
    public List<Entry> categories() {
        return categories;
    }

    /** Returns the category taken when no keyword matches, which is the last one listed. */
    public Entry fallback() {
        return categories.get(categories.size() - 1);
    }

    /**
     * One category.
     *
     * @param keywords lower-case word stems; see {@link CategoryMatcher} for how they match
     */
    public record Entry(String code, Map<String, String> name, List<String> keywords) {

        public Entry {
            name = LocalizedText.copyOf(name);
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }

    record Document(List<Entry> categories) {}
}
