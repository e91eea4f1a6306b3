package kz.opendata.hub.analysis;

import java.util.List;

/**
 * Profile of one column.
 *
 * @param index 0-based position in the source table
 * @param name header text as the agency wrote it
 * @param technicalName lower-case Latin name derived from {@code name}, unique within the table
 * @param type Table Schema type name: string, integer, number, boolean, date, datetime, time,
 *     year, yearmonth, geopoint, geojson
 * @param semanticType what the values mean (iin, bin, phone, email, person-name, ...), or null
 * @param restricted null when no restricted data was found
 * @param min smallest value in the column's type, as text; null for restricted columns
 * @param max largest value in the column's type, as text; null for restricted columns
 * @param topValues most frequent values with counts; always empty for restricted columns
 */
public record ColumnReport(
        int index,
        String name,
        String technicalName,
        String type,
        String semanticType,
        long nullCount,
        long distinctCount,
        boolean required,
        boolean unique,
        Restriction restricted,
        String min,
        String max,
        Integer minLength,
        Integer maxLength,
        List<ValueCount> topValues) {

    /** A value and how many rows hold it. */
    public record ValueCount(String value, long count) {}
}
