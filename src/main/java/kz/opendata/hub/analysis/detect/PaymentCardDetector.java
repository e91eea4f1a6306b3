package kz.opendata.hub.analysis.detect;

/**
 * Finds payment card numbers: 13 to 19 digits, optionally in groups, starting with 2 to 6 (the
 * ranges of Mir, Visa, Mastercard, American Express, UnionPay and similar networks) and passing
 * the Luhn check.
 */
final class PaymentCardDetector implements ValueDetector {

    static final String KIND = "payment-card";

    @Override
    public String kind() {
        return KIND;
    }

    /** Returns what every match has: 13 to 19 digits, with spaces or hyphens up to 23 characters. */
    @Override
    public Precondition precondition() {
        return Precondition.of(13, 23, 13, 19);
    }

    @Override
    public boolean matches(String value) {
        if (value.length() < 13 || value.length() > 23 || !Character.isDigit(value.charAt(0))) {
            return false;
        }
        String digits = value.replace(" ", "").replace("-", "");
        if (digits.length() < 13 || digits.length() > 19 || !allDigits(digits)) {
            return false;
        }
        char first = digits.charAt(0);
        return first >= '2' && first <= '6' && passesLuhn(digits);
    }

    /**
     * Returns whether every character is an ASCII digit. Digits of other scripts would give the
     * Luhn sum nonsense, and card numbers are printed in ASCII digits.
     */
    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Doubles every second digit from the right, subtracting 9 above 9; the sum must end in 0. */
    static boolean passesLuhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    @Override
    public String mask(String value) {
        return Masks.keepLast(value.strip(), 4);
    }
}
