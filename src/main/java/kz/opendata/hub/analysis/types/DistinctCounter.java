package kz.opendata.hub.analysis.types;

import java.util.Arrays;
import java.util.Map;

/**
 * Counts distinct values exactly up to a limit, then estimates with HyperLogLog so memory stays
 * fixed. While exact, it also keeps each value's frequency for the most frequent values.
 */
final class DistinctCounter {

    /** Values that wait for the exact table, counted together by {@link #flush()}. */
    private static final int PENDING = 256;

    private final int exactLimit;
    private final HyperLogLog sketch = new HyperLogLog();
    private ExactCounts counts = new ExactCounts();
    private boolean exact = true;
    /** Occurrences of each numbered value, the first included, which the table has counted once. */
    private long[] entryCounts = new long[0];

    private String[] entryValues = new String[0];
    private long[] entryHashes = new long[0];

    private final String[] pending = new String[PENDING];
    private final long[] pendingHashes = new long[PENDING];
    private int pendingSize;

    DistinctCounter(int exactLimit) {
        this.exactLimit = exactLimit;
    }

    /**
     * Adds a value with its {@link HyperLogLog#hash64} hash, which serves both the sketch and the
     * exact table, and its cache entry number, or -1. A numbered value seen before
     * only raises a count kept by number: the sketch already has its hash, and the exact table
     * gets the count when {@link #frequencies()} is asked for.
     */
    void add(String value, long hash, int entry) {
        if (entry >= 0 && entry < entryCounts.length && entryCounts[entry] > 0) {
            entryCounts[entry]++;
            return;
        }
        sketch.addHash(hash);
        if (entry >= 0) {
            if (entry >= entryCounts.length) {
                int length = Math.max(entry + 1, entryCounts.length * 2);
                entryCounts = Arrays.copyOf(entryCounts, length);
                entryValues = Arrays.copyOf(entryValues, length);
                entryHashes = Arrays.copyOf(entryHashes, length);
            }
            // The first occurrence goes to the table itself; later ones are counted by number.
            entryCounts[entry] = 1;
            entryValues[entry] = value;
            entryHashes[entry] = hash;
        }
        pending[pendingSize] = value;
        pendingHashes[pendingSize] = hash;
        if (++pendingSize == PENDING) {
            flush();
        }
    }

    /**
     * Counts the pending values in the exact table, or drops them once the count is an estimate.
     * This is kept out of {@link #add}, which the JIT compiler inlines into the column workers'
     * loop. Each column turns to an estimate once, at its own row, and a branch on that in the
     * loop made the compiler drop and rebuild the workers' compiled code during the file.
     */
    private void flush() {
        for (int i = 0; i < pendingSize && exact; i++) {
            counts.increment(pending[i], pendingHashes[i]);
            if (counts.size() > exactLimit) {
                exact = false;
                counts = null;
            }
        }
        Arrays.fill(pending, 0, pendingSize, null);
        pendingSize = 0;
    }

    long count() {
        flush();
        return exact ? counts.size() : sketch.estimate();
    }

    boolean isExact() {
        flush();
        return exact;
    }

    /** Frequencies of all values while the count is exact, otherwise null. */
    Map<String, Long> frequencies() {
        flush();
        if (!exact) {
            return null;
        }
        for (int entry = 0; entry < entryCounts.length; entry++) {
            if (entryCounts[entry] > 1) {
                counts.add(entryValues[entry], entryHashes[entry], entryCounts[entry] - 1);
                entryCounts[entry] = 1;
            }
        }
        return counts.toMap();
    }
}
