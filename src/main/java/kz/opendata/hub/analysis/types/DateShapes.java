package kz.opendata.hub.analysis.types;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Recognises the two most common date shapes by scanning characters instead of running regular
 * expressions, because every cell of a large unload passes through here: {@code d.M.yyyy} with
 * one or two digits for day and month and an optional {@code г.} suffix, and ISO
 * {@code yyyy-MM-dd}. Digits are ASCII only, as {@code \d} is in Java patterns.
 */
final class DateShapes {

    private DateShapes() {}

    /**
     * True when the whole text has the shape {@code (\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s?г\.?)?},
     * whether or not the date exists.
     */
    static boolean isDotted(String text) {
        int day = digitsFrom(text, 0);
        if (day < 1 || day > 2 || !charIs(text, day, '.')) {
            return false;
        }
        int monthStart = day + 1;
        int month = digitsFrom(text, monthStart);
        int yearStart = monthStart + month + 1;
        if (month < 1 || month > 2 || !charIs(text, yearStart - 1, '.')) {
            return false;
        }
        if (digitsFrom(text, yearStart) != 4) {
            return false;
        }
        return isYearSuffix(text, yearStart + 4);
    }

    /** Reads a text for which {@link #isDotted} holds; null when the date does not exist. */
    static LocalDate dotted(String text) {
        int firstDot = text.indexOf('.');
        int secondDot = text.indexOf('.', firstDot + 1);
        int day = number(text, 0, firstDot);
        int month = number(text, firstDot + 1, secondDot);
        int year = number(text, secondDot + 1, secondDot + 5);
        return date(year, month, day);
    }

    /** True when the whole text has the shape {@code \d{4}-\d{2}-\d{2}}, whether or not the date exists. */
    static boolean isIso(String text) {
        return text.length() == 10
                && digitsFrom(text, 0) == 4
                && text.charAt(4) == '-'
                && digitsFrom(text, 5) == 2
                && text.charAt(7) == '-'
                && digitsFrom(text, 8) == 2;
    }

    /** Reads a text for which {@link #isIso} holds; null when the date does not exist. */
    static LocalDate iso(String text) {
        return date(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
    }

    /**
     * True when the text contains a character of the {@code \s} class of Java patterns.
     *
     * <p>Searched with {@link String#indexOf(int)}, whose loop the JVM runs as native code for
     * both kinds of string, Latin-1 and UTF-16. A loop of {@code charAt} calls here, reached by
     * the values of every column, sometimes made the JIT compiler give up recompiling it. Each
     * call then ran in the interpreter, which cost several seconds over a 1 GB file.
     */
    static boolean hasPatternSpace(String text) {
        return text.indexOf(' ') >= 0
                || text.indexOf('\t') >= 0
                || text.indexOf('\n') >= 0
                || text.indexOf('\u000B') >= 0
                || text.indexOf('\f') >= 0
                || text.indexOf('\r') >= 0;
    }

    /** Matches {@code (?:\s?г\.?)?} against the rest of the text from {@code start}. */
    private static boolean isYearSuffix(String text, int start) {
        int i = start;
        if (i == text.length()) {
            return true;
        }
        if (isPatternSpace(text.charAt(i))) {
            i++;
        }
        if (!charIs(text, i, 'г')) {
            return false;
        }
        i++;
        if (charIs(text, i, '.')) {
            i++;
        }
        return i == text.length();
    }

    private static boolean isPatternSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean charIs(String text, int index, char expected) {
        return index < text.length() && text.charAt(index) == expected;
    }

    private static int digitsFrom(String text, int start) {
        int i = start;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i - start;
    }

    private static int number(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
