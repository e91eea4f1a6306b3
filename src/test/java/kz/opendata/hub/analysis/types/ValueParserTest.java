package kz.opendata.hub.analysis.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
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
    @CsvSource(delimiterString = "|", textBlock = """
            12.03.2024              | 2024-03-12
            2024-03-12              | 2024-03-12
            29.02.2024              | 2024-02-29
            12 марта 2024 г.        | 2024-03-12
            1 января 2023 года      | 2023-01-01
            12 наурыз 2024          | 2024-03-12
            2024 жылғы 5 қазан      | 2024-10-05
            2024 жылғы 12 наурыздағы | 2024-03-12
            """)
    void readsDates(String text, String expected) {
        ValueParser.ParsedValue value = ValueParser.parse(text);

        assertThat(value.type()).isEqualTo(ValueType.DATE);
        assertThat(value.value()).isEqualTo(LocalDate.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "|", textBlock = """
            12.03.2024 10:30        | 2024-03-12T10:30
            2024-03-12T10:30:15     | 2024-03-12T10:30:15
            2024-03-12 08:05:00     | 2024-03-12T08:05
            """)
    void readsDateTimes(String text, String expected) {
        ValueParser.ParsedValue value = ValueParser.parse(text);

        assertThat(value.type()).isEqualTo(ValueType.DATETIME);
        assertThat(value.value()).isEqualTo(LocalDateTime.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "|", textBlock = """
            март 2024    | 2024-03
            наурыз 2024  | 2024-03
            03.2024      | 2024-03
            2024-03      | 2024-03
            """)
    void readsYearMonths(String text, String expected) {
        ValueParser.ParsedValue value = ValueParser.parse(text);

        assertThat(value.type()).isEqualTo(ValueType.YEARMONTH);
        assertThat(value.value()).isEqualTo(YearMonth.parse(expected));
    }

    @Test
    void readsTimesPercentsAndBooleans() {
        assertThat(ValueParser.parse("10:30").value()).isEqualTo(LocalTime.of(10, 30));
        assertThat(ValueParser.parse("25:00").type()).isEqualTo(ValueType.STRING);
        assertThat(ValueParser.parse("12,5%").number()).isEqualByComparingTo("12.5");
        assertThat(ValueParser.parse("12,5%").marker()).isEqualTo("percent");
        assertThat(ValueParser.parse("100 %").type()).isEqualTo(ValueType.NUMBER);
        for (String flag : new String[] {"да", "Нет", "иә", "жоқ", "true", "FALSE", "yes"}) {
            assertThat(ValueParser.parse(flag).type()).as(flag).isEqualTo(ValueType.BOOLEAN);
        }
    }

    /** Integers with and without signs and grouped thousands, up to 24 digits, against BigDecimal's reading. */
    @Test
    void integersMatchBigDecimal() {
        SplittableRandom random = new SplittableRandom(23);
        String[] signs = {"", "", "-", "+"};
        String[] separators = {" ", "\u00A0", "\u202F"};

        for (int i = 0; i < 100_000; i++) {
            StringBuilder digits = new StringBuilder().append((char) ('1' + random.nextInt(9)));
            int more = random.nextInt(24);
            for (int d = 0; d < more; d++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            String sign = signs[random.nextInt(signs.length)];
            String text = sign + digits;
            if (random.nextBoolean() && digits.length() > 3) {
                StringBuilder grouped = new StringBuilder(digits);
                String separator = separators[random.nextInt(separators.length)];
                for (int at = digits.length() - 3; at > 0; at -= 3) {
                    grouped.insert(at, separator);
                }
                text = sign + grouped;
            }
            BigDecimal expected = new BigDecimal(("-".equals(sign) ? "-" : "") + digits);

            ValueParser.ParsedValue parsed = ValueParser.parse(text);
            assertThat(parsed.type()).as(text).isEqualTo(ValueType.INTEGER);
            assertThat(parsed.number()).as(text).isEqualTo(expected);
        }
    }

    /**
     * Exponents up to 999 make numbers. Larger ones make text: a value of 1e999999999 would take
     * gigabytes to print in plain digits or to compare with 5.
     */
    @Test
    void hugeExponentsAreText() {
        assertThat(ValueParser.parse("1.5E+300").number()).isEqualByComparingTo(new BigDecimal("1.5e300"));
        assertThat(ValueParser.parse("2e-999").number()).isEqualByComparingTo(new BigDecimal("2e-999"));
        assertThat(ValueParser.parse("1e0000999").type()).isEqualTo(ValueType.NUMBER);
        for (String text : new String[] {"1e1000", "1e-1000", "1e999999999", "1e59490220130848"}) {
            assertThat(ValueParser.parse(text).type()).as(text).isEqualTo(ValueType.STRING);
        }
    }

    /** Up to 1,000 characters a run of digits is an integer; beyond that it is text, as a pasted dump is. */
    @Test
    void longDigitRunsAreText() {
        String thousand = "9".repeat(1000);
        String million = "1".repeat(1_000_000);

        assertThat(ValueParser.parse(thousand).type()).isEqualTo(ValueType.INTEGER);
        assertThat(ValueParser.parse(thousand).number())
                .isEqualByComparingTo(BigDecimal.TEN.pow(1000).subtract(BigDecimal.ONE));
        assertThat(ValueParser.parse("9" + thousand).type()).isEqualTo(ValueType.STRING);
        assertThat(ValueParser.parse(million).type()).isEqualTo(ValueType.STRING);
        assertThat(ValueParser.parse("0." + "5".repeat(1200)).type()).isEqualTo(ValueType.STRING);
    }

    @Test
    void marksWebAddressesAndPeriods() {
        assertThat(ValueParser.parse("http://www.ds499.uvuo.ru").marker()).isEqualTo("url");
        assertThat(ValueParser.parse("www.zags.mos.ru/contacts/").marker()).isEqualTo("url");
        assertThat(ValueParser.parse("202403").marker()).isEqualTo("yyyymm");
        assertThat(ValueParser.parse("202413").marker()).isNull();
    }

    @Test
    void markerIndexesNameTheMarkers() {
        String[] texts = {"12,5%", "http://www.ds499.uvuo.ru", "202403", "POINT (71.43 51.13)", "abc", "12.03.2024"};
        String[] markers = {"percent", "url", "yyyymm", "geopoint", null, null};

        for (int i = 0; i < texts.length; i++) {
            ValueParser.ParsedValue parsed = ValueParser.parse(texts[i]);
            assertThat(parsed.marker()).as(texts[i]).isEqualTo(markers[i]);
            assertThat(ValueParser.markerName(parsed.markerIndex()))
                    .as(texts[i])
                    .isEqualTo(markers[i]);
        }
        assertThat(ValueParser.markerIndex(null)).isZero();
        assertThatThrownBy(() -> ValueParser.markerIndex("colour")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void periodsAreYears1900To2100() {
        int periods = 0;
        for (int number = 100_000; number <= 999_999; number++) {
            String text = Integer.toString(number);
            boolean period = text.compareTo("190001") >= 0
                    && text.compareTo("210012") <= 0
                    && text.substring(4).compareTo("01") >= 0
                    && text.substring(4).compareTo("12") <= 0;
            ValueParser.ParsedValue parsed = ValueParser.parse(text);
            assertThat(parsed.marker()).as(text).isEqualTo(period ? "yyyymm" : null);
            assertThat(ValueParser.markerName(parsed.markerIndex())).as(text).isEqualTo(parsed.marker());
            periods += period ? 1 : 0;
        }
        // 201 years from 1900 to 2100, 12 months each.
        assertThat(periods).isEqualTo(201 * 12);
        for (String notPeriod : new String[] {"+20241", "-20241", "20 241", "2024 1", "1", "20243", "2024031"}) {
            assertThat(ValueParser.parse(notPeriod).marker()).as(notPeriod).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "007",
                "050140000123",
                "31.02.2024",
                "29.02.2023",
                "12 мартобря 2024",
                "2,5 млн",
                "7.0 (mg-eq./L)",
                "12 345 67"
            })
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
