package kz.opendata.hub.analysis.types;

import java.util.Locale;
import java.util.Set;

/** Texts that agencies write in a cell that has no value. */
public final class MissingValues {

    private static final Set<String> MARKERS = Set.of(
            "-",
            "--",
            "—",
            "–",
            "n/a",
            "#n/a",
            "na",
            "#н/д",
            "н/д",
            "нет данных",
            "мәлімет жоқ",
            "деректер жоқ",
            "null",
            "none",
            "...",
            "…");

    private static final int MAX_MARKER_LENGTH = 12;

    private MissingValues() {}

    /** True for null, blank text and the markers "-", "—", "N/A", "нет данных" and their kin. */
    public static boolean isMissing(String value) {
        if (value == null) {
            return true;
        }
        String text = normalize(value);
        return text.isEmpty() || text.length() <= MAX_MARKER_LENGTH && MARKERS.contains(text.toLowerCase(Locale.ROOT));
    }

    /**
     * Returns the normalized value, or null when it is missing; the same as {@code isMissing(v) ?
     * null : normalize(v)} with one normalization instead of two.
     */
    public static String valueOrNull(String value) {
        if (value == null) {
            return null;
        }
        String text = normalize(value);
        boolean missing =
                text.isEmpty() || text.length() <= MAX_MARKER_LENGTH && MARKERS.contains(text.toLowerCase(Locale.ROOT));
        return missing ? null : text;
    }

    /** Trims the value, counting no-break spaces as spaces. */
    public static String normalize(String value) {
        return value.replace('\u00A0', ' ').strip();
    }
}
