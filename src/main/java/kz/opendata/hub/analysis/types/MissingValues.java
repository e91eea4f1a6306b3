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

    /** The first character of each marker; the markers are lower case. */
    private static final String MARKER_FIRST_CHARACTERS = firstCharacters();

    private MissingValues() {}

    /** True for null, blank text and the markers "-", "—", "N/A", "нет данных" and their kin. */
    public static boolean isMissing(String value) {
        if (value == null) {
            return true;
        }
        String text = normalize(value);
        return text.isEmpty() || isMarker(text);
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
        return text.isEmpty() || isMarker(text) ? null : text;
    }

    /**
     * Tests a normalized, non-empty text against the markers. The first character decides for
     * most values, so they skip the lower-casing copy and the set lookup.
     */
    private static boolean isMarker(String text) {
        if (text.length() > MAX_MARKER_LENGTH
                || MARKER_FIRST_CHARACTERS.indexOf(Character.toLowerCase(text.charAt(0))) < 0) {
            return false;
        }
        return MARKERS.contains(text.toLowerCase(Locale.ROOT));
    }

    private static String firstCharacters() {
        StringBuilder characters = new StringBuilder();
        for (String marker : MARKERS) {
            if (characters.indexOf(marker.substring(0, 1)) < 0) {
                characters.append(marker.charAt(0));
            }
        }
        return characters.toString();
    }

    /** Trims the value, counting no-break spaces as spaces. */
    public static String normalize(String value) {
        // Most values have no no-break space. indexOf, a JIT intrinsic for UTF-16 strings, finds that
        // out faster than the search loop inside replace.
        String spaced = value.indexOf('\u00A0') < 0 ? value : value.replace('\u00A0', ' ');
        return spaced.strip();
    }
}
