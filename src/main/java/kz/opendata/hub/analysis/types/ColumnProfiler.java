package kz.opendata.hub.analysis.types;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import kz.opendata.hub.analysis.ColumnReport.ValueCount;
import kz.opendata.hub.analysis.types.ValueParser.ParsedValue;

/** Collects one column's statistics while its values stream past, in memory that does not grow with rows. */
public final class ColumnProfiler {

    /** Share of values a type must cover before the others count as mixed in, not as a string column. */
    private static final double DOMINANT_SHARE = 0.8;

    private static final double URL_SHARE = 0.9;

    /** Types that can share a column, each group reported as its widest member. */
    private static final List<List<ValueType>> FAMILIES = List.of(
            List.of(ValueType.INTEGER, ValueType.NUMBER),
            List.of(ValueType.DATE, ValueType.DATETIME),
            List.of(ValueType.TIME),
            List.of(ValueType.YEARMONTH),
            List.of(ValueType.BOOLEAN));

    /** Distinct values per column whose parse result is remembered, unless the caller sets it. */
    public static final int DEFAULT_MEMO_CAPACITY = 1024;

    private final DistinctCounter distinct;
    private final int topValueCount;
    private final ValueMemo<Typed> memo;
    /** The parse result of each cache entry's value, by {@link kz.opendata.hub.analysis.read.CellCache#entry()}. */
    private Typed[] typedByEntry = new Typed[0];

    private final long[] typeCounts = new long[ValueType.values().length];
    /** The smallest and largest value of each range key, by {@link ValueType#ordinal()}. */
    private final Object[] minimums = new Object[ValueType.values().length];

    private final Object[] maximums = new Object[ValueType.values().length];
    /**
     * The count of values with each marker, by {@link ParsedValue#markerIndex()}, index 0 for
     * values without one. Counting is an array increment with no branch. A branch on "has a
     * marker" is never taken for most of a column of running numbers and then taken from 190001
     * to 210012, and the JIT compiler dropped its code for such values again and again.
     */
    private final long[] markerCounts = new long[ValueParser.markerCount()];

    private long nullCount;
    private long valueCount;
    private int minLength = Integer.MAX_VALUE;
    private int maxLength = -1;

    /**
     * @param exactDistinctLimit distinct values counted exactly before switching to an estimate
     * @param topValueCount how many of the most frequent values to report
     */
    public ColumnProfiler(int exactDistinctLimit, int topValueCount) {
        this(exactDistinctLimit, topValueCount, DEFAULT_MEMO_CAPACITY);
    }

    /**
     * @param exactDistinctLimit distinct values counted exactly before switching to an estimate
     * @param topValueCount how many of the most frequent values to report
     * @param memoCapacity distinct values whose parse result is remembered, so that repeated
     *     values are parsed once; each costs memory for the value and its result
     */
    public ColumnProfiler(int exactDistinctLimit, int topValueCount, int memoCapacity) {
        this.distinct = new DistinctCounter(exactDistinctLimit);
        this.topValueCount = topValueCount;
        this.memo = new ValueMemo<>(memoCapacity);
    }

    /** Adds one cell; null and missing-value markers count as null. */
    public void accept(String cell) {
        acceptValue(MissingValues.isMissing(cell) ? null : MissingValues.normalize(cell));
    }

    /** Adds a value already normalized by {@link MissingValues#normalize}, or null for a missing one. */
    public void acceptValue(String value) {
        acceptValue(value, value == null ? 0 : hash(value), -1);
    }

    /**
     * Adds a normalized value with its hash and its cache entry, a number from 0 that the same
     * value always has, or -1 when it has none. The results for a numbered value are kept by
     * number, so a repeated value costs no lookup.
     */
    public void acceptValue(String value, long hash, int entry) {
        if (value == null) {
            nullCount++;
            return;
        }
        valueCount++;
        distinct.add(value, hash, entry);
        Typed typed = entry >= 0 && entry < typedByEntry.length ? typedByEntry[entry] : null;
        if (typed == null) {
            typed = typedOf(value, entry);
        }
        minLength = Math.min(minLength, typed.length());
        maxLength = Math.max(maxLength, typed.length());
        ParsedValue parsed = typed.parsed();
        typeCounts[parsed.type().ordinal()]++;
        markerCounts[typed.parsed().markerIndex()]++;
        if (typed.range() != null) {
            track(rangeKey(parsed.type()), typed.range());
        }
    }

    private Typed typedOf(String value, int entry) {
        Typed typed = memo.get(value);
        if (typed == null) {
            typed = Typed.of(value);
            memo.put(value, typed);
        }
        if (entry >= 0) {
            if (entry >= typedByEntry.length) {
                typedByEntry = Arrays.copyOf(typedByEntry, Math.max(entry + 1, typedByEntry.length * 2));
            }
            typedByEntry[entry] = typed;
        }
        return typed;
    }

