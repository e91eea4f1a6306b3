package kz.opendata.hub.analysis.types;

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

    /**
     * Whether a text starting with the character may be a marker, by character: true for the first
     * characters of the markers, which are lower case, and for their upper and title case forms, the
     * only characters that lower-case to them. Each value then costs one array read instead of a
     * lower-casing table lookup and a search.
     */
    private static final boolean[] MARKER_FIRST_CHARACTERS = firstCharacters();

    /** The markers of each length, from 0 to {@value #MAX_MARKER_LENGTH}. */
    private static final String[][] MARKERS_BY_LENGTH = markersByLength();

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
     * most values. The rest are compared, ignoring case, with the markers of their length only,
     * without a lower-cased copy.
     */
    private static boolean isMarker(String text) {
        char first = text.charAt(0);
        if (text.length() > MAX_MARKER_LENGTH
                || first >= MARKER_FIRST_CHARACTERS.length
                || !MARKER_FIRST_CHARACTERS[first]) {
            return false;
        }
        for (String marker : MARKERS_BY_LENGTH[text.length()]) {
            if (text.equalsIgnoreCase(marker)) {
                return true;
            }
        }
        return false;
    }

    private static String[][] markersByLength() {
        String[][] byLength = new String[MAX_MARKER_LENGTH + 1][];
        for (int length = 0; length <= MAX_MARKER_LENGTH; length++) {
            int size = length;
            byLength[length] =
                    MARKERS.stream().filter(marker -> marker.length() == size).toArray(String[]::new);
        }
        return byLength;
    }

    private static boolean[] firstCharacters() {
        StringBuilder firsts = new StringBuilder();
        for (String marker : MARKERS) {
            char first = marker.charAt(0);
            firsts.append(first).append(Character.toUpperCase(first)).append(Character.toTitleCase(first));
        }
        int end = firsts.chars().max().orElse(0) + 1;
        boolean[] table = new boolean[end];
        firsts.chars().forEach(c -> table[c] = true);
        return table;
    }

    /** Trims the value, counting no-break spaces as spaces. */
    public static String normalize(String value) {
        // Most values have no no-break space. indexOf, a JIT intrinsic for UTF-16 strings, finds that
        // out faster than the search loop inside replace.
        String spaced = value.indexOf('\u00A0') < 0 ? value : value.replace('\u00A0', ' ');
        return spaced.strip();
    }
}
