package kz.opendata.hub.analysis.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExactCountsTest {

    @Test
    void countsValuesWithCollidingHashes() {
        ExactCounts counts = new ExactCounts();

        counts.increment("a", 1);
        counts.increment("b", 1);
        counts.increment("a", 1);
        counts.increment("c", 17);

        assertThat(counts.size()).isEqualTo(3);
        assertThat(counts.toMap()).isEqualTo(Map.of("a", 2L, "b", 1L, "c", 1L));
    }

    @Test
    void keepsCountsWhileGrowing() {
        ExactCounts counts = new ExactCounts();

        // Value i is added i % 7 + 1 times, so 1000 values make 1000 * 4 - 3 occurrences.
        for (int i = 0; i < 1000; i++) {
            for (int j = 0; j <= i % 7; j++) {
                counts.increment("v" + i, HyperLogLog.hash64("v" + i));
            }
        }

        Map<String, Long> map = counts.toMap();
        assertThat(counts.size()).isEqualTo(1000);
        assertThat(map.get("v0")).isEqualTo(1);
        assertThat(map.get("v6")).isEqualTo(7);
        assertThat(map.get("v999")).isEqualTo(999 % 7 + 1);
        assertThat(map.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1000 * 4 - 3);
    }
}
