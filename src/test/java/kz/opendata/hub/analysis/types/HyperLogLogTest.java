package kz.opendata.hub.analysis.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class HyperLogLogTest {

    /** Three standard errors of the estimate with 2^14 registers: 3 * 1.04 / 128, about 2.4 %. */
    private static final double TOLERANCE = 3 * 1.04 / Math.sqrt(1 << HyperLogLog.PRECISION);

    /**
     * Shapes of values common in unloads: running numbers, 12-digit identifiers, phone numbers,
     * Cyrillic names with a number, and short codes of a Cyrillic letter and digits.
     */
    private static final List<IntFunction<String>> SHAPES = List.of(
            Integer::toString,
            i -> String.format("%012d", 870412300000L + 7L * i),
            i -> String.format("+7 (7%02d) %03d-%02d-%02d", i % 100, i / 100 % 1000, i / 100_000 % 100, i % 97),
            i -> "Иванов " + (i * 31L % 1_000_003) + " Нұрлан",
            i -> "код-" + (char) ('А' + i % 32) + (char) ('0' + i / 32 % 10) + (i / 320));

    @Test
    void estimatesWithinThreeStandardErrors() {
        for (int shape = 0; shape < SHAPES.size(); shape++) {
            for (int count : new int[] {1_000, 50_000, 1_000_000}) {
                HyperLogLog sketch = new HyperLogLog();
                Set<String> distinct = new HashSet<>();
                for (int i = 0; i < count; i++) {
                    String value = SHAPES.get(shape).apply(i);
                    distinct.add(value);
                    sketch.add(value);
                }
                long exact = distinct.size();

                assertThat((double) sketch.estimate())
                        .as("shape %d, %d distinct values", shape, exact)
                        .isBetween(exact * (1 - TOLERANCE), exact * (1 + TOLERANCE));
            }
        }
    }

    @Test
    void equalTextsHashEqually() {
        String value = "Омаров Бауыржан";

        assertThat(HyperLogLog.hash64(new String(value.toCharArray()))).isEqualTo(HyperLogLog.hash64(value));
        assertThat(HyperLogLog.hash64("abcd")).isNotEqualTo(HyperLogLog.hash64("abce"));
        assertThat(HyperLogLog.hash64("abcde")).isNotEqualTo(HyperLogLog.hash64("abcd"));
        assertThat(HyperLogLog.hash64("")).isNotEqualTo(HyperLogLog.hash64("\0"));
    }
}
