package kz.opendata.hub.analysis.types;

import java.util.Map;

/**
 * Counts distinct values exactly up to a limit, then estimates with HyperLogLog so memory stays
 * fixed. While exact, it also keeps each value's frequency for the most frequent values.
 */
final class DistinctCounter {

    private final int exactLimit;
    private final HyperLogLog sketch = new HyperLogLog();
    private ExactCounts counts = new ExactCounts();
    private boolean exact = true;

    DistinctCounter(int exactLimit) {
        this.exactLimit = exactLimit;
    }

    void add(String value) {
        add(value, HyperLogLog.hash64(value));
    }

    /**
     * Adds a value with its {@link HyperLogLog#hash64} hash, which serves both the sketch and the
     * exact table, so each value is hashed once.
     */
    void add(String value, long hash) {
        sketch.addHash(hash);
        if (!exact) {
            return;
        }
        counts.increment(value, hash);
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
        return exact ? counts.toMap() : null;
    }
}
