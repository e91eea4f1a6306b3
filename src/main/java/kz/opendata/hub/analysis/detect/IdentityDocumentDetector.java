package kz.opendata.hub.analysis.detect;

import java.util.regex.Pattern;

/**
 * Finds numbers of identity documents: a Kazakh identity card (9 digits), a Kazakh passport
 * (N and 7 or 8 digits), a Russian passport (4 and 6 digits). Nine-digit numbers are common, so
 * this kind counts only where the header names a document.
 */
final class IdentityDocumentDetector implements ValueDetector {

    static final String KIND = "identity-document";

    private static final Pattern NUMBER =
            Pattern.compile("\\d{9}|[NnТт№]?\\s?[A-ZА-Я]?\\d{7,8}|\\d{2}\\s?\\d{2}\\s?\\d{6}");

    @Override
    public String kind() {
        return KIND;
    }

    /** Returns what every match has: 8 to 14 characters, of which 7 to 10 are digits. */
    @Override
    public Precondition precondition() {
        return Precondition.of(8, 14, 7, 10);
    }

    @Override
    public boolean matches(String value) {
        if (value.length() < 8 || value.length() > 14) {
            return false;
        }
        return NUMBER.matcher(value.strip()).matches();
    }

    @Override
    public String mask(String value) {
        return Masks.keepLast(value.strip(), 2);
    }
}
