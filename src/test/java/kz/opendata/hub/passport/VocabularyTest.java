package kz.opendata.hub.passport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import kz.opendata.hub.passport.CategoryVocabulary.Entry;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void jarCopiesEqualConfigFiles() throws Exception {
        assertThat(resource(CategoryVocabulary.CLASSPATH_COPY))
                .isEqualTo(Files.readAllBytes(CategoryVocabulary.DEFAULT_PATH));
        assertThat(resource(UpdateFrequencyVocabulary.CLASSPATH_COPY))
                .isEqualTo(Files.readAllBytes(UpdateFrequencyVocabulary.DEFAULT_PATH));
    }

    @Test
    void loadsJarCopyWithoutFile() {
        CategoryVocabulary vocabulary = CategoryVocabulary.load(Path.of("target", "no-such-folder", "categories.yml"));

        assertThat(vocabulary.categories()).extracting(Entry::code).contains("health", "education");
        assertThat(vocabulary.fallback().code()).isEqualTo("other");
    }

    @Test
    void namesEveryCategoryInThreeLanguages() {
        CategoryVocabulary vocabulary = CategoryVocabulary.loadDefault();

        for (Entry category : vocabulary.categories()) {
            assertThat(category.name()).as(category.code()).containsOnlyKeys("kk", "ru", "en");
        }
    }

    @Test
    void readsFrequencyNamesAndPeriods() {
        UpdateFrequencyVocabulary vocabulary = UpdateFrequencyVocabulary.loadDefault();

        assertThat(vocabulary.name(UpdateFrequency.QUARTERLY, Language.RU)).isEqualTo("Ежеквартально");
        assertThat(vocabulary.name(UpdateFrequency.YEARLY, Language.KK)).isEqualTo("Жыл сайын");
        assertThat(vocabulary.period(UpdateFrequency.HALF_YEARLY)).isEqualTo(Period.ofMonths(6));
        assertThat(vocabulary.period(UpdateFrequency.AS_NEEDED)).isNull();
    }

    @Test
    void rejectsVocabularyWithUnknownField() throws Exception {
        Path file =
                Files.createDirectories(Path.of("target", "vocabulary-test")).resolve("categories.yml");
        Files.writeString(file, "categories:\n  - code: x\n    title: {ru: X}\n");

        assertThatThrownBy(() -> CategoryVocabulary.load(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("categories.yml")
                .hasMessageContaining("title");
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream input = VocabularyTest.class.getResourceAsStream(name)) {
            return input.readAllBytes();
        }
    }
}
