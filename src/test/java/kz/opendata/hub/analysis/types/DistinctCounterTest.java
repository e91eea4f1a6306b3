package kz.opendata.hub.analysis.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistinctCounterTest {

    /**
     * "Алматы" arrives as cache entry 0 three times, as entry 1 twice (other bytes, such as a
     * trailing space, normalized to the same text) and once without an entry: 6 in all. "Астана"
     * arrives as entry 2 four times.
     */
    @Test
    void countsNumberedValuesLikeOthers() {
        DistinctCounter counter = new DistinctCounter(100);
        String[] values = {
            "Алматы", "Алматы", "Астана", "Алматы", "Алматы", "Астана", "Алматы", "Астана", "Астана", "Алматы"
        };
        int[] entries = {0, 1, 2, 0, 1, 2, -1, 2, 2, 0};

        for (int i = 0; i < values.length; i++) {
            counter.add(values[i], HyperLogLog.hash64(values[i]), entries[i]);
        }

        assertThat(counter.count()).isEqualTo(2);
        assertThat(counter.frequencies()).isEqualTo(Map.of("Алматы", 6L, "Астана", 4L));
        assertThat(counter.frequencies()).as("asked again").isEqualTo(Map.of("Алматы", 6L, "Астана", 4L));
    }

    /**
     * Values arrive in batches that the counter keeps before counting them exactly. Frequencies
     * must match a plain map however the values, the numbered ones and the questions interleave.
     */
    @Test
    void frequenciesMatchPlainMap() {
        SplittableRandom random = new SplittableRandom(29);
        DistinctCounter counter = new DistinctCounter(1_000);
        Map<String, Long> expected = new HashMap<>();

        for (int i = 0; i < 20_000; i++) {
            int number = random.nextInt(1_000);
            String value = "значение " + number;
            int entry = number < 100 ? number : -1;
            counter.add(value, HyperLogLog.hash64(value), entry);
            expected.merge(value, 1L, Long::sum);
            if (i % 7_777 == 0) {
                assertThat(counter.count()).as("after %d values", i + 1).isEqualTo(expected.size());
            }
        }

        assertThat(counter.isExact()).isTrue();
        assertThat(counter.count()).isEqualTo(1_000);
        assertThat(counter.frequencies()).isEqualTo(expected);
    }

    @Test
    void oneValuePastLimitEndsExactCount() {
        DistinctCounter exactToTheEnd = new DistinctCounter(1_000);
        DistinctCounter pastTheLimit = new DistinctCounter(1_000);

        for (int i = 0; i < 1_000; i++) {
            exactToTheEnd.add("v" + i, HyperLogLog.hash64("v" + i), -1);
            pastTheLimit.add("v" + i, HyperLogLog.hash64("v" + i), -1);
        }
        pastTheLimit.add("v1000", HyperLogLog.hash64("v1000"), -1);

        assertThat(exactToTheEnd.isExact()).isTrue();
        assertThat(exactToTheEnd.count()).isEqualTo(1_000);
        assertThat(pastTheLimit.isExact()).isFalse();
        assertThat(pastTheLimit.frequencies()).isNull();
    }

    @Test
    void estimatesOnceTheExactLimitIsPassed() {
        DistinctCounter counter = new DistinctCounter(3);

        for (int i = 0; i < 10; i++) {
            String value = "код-" + (i % 5);
            counter.add(value, HyperLogLog.hash64(value), i % 5);
        }

        assertThat(counter.isExact()).isFalse();
        assertThat(counter.frequencies()).isNull();
        assertThat(counter.count()).isEqualTo(5);
    }
}
