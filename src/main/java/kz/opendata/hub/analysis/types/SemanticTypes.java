package kz.opendata.hub.analysis.types;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Infers what a column means from its header and statistics, beyond its type: years, periods,
 * percentages, web addresses, coordinates and points, and public codes (KATO, postcodes).
 *
 * <p>Years and coordinates need a header word as well as the value range, because a column of
 * counts between 1900 and 2100 or of small fractions is common.
 */
public final class SemanticTypes {

    private static final List<String> YEAR_WORDS = List.of("год", "жыл", "year", "гг");
    private static final List<String> PERIOD_WORDS = List.of("период", "месяц", "кезең", "ай", "period", "month");
    private static final List<String> LATITUDE_WORDS = List.of("широта", "ендік", "lat");
    private static final List<String> LONGITUDE_WORDS = List.of("долгота", "бойлық", "lon", "lng");
    private static final List<String> KATO_WORDS = List.of("като", "kato", "әаож");
    private static final List<String> POSTCODE_WORDS =
            List.of("почтовый индекс", "индекс", "пошта индексі", "postcode", "zip", "postal");

    private SemanticTypes() {}

    /** Infers the type and meaning of a column; the type stays as given unless a year or period is found. */
    public static Inference infer(String header, ColumnStats stats) {
        String name = header == null ? "" : header.toLowerCase(Locale.ROOT);
        ValueType type = stats.type();
        if (type == ValueType.INTEGER && inRange(stats, 1900, 2100) && mentions(name, YEAR_WORDS)) {
            return new Inference(ValueType.YEAR, null);
        }
        if (type == ValueType.INTEGER && "yyyymm".equals(stats.valueMarker()) && mentions(name, PERIOD_WORDS)) {
            return new Inference(ValueType.YEARMONTH, null);
        }
        // NOTE: a column of "latitude, longitude" points stays a string, because Table Schema's
        // geopoint type reads "longitude, latitude" in that order.
        if ("percent".equals(stats.valueMarker())
                || "url".equals(stats.valueMarker())
                || "geopoint".equals(stats.valueMarker())) {
            return new Inference(type, stats.valueMarker());
        }
        boolean numeric = type == ValueType.NUMBER || type == ValueType.INTEGER;
        if (numeric && inRange(stats, -90, 90) && mentions(name, LATITUDE_WORDS)) {
            return new Inference(type, "latitude");
        }
        if (numeric && inRange(stats, -180, 180) && mentions(name, LONGITUDE_WORDS)) {
            return new Inference(type, "longitude");
        }
        return new Inference(type, code(name, stats));
    }

    /** KATO codes have 9 digits and postcodes 6; both keep leading zeros, so they are strings. */
    private static String code(String name, ColumnStats stats) {
        if (stats.minLength() == null || !stats.minLength().equals(stats.maxLength())) {
            return null;
        }
        if (stats.minLength() == 9 && mentions(name, KATO_WORDS)) {
            return "kato";
        }
        if (stats.minLength() == 6 && mentions(name, POSTCODE_WORDS)) {
            return "postcode";
        }
        return null;
    }

    private static boolean inRange(ColumnStats stats, long low, long high) {
        if (stats.min() == null || stats.max() == null) {
            return false;
        }
        return new BigDecimal(stats.min()).compareTo(BigDecimal.valueOf(low)) >= 0
                && new BigDecimal(stats.max()).compareTo(BigDecimal.valueOf(high)) <= 0;
    }

    /** True when a listed word starts a word of the header. */
    private static boolean mentions(String header, List<String> words) {
        for (String word : words) {
            for (int at = header.indexOf(word); at >= 0; at = header.indexOf(word, at + 1)) {
                if (at == 0 || !Character.isLetterOrDigit(header.charAt(at - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The inferred meaning of a column.
     *
     * @param type the Table Schema type, possibly narrowed to year or yearmonth
     * @param semanticType percent, url, geopoint, latitude, longitude, kato, postcode, or null
     */
    public record Inference(ValueType type, String semanticType) {}
}
