package kz.opendata.hub.analysis.detect;

/**
 * Conditions that every value a detector recognises meets: a length and a count of ASCII digits
 * within bounds, and an at sign or a letter where the detector needs one. A {@link ColumnScan}
 * counts these once per value and calls only the detectors whose precondition the value meets, so
 * a comment is not tested as a card number and an amount is not tested as a name. A precondition
 * only leaves out values that the detector rejects. It never decides a match.
 *
 * @param minLength fewest characters
 * @param maxLength most characters
 * @param minDigits fewest ASCII digits
 * @param maxDigits most ASCII digits
 * @param needsAt whether the value must contain {@code @}
 * @param needsLetter whether the value must contain a letter; any character from {@code A} up
 *     counts, which takes in every letter of every script
 */
record Precondition(int minLength, int maxLength, int minDigits, int maxDigits, boolean needsAt, boolean needsLetter) {

    /** Admits every value. */
    static final Precondition NONE = new Precondition(0, Integer.MAX_VALUE, 0, Integer.MAX_VALUE, false, false);

    /** Creates a precondition on the length and the digits only. */
    static Precondition of(int minLength, int maxLength, int minDigits, int maxDigits) {
        return new Precondition(minLength, maxLength, minDigits, maxDigits, false, false);
    }

    /** Returns the same precondition with an at sign required. */
    Precondition withAt() {
        return new Precondition(minLength, maxLength, minDigits, maxDigits, true, needsLetter);
    }

    /** Returns the same precondition with a letter required. */
    Precondition withLetter() {
        return new Precondition(minLength, maxLength, minDigits, maxDigits, needsAt, true);
    }

    /** Returns whether a value with these counts may match. */
    boolean admits(Counts value) {
        return value.length >= minLength
                && value.length <= maxLength
                && value.digits >= minDigits
                && value.digits <= maxDigits
                && (value.at || !needsAt)
                && (value.letter || !needsLetter);
    }

    /** Counts of one value, taken in one pass. One instance is reused for value after value. */
    static final class Counts {

        int length;
        int digits;
        boolean at;
        boolean letter;

        Counts count(String value) {
            int digitCount = 0;
            boolean atSign = false;
            boolean letterLike = false;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c >= 'A') {
                    letterLike = true;
                } else if (c >= '0' && c <= '9') {
                    digitCount++;
                } else if (c == '@') {
                    atSign = true;
                }
            }
            length = value.length();
            digits = digitCount;
            at = atSign;
            letter = letterLike;
            return this;
        }
    }
}
