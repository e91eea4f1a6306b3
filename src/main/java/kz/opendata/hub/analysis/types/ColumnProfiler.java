package kz.opendata.hub.analysis.types;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kz.opendata.hub.analysis.ColumnReport.ValueCount;
import kz.opendata.hub.analysis.types.ValueParser.ParsedValue;

/** Collects one column's statistics while its values stream past, in memory that does not grow with rows. */
public final class ColumnProfiler {

    /** Share of values a type must cover before the others count as mixed in, not as a string column. */
    private static final double DOMINANT_SHARE = 0.8;

    private final DistinctCounter distinct;
    private final int topValueCount;
    private final Map<ValueType, Long> typeCounts = new EnumMap<>(ValueType.class);
    private long nullCount;
    private long valueCount;
    private BigDecimal minNumber;
    private BigDecimal maxNumber;
    private LocalDate minDate;
    private LocalDate maxDate;
    private int minLength = Integer.MAX_VALUE;
    private int maxLength = -1;

    /**
     * @param exactDistinctLimit distinct values counted exactly before switching to an estimate
     * @param topValueCount how many of the most frequent values to report
     */
    public ColumnProfiler(int exactDistinctLimit, int topValueCount) {
        this.distinct = new DistinctCounter(exactDistinctLimit);
        this.topValueCount = topValueCount;
    }

    /** Adds one cell; null and missing-value markers count as null. */
    public void accept(String cell) {
        if (MissingValues.isMissing(cell)) {
            nullCount++;
            return;
        }
        String value = MissingValues.normalize(cell);
        valueCount++;
        distinct.add(value);
        int length = value.codePointCount(0, value.length());
        minLength = Math.min(minLength, length);
        maxLength = Math.max(maxLength, length);
        ParsedValue parsed = ValueParser.parse(value);
        typeCounts.merge(parsed.type(), 1L, Long::sum);
        if (parsed.number() != null) {
            minNumber = minNumber == null || parsed.number().compareTo(minNumber) < 0 ? parsed.number() : minNumber;
            maxNumber = maxNumber == null || parsed.number().compareTo(maxNumber) > 0 ? parsed.number() : maxNumber;
        } else if (parsed.date() != null) {
            minDate = minDate == null || parsed.date().isBefore(minDate) ? parsed.date() : minDate;
            maxDate = maxDate == null || parsed.date().isAfter(maxDate) ? parsed.date() : maxDate;
        }
    }

    /** The statistics of the values seen so far. */
    public ColumnStats stats() {
        ValueType dominant = dominantType();
        long conforming = conforming(dominant);
        boolean allConform = conforming == valueCount;
        ValueType type = allConform ? dominant : ValueType.STRING;
        boolean mixed = !allConform && conforming >= valueCount * DOMINANT_SHARE;
        double consistency = valueCount == 0
                ? 1.0
                : Math.max(conforming, typeCounts.getOrDefault(ValueType.STRING, 0L)) / (double) valueCount;
        long distinctCount = distinct.count();
        boolean unique = valueCount > 0 && distinct.isExact() && distinctCount == valueCount;
        return new ColumnStats(
                type,
                mixed ? dominant : null,
                consistency,
                nullCount,
                valueCount,
                distinctCount,
                distinct.isExact(),
                unique,
                min(type),
                max(type),
                maxLength < 0 ? null : minLength,
                maxLength < 0 ? null : maxLength,
                topValues());
    }

    /** The type most values have; integers count as numbers too, and numbers win a tie with dates. */
    private ValueType dominantType() {
        long integers = typeCounts.getOrDefault(ValueType.INTEGER, 0L);
        long numbers = integers + typeCounts.getOrDefault(ValueType.NUMBER, 0L);
        long dates = typeCounts.getOrDefault(ValueType.DATE, 0L);
        if (numbers > 0 && numbers >= dates) {
            return integers == numbers ? ValueType.INTEGER : ValueType.NUMBER;
        }
        return dates > 0 ? ValueType.DATE : ValueType.STRING;
    }

    private long conforming(ValueType type) {
        return switch (type) {
            case INTEGER -> typeCounts.getOrDefault(ValueType.INTEGER, 0L);
            case NUMBER ->
                typeCounts.getOrDefault(ValueType.INTEGER, 0L) + typeCounts.getOrDefault(ValueType.NUMBER, 0L);
            case DATE -> typeCounts.getOrDefault(ValueType.DATE, 0L);
            case STRING -> valueCount;
        };
    }

    private String min(ValueType type) {
        return switch (type) {
            case INTEGER, NUMBER -> minNumber == null ? null : minNumber.toPlainString();
            case DATE -> minDate == null ? null : minDate.toString();
            case STRING -> null;
        };
    }

    private String max(ValueType type) {
        return switch (type) {
            case INTEGER, NUMBER -> maxNumber == null ? null : maxNumber.toPlainString();
            case DATE -> maxDate == null ? null : maxDate.toString();
            case STRING -> null;
        };
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
