package kz.opendata.hub.analysis.types;

/**
 * Scans a text for the shape of a number without regular expressions, because every cell of a
 * large unload passes through here. A number is an optional sign, digits that may be grouped by
 * threes with spaces or no-break spaces, an optional decimal point or comma with digits, and an
 * optional exponent on ungrouped numbers. A leading zero before another digit makes a code.
 */
final class NumberShape {

    static final int NONE = 0;
    static final int INTEGER = 1;
    static final int DECIMAL = 2;

    private NumberShape() {}

    static int of(String text) {
        int length = text.length();
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
            if (exponent == 0 || text.charAt(i - 1) == ',') {
                return NONE;
            }
            i = at + exponent;
            decimal = true;
        }
        return i == length && decimal ? DECIMAL : NONE;
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
