package kz.opendata.hub.analysis.types;

/**
 * Remembers a result computed from a cell value, for the first distinct short values of one
 * column, so that a value repeated down the column (a region, a status, a date) is parsed or
 * tested once. Memory is fixed: at most {@code capacity} values of at most
 * {@value #MAX_VALUE_LENGTH} characters are kept, and later new values are computed each time.
 * Results must depend on the value alone. Once full, a memo that finds fewer than half of the
 * next {@value #TRIAL_LOOKUPS} values stops looking, since the column's values rarely repeat.
 *
 * @param <V> the remembered result
 */
public final class ValueMemo<V> {

    /** Longer values are rarely repeated, and would hold more memory. */
    static final int MAX_VALUE_LENGTH = 64;

    static final int TRIAL_LOOKUPS = 4096;

    private final String[] keys;
    private final Object[] results;
    private final int capacity;
    private int size;
    private int lookupsWhileFull;
    private int hitsWhileFull;
    private boolean stopped;

    /** Creates a memo for at most {@code capacity} values. */
    public ValueMemo(int capacity) {
        this.capacity = capacity;
        int slots = Integer.highestOneBit(Math.max(1, capacity) * 2 - 1) << 1;
        this.keys = new String[slots];
        this.results = new Object[slots];
    }

    /** Returns the remembered result of the value, or null when there is none. */
    public V get(String value) {
        if (stopped || value.length() > MAX_VALUE_LENGTH) {
            return null;
        }
        V result = find(value);
        if (size >= capacity) {
            countLookupWhileFull(result != null);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private V find(String value) {
        int mask = keys.length - 1;
        for (int slot = spread(value.hashCode()) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            if (keys[slot].equals(value)) {
                return (V) results[slot];
            }
        }
        return null;
    }

    private void countLookupWhileFull(boolean hit) {
        lookupsWhileFull++;
        if (hit) {
            hitsWhileFull++;
        }
        if (lookupsWhileFull == TRIAL_LOOKUPS && hitsWhileFull * 2 < TRIAL_LOOKUPS) {
            stopped = true;
        }
    }

    /** Remembers the result of a value that {@link #get} did not find, while there is room. */
    public void put(String value, V result) {
        if (size >= capacity || value.length() > MAX_VALUE_LENGTH) {
            return;
        }
        int mask = keys.length - 1;
        int slot = spread(value.hashCode()) & mask;
        while (keys[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = value;
        results[slot] = result;
        size++;
    }

    /** Mixes the high bits of {@link String#hashCode} into the low ones that pick a slot. */
    private static int spread(int hash) {
        int mixed = hash * 0x9E3779B9;
        return mixed ^ (mixed >>> 16);
    }
}
