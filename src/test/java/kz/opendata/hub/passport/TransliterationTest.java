package kz.opendata.hub.passport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransliterationTest {

    // Expected Latin forms worked out letter by letter from the table in Transliteration's
    // documentation (GOST R 52535.1-2006 for Russian, the 2021 Kazakh Latin alphabet without
    // diacritics for Kazakh).
    @ParameterizedTest
    @CsvSource({
        "Ұлытау, Ulytau",
        "Жетісу, Zhetisu",
        "Қарағанды, Qaragandy",
        "Өскемен, Oskemen",
        "Түркістан, Turkistan",
        "Маңғыстау, Mangystau",
        "Щёлково, Shchelkovo",
        "Подъезд, Podieezd",
        "Хоспис, Khospis",
        "ЦАО, TSAO",
        "Юля, Iulia",
        "Семь, Sem",
        "Straße, Strasse"
    })
    void transliteratesToLatin(String cyrillic, String latin) {
        assertThat(Transliteration.toLatin(cyrillic)).isEqualTo(latin);
    }

    @ParameterizedTest
    @CsvSource({
        "№ строки, no_stroki",
        "Административный округ, administrativnyi_okrug",
        "Дополнительная информация, dopolnitelnaia_informatsiia",
        "Қарағанды облысы, qaragandy_oblysy",
        "  Год (отчётный)  , god_otchetnyi",
        "2005.0, 2005_0"
    })
    void derivesTechnicalNames(String header, String technicalName) {
        assertThat(Transliteration.technicalName(header)).isEqualTo(technicalName);
    }

    @ParameterizedTest
    @CsvSource({"'***'", "'  '", "'«»'"})
    void returnsEmptyTechnicalNameWithoutLetters(String header) {
        assertThat(Transliteration.technicalName(header)).isEmpty();
    }
}
