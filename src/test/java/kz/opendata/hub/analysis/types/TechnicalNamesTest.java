package kz.opendata.hub.analysis.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TechnicalNamesTest {

    @Test
    void transliteratesRussianHeaders() {
        assertThat(TechnicalNames.assign(List.of("№ строки", "Руководитель", "Адрес электронной почты", "Щёлково")))
                .containsExactly("no_stroki", "rukovoditel", "adres_elektronnoy_pochty", "shchelkovo");
    }

    @Test
    void transliteratesKazakhLetters() {
        assertThat(TechnicalNames.assign(List.of("Жетісу", "Ұлытау", "Қазақстан", "Өңір", "Ғылым", "Һ")))
                .containsExactly("zhetisu", "ulytau", "qazaqstan", "onir", "gylym", "h");
    }

    @Test
    void namesBlankHeadersByPosition() {
        assertThat(TechnicalNames.assign(List.of("", "Регион", "  ", "—")))
                .containsExactly("column_1", "region", "column_3", "column_4");
    }

    @Test
    void prefixesNamesStartingWithDigit() {
        assertThat(TechnicalNames.assign(List.of("2005", "2005.0", "1-й квартал")))
                .containsExactly("column_2005", "column_2005_0", "column_1_y_kvartal");
    }

    @Test
    void makesRepeatedNamesUnique() {
        assertThat(TechnicalNames.assign(List.of("Телефон", "телефон", "Телефон", "telefon_2")))
                .containsExactly("telefon", "telefon_2", "telefon_3", "telefon_2_2");
    }

    @Test
    void keepsEnglishNamesAndCutsLongOnes() {
        List<String> names = TechnicalNames.assign(List.of("Water_resources_KZ (cubic meter)", "x".repeat(100)));

        assertThat(names.get(0)).isEqualTo("water_resources_kz_cubic_meter");
        assertThat(names.get(1)).hasSize(TechnicalNames.MAX_LENGTH);
    }
}
