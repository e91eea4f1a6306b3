package kz.opendata.hub.analysis.types;

import java.util.List;
import kz.opendata.hub.analysis.ColumnReport.ValueCount;

/**
 * Statistics of one column.
 *
 * @param type the Table Schema type every non-null value conforms to
 * @param mixedType the type most values have when a few others break it, otherwise null
 * @param typeConsistency share of non-null values of the most common kind: the dominant type or
 *     plain text, 0..1
 * @param valueCount non-null values
 * @param distinctExact false when {@code distinctCount} is an estimate
 * @param unique true only when counted exactly and every non-null value differs
 * @param valueMarker "percent" or "yyyymm" when every value has that form, "url" when nearly every
 *     value does, otherwise null
 */
public record ColumnStats(
        ValueType type,
        ValueType mixedType,
        double typeConsistency,
        long nullCount,
        long valueCount,
        long distinctCount,
        boolean distinctExact,
        boolean unique,
        String min,
        String max,
        Integer minLength,
        Integer maxLength,
        List<ValueCount> topValues,
        String valueMarker) {}
