package kz.opendata.hub.analysis.types;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a point in Kazakhstan written in one cell: "latitude, longitude" with a comma, a
 * semicolon or white space between ({@code 51.1605, 71.4704}, {@code 51.1605 71.4704}), or Well-Known
 * Text {@code POINT(71.4704 51.1605)}, whose order is longitude first.
 *
 * <p>Only points inside Kazakhstan's bounding box count, so a pair of other numbers, or a
 * latitude beyond 90, is not taken for a point.
 */
public final class GeoPoints {

    /** Kazakhstan's extent, about 40.6 to 55.4 degrees north and 46.5 to 87.3 east, with a margin. */
    static final double MIN_LATITUDE = 40.0;

    static final double MAX_LATITUDE = 56.0;
    static final double MIN_LONGITUDE = 46.0;
    static final double MAX_LONGITUDE = 88.0;

    private static final String NUMBER = "(-?\\d{1,3}\\.\\d+)";
    private static final Pattern PAIR =
            Pattern.compile(NUMBER + "\\s*[,;]\\s*" + NUMBER + "|" + NUMBER + "\\s+" + NUMBER);
    private static final Pattern WKT_POINT =
            Pattern.compile("(?i)POINT\\s*\\(\\s*" + NUMBER + "\\s+" + NUMBER + "\\s*\\)");

    private GeoPoints() {}

    /**
     * Parses a point.
     *
     * @return the point, or null when the text is no point inside Kazakhstan
     */
    public static Point parse(String text) {
        // Both shapes hold a decimal point, which most texts that pass the first checks lack.
        if (text.length() < 7 || text.length() > 60 || !mayBePoint(text.charAt(0)) || text.indexOf('.') < 0) {
            return null;
        }
        Matcher wkt = WKT_POINT.matcher(text);
        if (wkt.matches()) {
            return inKazakhstan(Double.parseDouble(wkt.group(2)), Double.parseDouble(wkt.group(1)));
        }
        Matcher pair = PAIR.matcher(text);
        if (!pair.matches()) {
            return null;
        }
        int first = pair.group(1) != null ? 1 : 3;
        return inKazakhstan(Double.parseDouble(pair.group(first)), Double.parseDouble(pair.group(first + 1)));
    }

    private static boolean mayBePoint(char first) {
        return Character.isDigit(first) || first == '-' || first == 'P' || first == 'p';
    }

    private static Point inKazakhstan(double latitude, double longitude) {
        boolean inside = latitude >= MIN_LATITUDE
                && latitude <= MAX_LATITUDE
                && longitude >= MIN_LONGITUDE
                && longitude <= MAX_LONGITUDE;
        return inside ? new Point(latitude, longitude) : null;
    }

    /** A point in degrees, WGS 84 as GPS and web maps give it. */
    public record Point(double latitude, double longitude) {}
}
