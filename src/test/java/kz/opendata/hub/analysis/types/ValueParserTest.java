package kz.opendata.hub.analysis.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueParserTest {

    @ParameterizedTest
    @CsvSource(delimiterString = "|", textBlock = """
            2005          | 2005
            -17           | -17
            332 720       | 332720
            1 234 567     | 1234567
            0             | 0
            """)
    void readsIntegers(String text, String expected) {
        ValueParser.ParsedValue value = ValueParser.parse(text);

        assertThat(value.type()).isEqualTo(ValueType.INTEGER);
        assertThat(value.number()).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "|", textBlock = """
            2005.0        | 2005
            2,5           | 2.5
            43558237.5    | 43558237.5
            -0,75         | -0.75
            1 250,5       | 1250.5
            1.5E3         | 1500
            """)
    void readsNumbers(String text, String expected) {
        ValueParser.ParsedValue value = ValueParser.parse(text);

        assertThat(value.type()).isEqualTo(ValueType.NUMBER);
        assertThat(value.number()).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @CsvSource({"12.03.2024,2024-03-12", "2024-03-12,2024-03-12", "29.02.2024,2024-02-29"})
    void readsDates(String text, String expected) {
        ValueParser.ParsedValue value = ValueParser.parse(text);

        assertThat(value.type()).isEqualTo(ValueType.DATE);
        assertThat(value.date()).isEqualTo(LocalDate.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"007", "050140000123", "31.02.2024", "29.02.2023", "2,5 млн", "7.0 (mg-eq./L)", "12 345 67"})
    void keepsCodesAndTextAsStrings(String text) {
        assertThat(ValueParser.parse(text).type()).isEqualTo(ValueType.STRING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "-", "—", "N/A", "нет данных", "Нет данных", "\u00A0"})
    void recognisesMissingValues(String text) {
        assertThat(MissingValues.isMissing(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "нет", "-5", "x"})
    void keepsOrdinaryValues(String text) {
        assertThat(MissingValues.isMissing(text)).isFalse();
    }
}
