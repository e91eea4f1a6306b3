package kz.opendata.hub.analysis.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * The shapes {@link PhoneDetector} tests, matched by scanning characters instead of running
 * regular expressions, because the detector sees every cell of a large unload. Each method
 * documents the pattern it is equivalent to; digits are ASCII only, as {@code \d} is in Java
 * patterns, and a space in a pattern is the character U+0020.
 */
final class PhoneShapes {

    private PhoneShapes() {}

    /** {@code \d{3}-\d{2}-\d{2}}: a local number such as 272-12-34. */
    static boolean isLocal(String text) {
        return text.length() == 9
                && digitsFrom(text, 0) == 3
                && text.charAt(3) == '-'
                && digitsFrom(text, 4) == 2
                && text.charAt(6) == '-'
                && digitsFrom(text, 7) == 2;
    }

    /** {@code [78]\d{10}}: a bare mobile number such as 87011234567. */
    static boolean isBareMobile(String text) {
        return text.length() == 11 && (text.charAt(0) == '7' || text.charAt(0) == '8') && digitsFrom(text, 1) == 10;
    }

    /**
     * {@code \+?[0-9][0-9 ()\-]*[0-9]|\+?\([0-9][0-9 ()\-]*[0-9]}: an optional plus, then a digit
     * or an opening bracket and a digit, then digits, spaces, brackets and hyphens, ending in a
     * digit.
     */
    static boolean isDialable(String text) {
        int start = text.startsWith("+") ? 1 : 0;
        int length = text.length();
        if (length - start < 2 || !isDigit(text.charAt(length - 1))) {
            return false;
        }
        char first = text.charAt(start);
        if (first == '(') {
            if (length - start < 3 || !isDigit(text.charAt(start + 1))) {
                return false;
            }
        } else if (!isDigit(first)) {
            return false;
        }
        for (int i = start + 1; i < length - 1; i++) {
            char c = text.charAt(i);
            if (!isDigit(c) && c != ' ' && c != '(' && c != ')' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code -?\d{1,3}(?: \d{3})+}: an amount with thousands grouped by spaces, such as 43 558 237 500. */
    static boolean isGroupedThousands(String text) {
        int i = text.startsWith("-") ? 1 : 0;
        int lead = digitsFrom(text, i);
        if (lead < 1 || lead > 3) {
            return false;
        }
        i += lead;
        int groups = 0;
        while (i < text.length()) {
            if (text.charAt(i) != ' ' || digitsFrom(text, i + 1) != 3) {
                return false;
            }
            i += 4;
            groups++;
        }
        return groups > 0;
    }

    /**
     * Splits the text as {@code Pattern.compile("[;,]|(?<=\\d\\d)\\s+(?=[(+])").split(text)} does: at a
     * comma, a semicolon, or whitespace after two digits and before an opening bracket or a plus.
     * A separator at the start gives an empty first part; empty parts at the end are dropped. A
     * space counts only after two digits, so {@code +7 (727) 272-12-34} stays one number.
     */
    static List<String> split(String text) {
        List<String> parts = null;
        int partStart = 0;
        int i = 0;
        while (i < text.length()) {
            int separatorEnd = separatorEnd(text, i);
            if (separatorEnd < 0) {
                i++;
                continue;
            }
            if (parts == null) {
                parts = new ArrayList<>();
            }
            parts.add(text.substring(partStart, i));
            partStart = separatorEnd;
            i = separatorEnd;
        }
        if (parts == null) {
            return List.of(text);
        }
        parts.add(text.substring(partStart));
        int size = parts.size();
        while (size > 0 && parts.get(size - 1).isEmpty()) {
            parts.remove(--size);
        }
        return parts;
    }

    /** Returns the end of a separator that starts at {@code start}, or -1 when none starts there. */
    private static int separatorEnd(String text, int start) {
        char c = text.charAt(start);
        if (c == ';' || c == ',') {
            return start + 1;
        }
        if (!isPatternSpace(c) || start < 2 || !isDigit(text.charAt(start - 1)) || !isDigit(text.charAt(start - 2))) {
            return -1;
        }
        int end = start;
        while (end < text.length() && isPatternSpace(text.charAt(end))) {
            end++;
        }
        return end < text.length() && (text.charAt(end) == '(' || text.charAt(end) == '+') ? end : -1;
    }

    private static boolean isPatternSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsFrom(String text, int start) {
        int i = start;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i - start;
    }
}
