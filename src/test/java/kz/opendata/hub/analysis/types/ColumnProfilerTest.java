package kz.opendata.hub.analysis.types;

import static org.assertj.core.api.Assertions.assertThat;

import kz.opendata.hub.analysis.ColumnReport.ValueCount;
import org.junit.jupiter.api.Test;

class ColumnProfilerTest {

    @Test
    void countsNullsDistinctAndRange() {
        ColumnProfiler profiler = new ColumnProfiler(100, 3);
        for (String value : new String[] {"10", "-", "2 500", "10", "", "7,5", null}) {
            profiler.accept(value);
        }

        ColumnStats stats = profiler.stats();

        assertThat(stats.nullCount()).isEqualTo(3);
        assertThat(stats.valueCount()).isEqualTo(4);
        assertThat(stats.distinctCount()).isEqualTo(3);
        assertThat(stats.type()).isEqualTo(ValueType.NUMBER);
        assertThat(stats.min()).isEqualTo("7.5");
        assertThat(stats.max()).isEqualTo("2500");
        assertThat(stats.unique()).isFalse();
        assertThat(stats.topValues()).containsExactly(new ValueCount("10", 2));
        assertThat(stats.minLength()).isEqualTo(2);
        assertThat(stats.maxLength()).isEqualTo(5);
    }

    @Test
    void marksMostlyNumericColumnAsMixed() {
        ColumnProfiler profiler = new ColumnProfiler(100, 3);
        for (int i = 0; i < 9; i++) {
            profiler.accept(Integer.toString(i));
        }
        profiler.accept("7.0 (mg-eq./L)");

        ColumnStats stats = profiler.stats();

        assertThat(stats.type()).isEqualTo(ValueType.STRING);
        assertThat(stats.mixedType()).isEqualTo(ValueType.INTEGER);
        assertThat(stats.typeConsistency()).isEqualTo(0.9);
    }

    @Test
    void datesGiveDateRange() {
        ColumnProfiler profiler = new ColumnProfiler(100, 3);
        profiler.accept("12.03.2024");
        profiler.accept("2023-12-31");
        profiler.accept("01.01.2025");

        ColumnStats stats = profiler.stats();

        assertThat(stats.type()).isEqualTo(ValueType.DATE);
        assertThat(stats.min()).isEqualTo("2023-12-31");
        assertThat(stats.max()).isEqualTo("2025-01-01");
        assertThat(stats.unique()).isTrue();
    }

    @Test
    void estimatesDistinctCountBeyondExactLimit() {
        ColumnProfiler profiler = new ColumnProfiler(1_000, 3);
        int distinct = 200_000;
        for (int i = 0; i < distinct; i++) {
            profiler.accept("ID-" + i);
            profiler.accept("ID-" + i);
        }

        ColumnStats stats = profiler.stats();

        assertThat(stats.distinctExact()).isFalse();
        // 2^14 registers give a standard error of 0.8%; 3% is almost four standard errors.
        assertThat(stats.distinctCount()).isBetween((long) (distinct * 0.97), (long) (distinct * 1.03));
        assertThat(stats.unique()).isFalse();
        assertThat(stats.topValues()).isEmpty();
    }

    @Test
    void periodMarkerNeedsEveryValue() {
        ColumnProfiler periods = new ColumnProfiler(100, 3);
        ColumnProfiler spoiled = new ColumnProfiler(100, 3);
        for (int month = 1; month <= 12; month++) {
            String period = String.format("2024%02d", month);
            periods.accept(period);
            spoiled.accept(period);
        }
        spoiled.accept("202413");

        assertThat(periods.stats().valueMarker()).isEqualTo("yyyymm");
        assertThat(spoiled.stats().valueMarker()).isNull();
    }

    @Test
    void webAddressesNeedNineTenthsOfTheValues() {
        ColumnProfiler mostly = new ColumnProfiler(100, 3);
        ColumnProfiler few = new ColumnProfiler(100, 3);
        for (int i = 0; i < 9; i++) {
            mostly.accept("https://akimat.example.kz/page/" + i);
            few.accept(i < 8 ? "https://akimat.example.kz/page/" + i : "нет сайта " + i);
        }
        mostly.accept("akimat.example.kz");
        few.accept("akimat.example.kz");

        // 9 of 10 values are web addresses in the first column, 8 of 10 in the second.
        assertThat(mostly.stats().valueMarker()).isEqualTo("url");
        assertThat(few.stats().valueMarker()).isNull();
    }
}