    /**
     * What the profiler takes from one value: its length in code points, its parse result and the
     * value that extends the range, or null when it has none.
     */
    private record Typed(int length, ParsedValue parsed, Comparable<Object> range) {

        static Typed of(String value) {
            ParsedValue parsed = ValueParser.parse(value);
            Comparable<Object> range = parsed.value() == null ? null : comparable(parsed);
            return new Typed(value.codePointCount(0, value.length()), parsed, range);
        }
    }

    /** Returns the 64-bit hash that the distinct count takes of a value. */
    public static long hash(String value) {
        return HyperLogLog.hash64(value);
    }

    /** Returns the statistics of the values seen so far. */
    public ColumnStats stats() {
        List<ValueType> family = dominantFamily();
        long conforming = family.stream().mapToLong(this::count).sum();
        boolean allConform = valueCount > 0 && conforming == valueCount;
        ValueType widest = family.isEmpty() ? ValueType.STRING : widest(family);
        ValueType type = allConform ? widest : ValueType.STRING;
        boolean mixed = !allConform && !family.isEmpty() && conforming >= valueCount * DOMINANT_SHARE;
        double consistency =
                valueCount == 0 ? 1.0 : Math.max(conforming, count(ValueType.STRING)) / (double) valueCount;
        long distinctCount = distinct.count();
        boolean unique = valueCount > 0 && distinct.isExact() && distinctCount == valueCount;
        return new ColumnStats(
                type,
                mixed ? widest : null,
                consistency,
                nullCount,
                valueCount,
                distinctCount,
                distinct.isExact(),
                unique,
                bound(minimums, type),
                bound(maximums, type),
                maxLength < 0 ? null : minLength,
                maxLength < 0 ? null : maxLength,
                topValues(),
                marker(type));
    }

    private long count(ValueType type) {
        return typeCounts[type.ordinal()];
    }

    private List<ValueType> dominantFamily() {
        List<ValueType> best = List.of();
        long bestCount = 0;
        for (List<ValueType> family : FAMILIES) {
            long count = family.stream().mapToLong(this::count).sum();
            if (count > bestCount) {
                best = family;
                bestCount = count;
            }
        }
        return best;
    }

    /** Returns the last member of the family that occurs: numbers cover integers, date-times cover dates. */
    private ValueType widest(List<ValueType> family) {
        for (int i = family.size() - 1; i > 0; i--) {
            if (count(family.get(i)) > 0) {
                return family.get(i);
            }
        }
        return family.get(0);
    }

    /** Integers and numbers share one range, dates and date-times another. */
    private static ValueType rangeKey(ValueType type) {
        return switch (type) {
            case INTEGER -> ValueType.NUMBER;
            case DATE -> ValueType.DATETIME;
            default -> type;
        };
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> comparable(ParsedValue parsed) {
        Object value = parsed.value() instanceof LocalDate date ? date.atStartOfDay() : parsed.value();
        return (Comparable<Object>) value;
    }

    private void track(ValueType key, Comparable<Object> value) {
        int index = key.ordinal();
        Object min = minimums[index];
        if (min == null || value.compareTo(min) < 0) {
            minimums[index] = value;
        }
        Object max = maximums[index];
        if (max == null || value.compareTo(max) > 0) {
            maximums[index] = value;
        }
    }

    private static String bound(Object[] bounds, ValueType type) {
        if (type == ValueType.STRING || type == ValueType.BOOLEAN) {
            return null;
        }
        Object value = bounds[rangeKey(type).ordinal()];
        if (value == null) {
            return null;
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (type == ValueType.DATE && value instanceof LocalDateTime dateTime) {
            return dateTime.toLocalDate().toString();
        }
        return value.toString();
    }

    /**
     * Returns the marker the column's values carry: "percent" or "yyyymm" when every value has it,
     * "url" when at least {@value #URL_SHARE} of them do, since hand-typed web addresses often
     * have typos.
     */
    private String marker(ValueType type) {
        if (valueCount == 0 || type == ValueType.BOOLEAN) {
            return null;
        }
        if (markerCounts[ValueParser.markerIndex("url")] >= valueCount * URL_SHARE) {
            return "url";
        }
        for (int index = 1; index < markerCounts.length; index++) {
            if (markerCounts[index] == valueCount) {
                return ValueParser.markerName(index);
            }
        }
        return null;
    }

    /** Most frequent values that occur more than once, while counts are exact. */
    private List<ValueCount> topValues() {
        Map<String, Long> frequencies = distinct.frequencies();
        if (frequencies == null) {
            return List.of();
        }
        return frequencies.entrySet().stream()
                .filter(entry -> entry.getValue() > 1)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(topValueCount)
                .map(entry -> new ValueCount(entry.getKey(), entry.getValue()))
                .toList();
    }
}
