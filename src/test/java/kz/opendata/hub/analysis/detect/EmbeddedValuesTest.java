package kz.opendata.hub.analysis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import kz.opendata.hub.analysis.TestIins;
import org.junit.jupiter.api.Test;

class EmbeddedValuesTest {

    private static final String IIN = TestIins.generate(LocalDate.of(1991, 8, 13), true, 4379);

    @Test
    void hidesIinAndPhoneInComment() {
        String comment = "Заявитель ИИН " + IIN + " тел. +7 (701) 123-45-67, просит справку";

        assertThat(EmbeddedValues.mask(comment))
                .isEqualTo("Заявитель ИИН ************ тел. +* (***) ***-**-**, просит справку");
    }

    @Test
    void hidesEmailCardAndIban() {
        assertThat(EmbeddedValues.mask("пишите на ivan.petrov@mail.kz сегодня"))
                .isEqualTo("пишите на ****.******@****.** сегодня");
        assertThat(EmbeddedValues.mask("карта 4111 1111 1111 1111 заблокирована"))
                .isEqualTo("карта **** **** **** **** заблокирована");
        assertThat(EmbeddedValues.mask("счёт KZ86125KZT5004100100 в банке"))
                .isEqualTo("счёт ******************** в банке");
        assertThat(EmbeddedValues.mask("мобильный 87011234567")).isEqualTo("мобильный ***********");
    }

    /** Digits of other scripts are read as digits, and the text keeps its own characters elsewhere. */
    @Test
    void hidesValuesInOtherDigits() {
        String arabicIndic = IIN.chars()
                .mapToObj(c -> String.valueOf((char) ('\u0660' + c - '0')))
                .reduce("", String::concat);

        assertThat(EmbeddedValues.mask("ИИН " + arabicIndic + " в заявке ١٢"))
                .isEqualTo("ИИН ************ в заявке ١٢");
        assertThat(EmbeddedValues.mask("тел ٨٧٠١١٢٣٤٥٦٧")).isEqualTo("тел ***********");
    }

    /** Numbers that only look like restricted values stay: a BIN, a wrong check digit, dates, amounts. */
    @Test
    void keepsLookAlikes() {
        String wrongCheckDigit = IIN.substring(0, 11) + (char) ('0' + (IIN.charAt(11) - '0' + 1) % 10);
        String[] texts = {
            "БИН 040540001230",
            "номер " + wrongCheckDigit,
            "с 2023-03-20 по 20.03.2024",
            "сумма 43 558 237 500 тенге",
            "619788,52",
            "договор № 1234567 от 2020 года",
            "г. Алматы, ул. Абая, д. 10",
            "4111 1111 1111 1112"
        };

        for (String text : texts) {
            assertThat(EmbeddedValues.mask(text)).as(text).isEqualTo(text);
        }
        assertThat(EmbeddedValues.mask(null)).isNull();
    }
}
