package kz.opendata.hub.analysis.types;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts distinct values exactly up to a limit, then estimates with HyperLogLog so memory stays
 * fixed. While exact, it also keeps each value's frequency for the most frequent values.
 */
final class DistinctCounter {

    private final int exactLimit;
    private Map<String, Long> counts = new HashMap<>();
    private final HyperLogLog sketch = new HyperLogLog();
    private boolean exact = true;

    DistinctCounter(int exactLimit) {
        this.exactLimit = exactLimit;
    }

    void add(String value) {
        sketch.add(value);
        if (!exact) {
            return;
        }
        counts.merge(value, 1L, Long::sum);
        if (counts.size() > exactLimit) {
            exact = false;
            counts = null;
        }
    }

    long count() {
        return exact ? counts.size() : sketch.estimate();
    }

    boolean isExact() {
        return exact;
    }

    /** Frequencies of all values while the count is exact, otherwise null. */
    Map<String, Long> frequencies() {
        return counts;
    }
}
