package kz.opendata.hub.analysis.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RememberedProfileTest {

    /**
     * Repeated values come from the memo after their first parse. The statistics must still be
     * those of a profiler that parses every value.
     */
    @Test
    void memoLeavesStatisticsUnchanged() {
        String[] values = {
            "12.03.2024", "2024-03-12", "1 500", "7,5", "да", "Абай", "15%", "202403", "-", "", "x".repeat(70)
        };
        ColumnProfiler remembered = new ColumnProfiler(100, 3, 4);
        ColumnProfiler parsedEachTime = new ColumnProfiler(100, 3, 0);
        SplittableRandom random = new SplittableRandom(5);

        for (int i = 0; i < 5000; i++) {
            String value = values[random.nextInt(values.length)];
            remembered.accept(value);
            parsedEachTime.accept(value);
        }

        assertThat(remembered.stats()).isEqualTo(parsedEachTime.stats());
        assertThat(remembered.stats().minLength()).isEqualTo(2);
        assertThat(remembered.stats().maxLength()).isEqualTo(70);
    }
}
