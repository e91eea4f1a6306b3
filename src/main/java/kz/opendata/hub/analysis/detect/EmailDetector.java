package kz.opendata.hub.analysis.detect;

import java.util.regex.Pattern;

/** Finds e-mail addresses; a cell may list several, separated by commas or semicolons. */
final class EmailDetector implements ValueDetector {

    static final String KIND = "email";

    private static final Pattern SEPARATORS = Pattern.compile("[;,\\s]+");

    @Override
    public String kind() {
        return KIND;
    }

    /** Returns what every match has: an at sign. */
    @Override
    public Precondition precondition() {
        return Precondition.NONE.withAt();
    }

    @Override
    public boolean matches(String value) {
        if (value.indexOf('@') < 0) {
            return false;
        }
        String text = value.strip();
        if (!hasSeparator(text)) {
            // The split would return the whole text as its only part.
            return isAddress(text);
        }
        for (String part : SEPARATORS.split(text)) {
            if (!isAddress(part)) {
                return false;
            }
        }
        return true;
    }

    /** True when the text contains a character of {@link #SEPARATORS}. */
    private static boolean hasSeparator(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ';' || c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /**
     * Matches {@code [A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}} by
     * scanning: a mailbox of those characters, one {@code @}, and a domain of at least two labels
     * whose last label is two or more Latin letters.
     */
    static boolean isAddress(String text) {
        int at = text.indexOf('@');
        if (at < 1 || text.indexOf('@', at + 1) >= 0) {
            return false;
        }
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (!isLatinLetterOrDigit(c) && c != '.' && c != '_' && c != '%' && c != '+' && c != '-') {
                return false;
            }
        }
        return isDomain(text, at + 1);
    }

    private static boolean isDomain(String text, int start) {
        int lastDot = text.lastIndexOf('.');
        if (lastDot <= start || text.length() - lastDot - 1 < 2) {
            return false;
        }
        for (int i = lastDot + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        boolean labelEmpty = true;
        for (int i = start; i < lastDot; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (labelEmpty) {
                    return false;
                }
                labelEmpty = true;
            } else if (isLatinLetterOrDigit(c) || c == '-') {
                labelEmpty = false;
            } else {
                return false;
            }
        }
        return !labelEmpty;
    }

    private static boolean isLatinLetterOrDigit(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    /** Keeps the first letter of the mailbox and of the domain and the top-level domain: {@code i***@m***.ru}. */
    @Override
    public String mask(String value) {
        String address = SEPARATORS.split(value.strip())[0];
        int at = address.indexOf('@');
        String domain = address.substring(at + 1);
        String topLevel = domain.substring(domain.lastIndexOf('.') + 1);
        return address.charAt(0) + "***@" + domain.charAt(0) + "***." + topLevel;
    }
}
