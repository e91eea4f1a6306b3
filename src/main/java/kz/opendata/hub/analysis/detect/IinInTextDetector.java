package kz.opendata.hub.analysis.detect;

import java.util.regex.Matcher;
import kz.opendata.hub.analysis.Iin;

/**
 * Finds IINs inside longer text, such as a comment that quotes an applicant's number. A run of
 * exactly 12 digits, with no digit right before or after it, counts when it is a valid IIN. The
 * matches count as IINs of the column, with the masked IIN alone as evidence.
 */
final class IinInTextDetector implements ValueDetector {

    static final String KIND = "iin-in-text";

    private final IinDetector iin = new IinDetector();

    @Override
    public String kind() {
        return KIND;
    }

    /** Returns what every match has: 12 digits or more in a text longer than a bare IIN with spaces. */
    @Override
    public Precondition precondition() {
        return Precondition.of(Iin.LENGTH + 4, Integer.MAX_VALUE, Iin.LENGTH, Integer.MAX_VALUE);
    }

    /** Returns whether a value longer than a bare IIN with spaces contains a valid IIN. Shorter values are the IIN detector's. */
    @Override
    public boolean matches(String value) {
        return value.length() >= Iin.LENGTH + 4 && embeddedIin(value) != null;
    }

    /** Masks the first IIN in the text as the IIN detector masks a whole one: {@code 91******7967}. */
    @Override
    public String mask(String value) {
        return iin.mask(embeddedIin(value));
    }

    /** Returns the first valid IIN that is a run of exactly 12 digits in the text, or null. */
    private static String embeddedIin(String value) {
        Matcher run = EmbeddedValues.TWELVE_DIGITS.matcher(value);
        while (run.find()) {
            if (Iin.isValid(run.group())) {
                return run.group();
            }
        }
        return null;
    }
}
