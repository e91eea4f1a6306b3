package kz.opendata.hub.analysis.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * The values of one column's short cells, remembered by the cells' bytes, so that a value
 * repeated down the column (a region, a status, a date) is decoded, normalized and hashed once.
 * The canonical string it returns also keeps its {@link String#hashCode} cached, and an equal
 * value in a counting table is found by identity.
 *
 * <p>Memory is fixed: at most {@code capacity} cells of at most {@value #MAX_KEY_BYTES} bytes.
 * Once full, a cache that finds fewer than half of the next {@value #TRIAL_LOOKUPS} cells stops
 * looking, because the column's values rarely repeat. The result depends on the bytes alone, so
 * the cache changes no report. Only the worker that owns the column reads it.
 */
public final class CellCache {

    static final int MAX_KEY_BYTES = 64;
    static final int TRIAL_LOOKUPS = 4096;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final UnaryOperator<String> normalize;
    private final ToLongFunction<String> hasher;
    private final int capacity;
    private final int[] keyHashes;
    private final int[] keyStarts;
    /** Length of each slot's key in bytes, or -1 for an empty slot. */
    private final int[] keyLengths;

    private final String[] values;
    private final long[] valueHashes;
    /** Order in which each slot's key was added, from 0: the entry number {@link #entry()} gives. */
    private final int[] entries;

    private final byte[] keyBytes;
    private int keyBytesUsed;
    private int size;
    private int lookupsWhileFull;
    private int hitsWhileFull;
    private boolean stopped;
    private String value;
    private long valueHash;
    private int entry;

    /**
     * @param normalize turns a cell's text, or null for a blank cell, into the value to count, or
     *     null when the value is missing
     * @param hasher the 64-bit hash of a value, for the distinct count
     */
    public CellCache(int capacity, UnaryOperator<String> normalize, ToLongFunction<String> hasher) {
        this.capacity = Math.max(1, capacity);
        this.normalize = normalize;
        this.hasher = hasher;
        int slots = Integer.highestOneBit(this.capacity * 2 - 1) << 1;
        this.keyHashes = new int[slots];
        this.keyStarts = new int[slots];
        this.keyLengths = new int[slots];
        Arrays.fill(keyLengths, -1);
        this.values = new String[slots];
        this.valueHashes = new long[slots];
        this.entries = new int[slots];
        this.keyBytes = new byte[this.capacity * MAX_KEY_BYTES];
    }

    /** Reads a cell of the batch, after which {@link #value()} and {@link #valueHash()} describe it. */
    public void read(RowBatch batch, int row, int column) {
        EncodedCells encoded = batch.encoded(row);
        if (encoded == null) {
            remember(normalize.apply(batch.cell(row, column)));
            return;
        }
        int index = batch.firstColumn() + column;
        if (index >= encoded.size() || encoded.byteLength(index) == 0) {
            value = null;
            valueHash = 0;
            entry = -1;
            return;
        }
        int length = encoded.byteLength(index);
        if (stopped || length > MAX_KEY_BYTES) {
            remember(normalize.apply(encoded.filledOrNull(index)));
            return;
        }
        readShort(encoded, index, length);
    }

    private void readShort(EncodedCells encoded, int index, int length) {
        byte[] bytes = encoded.bytes();
        int from = encoded.start(index);
        int hash = hash(bytes, from, length);
        int mask = keyLengths.length - 1;
        int slot = hash & mask;
        while (keyLengths[slot] >= 0) {
            if (keyHashes[slot] == hash
                    && keyLengths[slot] == length
                    && Arrays.equals(keyBytes, keyStarts[slot], keyStarts[slot] + length, bytes, from, from + length)) {
                value = values[slot];
                valueHash = valueHashes[slot];
                entry = entries[slot];
                countLookupWhileFull(true);
                return;
            }
            slot = (slot + 1) & mask;
        }
        countLookupWhileFull(false);
        remember(normalize.apply(encoded.filledOrNull(index)));
        if (size < capacity) {
            keyHashes[slot] = hash;
            keyStarts[slot] = keyBytesUsed;
            keyLengths[slot] = length;
            System.arraycopy(bytes, from, keyBytes, keyBytesUsed, length);
            keyBytesUsed += length;
            values[slot] = value;
            valueHashes[slot] = valueHash;
            entries[slot] = size;
            entry = size;
            size++;
        }
    }

    private void remember(String normalized) {
        value = normalized;
        valueHash = normalized == null ? 0 : hasher.applyAsLong(normalized);
        entry = -1;
    }

    private void countLookupWhileFull(boolean hit) {
        if (size < capacity) {
            return;
        }
        lookupsWhileFull++;
        if (hit) {
            hitsWhileFull++;
        }
        if (lookupsWhileFull == TRIAL_LOOKUPS && hitsWhileFull * 2 < TRIAL_LOOKUPS) {
            stopped = true;
        }
    }

    /** Hashes the bytes eight at a time; the result only picks a slot, so it need not be strong. */
    private static int hash(byte[] bytes, int from, int length) {
        long hash = length;
        int i = from;
        int end = from + length;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            hash = (hash ^ (long) LONGS.get(bytes, i)) * 0x9E3779B97F4A7C15L;
        }
        for (; i < end; i++) {
            hash = (hash ^ bytes[i]) * 0x100000001B3L;
        }
        hash ^= hash >>> 29;
        return (int) (hash ^ (hash >>> 32));
    }

    /** Returns the normalized value of the cell read last, or null when it is missing. */
    public String value() {
        return value;
    }

    /** Returns the hash of {@link #value()}, or 0 when the value is missing. */
    public long valueHash() {
        return valueHash;
    }

    /**
     * Numbers the cell read last among the cached ones, from 0 up to the capacity, or -1 when it
     * is not cached. Cells with the same bytes get the same number, so a consumer can keep what
     * it derives from a value in an array by this number instead of looking the value up.
     */
    public int entry() {
        return entry;
    }
}
