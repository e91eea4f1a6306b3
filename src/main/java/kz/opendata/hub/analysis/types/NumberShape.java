package kz.opendata.hub.analysis.types;

/**
 * Scans a text for the shape of a number without regular expressions, because every cell of a
 * large unload passes through here. A number is an optional sign, digits that may be grouped by
 * threes with spaces or no-break spaces, an optional decimal point or comma with digits, and an
 * optional exponent on ungrouped numbers. A leading zero before another digit makes a code.
 *
 * <p>A text with an exponent above {@value #MAX_EXPONENT} is no number. Spreadsheets and databases
 * export numbers as doubles, whose exponents end near 308, and a cell such as {@code 1e999999999}
 * would otherwise give a value whose plain digits, or whose comparison with another number, take
 * gigabytes. Nor is a text longer than {@value #MAX_LENGTH} characters: reading a million digits
 * as a {@code BigDecimal} took minutes and most of a gigabyte, while the largest precision a
 * PostgreSQL {@code numeric} column can declare is 1,000 digits.
 */
final class NumberShape {

    static final int NONE = 0;
    static final int INTEGER = 1;
    static final int DECIMAL = 2;

    /** Largest exponent of a number, above the range of a double (about 1e308). */
    static final int MAX_EXPONENT = 999;

    /** Maximum length of a text read as a number, in characters. */
    static final int MAX_LENGTH = 1000;

    private NumberShape() {}

    static int of(String text) {
        int length = text.length();
        if (length > MAX_LENGTH) {
            return NONE;
        }
        int i = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        int firstRun = digitsFrom(text, i);
        if (firstRun > 1 && text.charAt(i) == '0') {
            return NONE;
        }
        i += firstRun;
        boolean grouped = false;
        while (i < length && isGroupSeparator(text.charAt(i)) && digitsFrom(text, i + 1) == 3) {
            grouped = true;
            i += 4;
        }
        if (grouped && firstRun > 3) {
            return NONE;
        }
        if (i == length) {
            return firstRun > 0 ? INTEGER : NONE;
        }
        boolean decimal = false;
        if (text.charAt(i) == '.' || text.charAt(i) == ',') {
            int fraction = digitsFrom(text, i + 1);
            if (fraction == 0) {
                return NONE;
            }
            i += 1 + fraction;
            decimal = true;
        }
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E') && !grouped && firstRun > 0) {
            int at = i + 1 < length && (text.charAt(i + 1) == '-' || text.charAt(i + 1) == '+') ? i + 2 : i + 1;
            int exponent = digitsFrom(text, at);
            if (exponent == 0 || text.charAt(i - 1) == ',' || exceedsMaxExponent(text, at, exponent)) {
                return NONE;
            }
            i = at + exponent;
            decimal = true;
        }
        return i == length && decimal ? DECIMAL : NONE;
    }

    /** Returns whether the digits from {@code start} read as a number above {@link #MAX_EXPONENT}. */
    private static boolean exceedsMaxExponent(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            value = value * 10 + text.charAt(i) - '0';
            if (value > MAX_EXPONENT) {
                return true;
            }
        }
        return false;
    }

    private static int digitsFrom(String text, int start) {
        int i = start;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i - start;
    }

    private static boolean isGroupSeparator(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F';
    }
}
