package kz.opendata.hub.passport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetNamesTest {

    @ParameterizedTest
    @CsvSource({
        "Хосписы Москвы, khospisy-moskvy",
        "population_by_region, population_by_region",
        "Ұлытау облысы 2024, ulytau-oblysy-2024",
        "--Environment  Spending--, environment-spending",
        "я, ia",
        "ы, dataset-y",
        "'***', dataset"
    })
    void derivesCkanName(String text, String name) {
        assertThat(DatasetNames.of(text)).isEqualTo(name);
    }

    @Test
    void joinsPartsAndSkipsBlankOnes() {
        assertThat(DatasetNames.of("MOS-ZDRAV", null, "hospices", " ", "Лист 2"))
                .isEqualTo("mos-zdrav-hospices-list-2");
    }

    @Test
    void cutsLongNamesAtHyphen() {
        String words = "очень длинное название набора данных ".repeat(6);

        String name = DatasetNames.of(words);

        assertThat(name)
                .hasSizeLessThanOrEqualTo(100)
                .matches(DatasetNames.VALID)
                .doesNotEndWith("-");
        assertThat(words.length()).isGreaterThan(200);
        // "ochen-dlinnoe-nazvanie-nabora-dannykh-" is 38 characters: two repeats and three words
        // make 98, and the next word would pass 100.
        assertThat(name).hasSize(98).endsWith("-nazvanie");
    }

    @Test
    void cutsLongWordAtLimit() {
        String name = DatasetNames.of("a".repeat(150));

        assertThat(name).hasSize(100);
    }

    @Test
    void givesSameNameForSameText() {
        assertThat(DatasetNames.of("Детские сады", "2024")).isEqualTo(DatasetNames.of("Детские сады", "2024"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape", "a", "Detskie-sady", "sady/2024", "sady 2024"})
    void rejectsInvalidNames(String name) {
        assertThatThrownBy(() -> DatasetNames.requireValid(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + name + "'");
    }

    @Test
    void acceptsValidName() {
        assertThat(DatasetNames.requireValid("detskie-sady_2024")).isEqualTo("detskie-sady_2024");
    }
}
