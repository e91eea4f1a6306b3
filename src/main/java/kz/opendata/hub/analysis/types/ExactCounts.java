package kz.opendata.hub.analysis.types;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts how often each string occurs, in an open-addressing table keyed by a 64-bit hash the
 * caller has already computed. Adding a value that is present allocates nothing, unlike a
 * {@code HashMap<String, Long>}, which boxes every new count.
 */
final class ExactCounts {

    private static final int INITIAL_CAPACITY = 16;

    private String[] keys = new String[INITIAL_CAPACITY];
    private long[] hashes = new long[INITIAL_CAPACITY];
    private long[] counts = new long[INITIAL_CAPACITY];
    private int size;

    /** Adds one occurrence of the value; {@code hash} must be the same function of the value every time. */
    void increment(String value, long hash) {
        add(value, hash, 1);
    }

    /** Adds {@code occurrences} of the value; {@code hash} must be the same function of the value every time. */
    void add(String value, long hash, long occurrences) {
        int mask = keys.length - 1;
        int slot = (int) hash & mask;
        while (keys[slot] != null) {
            if (hashes[slot] == hash && keys[slot].equals(value)) {
                counts[slot] += occurrences;
                return;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = value;
        hashes[slot] = hash;
        counts[slot] = occurrences;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    int size() {
        return size;
    }

    /** Returns a copy of the counts as a map. */
    Map<String, Long> toMap() {
        Map<String, Long> map = new HashMap<>(size * 2);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                map.put(keys[i], counts[i]);
            }
        }
        return map;
    }

    /** Doubles the table, keeping it at most half full so that probe runs stay short. */
    private void grow() {
        String[] oldKeys = keys;
        long[] oldHashes = hashes;
        long[] oldCounts = counts;
        keys = new String[oldKeys.length * 2];
        hashes = new long[keys.length];
        counts = new long[keys.length];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] == null) {
                continue;
            }
            int slot = (int) oldHashes[i] & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = oldKeys[i];
            hashes[slot] = oldHashes[i];
            counts[slot] = oldCounts[i];
        }
    }
}
