package kz.opendata.hub.analysis.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecimalReadingTest {

    @ParameterizedTest
    @CsvSource({
        "'619788,52', 61978852, 2",
        "-0.50, -50, 2",
        "'+3,25', 325, 2",
        "-0.0, 0, 1",
        "'123456789012345678,9', 1234567890123456789, 1",
        "'1 234,5', 12345, 1"
    })
    void keepsUnscaledValueAndScale(String text, String unscaled, int scale) {
        BigDecimal number = ValueParser.parse(text).number();

        assertThat(number.unscaledValue()).hasToString(unscaled);
        assertThat(number.scale()).isEqualTo(scale);
    }

    @Test
    void agreesWithBigDecimalOnRandomDecimals() {
        SplittableRandom random = new SplittableRandom(19);
        String[] signs = {"", "-", "+"};
        String[] points = {".", ","};

        for (int i = 0; i < 100_000; i++) {
            String integer = Long.toString(random.nextLong(1, Long.MAX_VALUE)).substring(0, 1 + random.nextInt(12));
            String fraction = Long.toString(random.nextLong(Long.MAX_VALUE)).substring(0, 1 + random.nextInt(10));
            String sign = signs[random.nextInt(signs.length)];
            String text = sign + integer + points[random.nextInt(points.length)] + fraction;

            BigDecimal expected = new BigDecimal((sign.equals("-") ? "-" : "") + integer + "." + fraction);

            assertThat(ValueParser.parse(text).number()).as(text).isEqualTo(expected);
        }
    }
}
