package kz.opendata.hub.analysis.types;

/**
 * Estimates the number of distinct values in fixed memory: 2^{@value #PRECISION} one-byte
 * registers (16 KiB), with a standard error of about 1.04 / sqrt(2^14), or 0.8%.
 *
 * <p>Algorithm from Flajolet, Fusy, Gandouet and Meunier, "HyperLogLog: the analysis of a
 * near-optimal cardinality estimation algorithm" (2007), with linear counting for small counts.
 */
final class HyperLogLog {

    static final int PRECISION = 14;
    private static final int REGISTERS = 1 << PRECISION;
    private static final double ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);

    private final byte[] registers = new byte[REGISTERS];

    void add(String value) {
        addHash(hash64(value));
    }

    /** Adds a value by its {@link #hash64} hash, for a caller that needs the hash too. */
    void addHash(long hash) {
        int index = (int) (hash >>> (64 - PRECISION));
        int rank = Long.numberOfLeadingZeros((hash << PRECISION) | (1L << (PRECISION - 1))) + 1;
        if (rank > registers[index]) {
            registers[index] = (byte) rank;
        }
    }

    long estimate() {
        double sum = 0;
        int zeros = 0;
        for (byte register : registers) {
            sum += 1.0 / (1L << register);
            if (register == 0) {
                zeros++;
            }
        }
        double raw = ALPHA * REGISTERS * REGISTERS / sum;
        if (raw <= 2.5 * REGISTERS && zeros > 0) {
            return Math.round(REGISTERS * Math.log((double) REGISTERS / zeros));
        }
        return Math.round(raw);
    }

    /** FNV-1a over the UTF-16 code units, then the SplitMix64 finaliser to spread the bits. */
    static long hash64(String value) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            hash ^= value.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 30;
        hash *= 0xbf58476d1ce4e5b9L;
        hash ^= hash >>> 27;
        hash *= 0x94d049bb133111ebL;
        return hash ^ (hash >>> 31);
    }
}
