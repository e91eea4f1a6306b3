package kz.opendata.hub.analysis.types;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the type of one non-missing cell value.
 *
 * <p>Numbers may group thousands with spaces or no-break spaces ({@code 332 720}), use a comma or
 * a point as the decimal separator ({@code 2,5}, {@code 2005.0}) and end in a percent sign. A run
 * of digits with a leading zero is a code (postcode, BIN, KATO), so it stays a string. Dates may
 * be {@code dd.MM.yyyy}, ISO, or written with a Russian or Kazakh month name
 * ({@code 12 марта 2024 г.}, {@code 2024 жылғы 12 наурыз}); a month name with a year only
 * ({@code март 2024}) and {@code MM.yyyy} or {@code yyyy-MM} are year-months.
 */
public final class ValueParser {

    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{4}-\\d{2}-\\d{2})[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?Z?");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    private static final Pattern NAMED_DATE =
            Pattern.compile("(\\d{1,2})\\s+(\\p{L}+)\\s+(\\d{4})(?:\\s*(?:г\\.?|года|жыл|жылы))?");
    private static final Pattern KAZAKH_DATE =
            Pattern.compile("(\\d{4})\\s+(?:ж\\.|жылғы|жылдың)\\s+(\\d{1,2})\\s+(\\p{L}+?)(?:дағы|дегі|тағы|тегі)?");
    private static final Pattern NAMED_MONTH = Pattern.compile("(\\p{L}+)\\s+(\\d{4})(?:\\s*(?:г\\.?|года|жыл))?");
    private static final Pattern MONTH_YEAR = Pattern.compile("(\\d{2})\\.(\\d{4})|(\\d{4})-(\\d{2})");
    private static final Set<String> BOOLEANS =
            Set.of("true", "false", "yes", "no", "да", "нет", "иә", "ия", "жоқ", "жок", "истина", "ложь");
    /** The first character of each boolean word, so that most texts skip the lower-casing copy. */
    private static final String BOOLEAN_FIRST_CHARACTERS = "tfynднижл";

    /**
     * Markers a parsed value may carry, by {@link ParsedValue#markerIndex()}. Index 0
     * is none, so a profiler counts markers in an array without testing for null.
     */
    private static final String[] MARKERS = {null, "percent", "yyyymm", "url", "geopoint"};

    /** Marker indexes by the index {@link #periodIndex} computes: 0 for a period, 1 for any other text. */
    private static final int[] PERIOD_MARKER_INDEX = {markerIndex("yyyymm"), 0};

    private static final Pattern URL = Pattern.compile("(?i)(https?://|www\\.)[^\\s]+\\.[^\\s]+");

    private ValueParser() {}

    /** Returns how many marker indexes there are, 0 for none included. */
    static int markerCount() {
        return MARKERS.length;
    }

    /** Returns the index of a marker, 0 for null. */
    static int markerIndex(String marker) {
        if (marker == null) {
            return 0;
        }
        int index = Arrays.asList(MARKERS).indexOf(marker);
        if (index < 0) {
            throw new IllegalArgumentException(
                    "invalid value marker " + marker + ": expected one of " + Arrays.toString(MARKERS));
        }
        return index;
    }

    /** Returns the marker of an index, or null for 0. */
    static String markerName(int index) {
        return MARKERS[index];
    }

    /** Parses a trimmed, non-missing value. */
    public static ParsedValue parse(String text) {
        ParsedValue number = parseNumber(text);
        if (number != null) {
            return number;
        }
        ParsedValue temporal = parseTemporal(text);
        if (temporal != null) {
            return temporal;
        }
        if (text.length() <= 7
                && BOOLEAN_FIRST_CHARACTERS.indexOf(Character.toLowerCase(text.charAt(0))) >= 0
                && BOOLEANS.contains(text.toLowerCase(Locale.ROOT))) {
            return new ParsedValue(ValueType.BOOLEAN, null, null);
        }
        String marker = mayBeUrl(text) && URL.matcher(text).matches() ? "url" : null;
        if (marker == null && GeoPoints.parse(text) != null) {
            marker = "geopoint";
        }
        return new ParsedValue(ValueType.STRING, null, marker);
    }

    private static ParsedValue parseNumber(String text) {
        if (text.endsWith("%")) {
            ParsedValue value = parseNumber(text.substring(0, text.length() - 1).strip());
            return value == null ? null : new ParsedValue(ValueType.NUMBER, value.value(), "percent");
        }
        int shape = NumberShape.of(text);
        if (shape == NumberShape.INTEGER) {
            BigDecimal value = plainInteger(text);
            if (value == null) {
                String digits = digitsOnly(text);
                value = digits.length() <= 18 ? BigDecimal.valueOf(Long.parseLong(digits)) : new BigDecimal(digits);
            }
            int marker = PERIOD_MARKER_INDEX[periodIndex(text)];
            return new ParsedValue(ValueType.INTEGER, value, MARKERS[marker], marker);
        }
        if (shape == NumberShape.DECIMAL) {
            BigDecimal plainDecimal = plainDecimal(text);
            if (plainDecimal != null) {
                return new ParsedValue(ValueType.NUMBER, plainDecimal, null);
            }
            String plain = digitsOnly(text).replace(',', '.');
            return new ParsedValue(ValueType.NUMBER, new BigDecimal(plain.startsWith(".") ? "0" + plain : plain), null);
        }
        return null;
    }

    /**
     * Reads an integer of the shape {@code -?\d+} with at most 18 digits in one pass, without the
     * copy and the second scan of {@link Long#parseLong}; null for any other shape, such as a
     * number with grouped thousands.
     */
    private static BigDecimal plainInteger(String text) {
        int length = text.length();
        int start = text.charAt(0) == '-' ? 1 : 0;
        if (length - start > 18 || length == start) {
            return null;
        }
        long value = 0;
        for (int i = start; i < length; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return null;
            }
            value = value * 10 + digit;
        }
        return BigDecimal.valueOf(start == 1 ? -value : value);
    }

    /**
     * Reads a decimal of the shape {@code [+-]?\d+[.,]\d+} with at most 18 digits, such as
     * {@code 619788,52}, without building the strings that {@code new BigDecimal(String)} needs.
     * The result has the same unscaled value and scale; null for any other shape.
     */
    private static BigDecimal plainDecimal(String text) {
        int length = text.length();
        int start = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        long unscaled = 0;
        int digits = 0;
        int point = -1;
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0');
                digits++;
            } else if ((c == '.' || c == ',') && point < 0 && i > start) {
                point = i;
            } else {
                return null;
            }
        }
        if (point < 0 || point == length - 1 || digits > 18) {
            return null;
        }
        return BigDecimal.valueOf(text.charAt(0) == '-' ? -unscaled : unscaled, length - point - 1);
    }

    /**
     * Returns 0 for six digits that read as a {@code yyyyMM} period, such as 202403, and 1 for
     * any other text.
     *
     * <p>The test has no branch on the length or the digits' values. A column of running numbers
     * reaches six digits at 100000 and reads as periods from 190001 to 210012 and not before or
     * after, so a branch on the length, the year or the month changes its outcome during the file.
     * The JIT compiler then dropped its compiled code again and again, and in some runs gave up and
     * ran every such value in the interpreter.
     */
    private static int periodIndex(String text) {
        int length = text.length();
        int value = 0;
        int negativeIfNotDigits = (length - 6) | (6 - length);
        int end = Math.min(length, 6);
        for (int i = 0; i < end; i++) {
            int digit = text.charAt(i) - '0';
            negativeIfNotDigits |= digit | (9 - digit);
            value = value * 10 + digit;
        }
        int year = value / 100;
        int month = value % 100;
        int negativeIfNotPeriod = negativeIfNotDigits | (year - 1900) | (2100 - year) | (month - 1) | (12 - month);
        return negativeIfNotPeriod >>> 31;
    }

    private static String digitsOnly(String text) {
        if (text.indexOf(' ') < 0
                && text.indexOf('\u00A0') < 0
                && text.indexOf('\u202F') < 0
                && text.indexOf('+') < 0) {
            return text;
        }
        return text.replace(" ", "").replace("\u00A0", "").replace("\u202F", "").replace("+", "");
    }

    private static boolean mayBeUrl(String text) {
        if (text.contains("://")) {
            return true;
        }
        // Only w and W match w ignoring case, and only h and H match h, so most texts skip both
        // case-insensitive comparisons.
        char first = text.charAt(0);
        if (first == 'w' || first == 'W') {
            return text.regionMatches(true, 0, "www.", 0, 4);
        }
        return (first == 'h' || first == 'H') && text.regionMatches(true, 0, "http", 0, 4);
    }

    /** Tries the date and time patterns whose fixed characters the text has, cheapest checks first. */
    private static ParsedValue parseTemporal(String text) {
        if (text.isEmpty() || text.length() > 40 || !Character.isLetterOrDigit(text.charAt(0))) {
            return null;
        }
        LocalDate date = parseDate(text);
        if (date != null) {
            return new ParsedValue(ValueType.DATE, date, null);
        }
        LocalDateTime dateTime = parseDateTime(text);
        if (dateTime != null) {
            return new ParsedValue(ValueType.DATETIME, dateTime, null);
        }
        LocalTime time = parseTime(text);
        if (time != null) {
            return new ParsedValue(ValueType.TIME, time, null);
        }
        YearMonth yearMonth = parseYearMonth(text);
        return yearMonth == null ? null : new ParsedValue(ValueType.YEARMONTH, yearMonth, null);
    }

    private static LocalDate parseDate(String text) {
        if (!Character.isDigit(text.charAt(0)) || text.length() < 8) {
            return null;
        }
        if (DateShapes.isDotted(text)) {
            return DateShapes.dotted(text);
        }
        if (DateShapes.isIso(text)) {
            return DateShapes.iso(text);
        }
        // The patterns below need a space, which most texts that reach this point lack.
        if (!DateShapes.hasPatternSpace(text)) {
            return null;
        }
        Matcher named = NAMED_DATE.matcher(text);
        if (named.matches()) {
            int month = MonthNames.month(named.group(2));
            return month == 0 ? null : date(named.group(3), Integer.toString(month), named.group(1));
        }
        Matcher kazakh = KAZAKH_DATE.matcher(text);
        if (kazakh.matches()) {
            int month = MonthNames.month(kazakh.group(3));
            return month == 0 ? null : date(kazakh.group(1), Integer.toString(month), kazakh.group(2));
        }
        return null;
    }

    private static LocalDateTime parseDateTime(String text) {
        if (text.indexOf(':') < 0 || text.length() < 13) {
            return null;
        }
        Matcher matcher = DATE_TIME.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        LocalDate date = parseDate(matcher.group(1));
        LocalTime time = time(matcher.group(2), matcher.group(3), matcher.group(4));
        return date == null || time == null ? null : LocalDateTime.of(date, time);
    }

    private static LocalTime parseTime(String text) {
        if (text.indexOf(':') < 0 || text.length() > 8) {
            return null;
        }
        Matcher matcher = TIME.matcher(text);
        return matcher.matches() ? time(matcher.group(1), matcher.group(2), matcher.group(3)) : null;
    }

    private static YearMonth parseYearMonth(String text) {
        if (!Character.isDigit(text.charAt(text.length() - 1))
                && !text.endsWith("г.")
                && !text.endsWith("г")
                && !text.endsWith("года")
                && !text.endsWith("жыл")) {
            return null;
        }
        // NAMED_MONTH needs a space and MONTH_YEAR exactly 7 characters, so most texts skip both.
        Matcher named = DateShapes.hasPatternSpace(text) ? NAMED_MONTH.matcher(text) : null;
        if (named != null && named.matches()) {
            int month = MonthNames.month(named.group(1));
            return month == 0 ? null : yearMonth(named.group(2), month);
        }
        if (text.length() != 7) {
            return null;
        }
        Matcher numeric = MONTH_YEAR.matcher(text);
        if (numeric.matches()) {
            return numeric.group(1) != null
                    ? yearMonth(numeric.group(2), Integer.parseInt(numeric.group(1)))
                    : yearMonth(numeric.group(3), Integer.parseInt(numeric.group(4)));
        }
        return null;
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalTime time(String hour, String minute, String second) {
        try {
            return LocalTime.of(
                    Integer.parseInt(hour), Integer.parseInt(minute), second == null ? 0 : Integer.parseInt(second));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static YearMonth yearMonth(String year, int month) {
        try {
            return YearMonth.of(Integer.parseInt(year), month);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * A value with its type.
     *
     * @param value the parsed value for ordering: BigDecimal, LocalDate, LocalDateTime, LocalTime or
     *     YearMonth; null for booleans and strings
     * @param marker what a number or string is beyond its type: "percent", "yyyymm", "url" or
     *     "geopoint" (see {@link GeoPoints});
     *     otherwise null
     * @param markerIndex the marker's place in {@link ValueParser#markerName}'s numbering, 0 for none
     */
    public record ParsedValue(ValueType type, Comparable<?> value, String marker, int markerIndex) {

        ParsedValue(ValueType type, Comparable<?> value, String marker) {
            this(type, value, marker, ValueParser.markerIndex(marker));
        }

        /** Returns the value of an integer or number, otherwise null. */
        public BigDecimal number() {
            return value instanceof BigDecimal decimal ? decimal : null;
        }
    }
}
