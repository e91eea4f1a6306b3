package kz.opendata.hub.analysis.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
