package kz.opendata.hub.analysis;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Kazakhstan individual identification number (IIN): 12 digits, {@code YYMMDD} birth date, a
 * century and sex digit, a 4-digit serial and a check digit.
 *
 * <p>The check digit is the weighted digit sum of the first 11 digits modulo 11, with weights 1 to
 * 11. When that sum gives 10, a second pass uses weights 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2; a
 * second 10 makes the number invalid, so no valid IIN ends in such a prefix.
 */
public final class Iin {

    public static final int LENGTH = 12;

    private static final int[] FIRST_WEIGHTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private Iin() {}

    /**
     * Checks the length, the birth date, the century digit (1 to 6) and the check digit.
     *
     * @param iin the number as text, digits only
     */
    public static boolean isValid(String iin) {
        if (!hasTwelveDigits(iin)) {
            return false;
        }
        int expected = checkDigit(iin);
        return expected >= 0 && expected == digit(iin, 11) && birthDate(iin).isPresent();
    }

    /**
     * Computes the check digit of the first 11 digits.
     *
     * @return 0..9, or -1 when both weight passes give 10 and no check digit exists
     */
    public static int checkDigit(String digits) {
        int sum = weightedSum(digits, FIRST_WEIGHTS) % 11;
        if (sum == 10) {
            sum = weightedSum(digits, SECOND_WEIGHTS) % 11;
        }
        return sum == 10 ? -1 : sum;
    }

    /**
     * Reads the birth date from digits 1 to 6 and the century from digit 7: 1 and 2 mean the 19th
     * century, 3 and 4 the 20th, 5 and 6 the 21st (odd for men, even for women).
     *
     * @return empty when the century digit is outside 1..6 or the date does not exist
     */
    public static Optional<LocalDate> birthDate(String iin) {
        if (!hasTwelveDigits(iin)) {
            return Optional.empty();
        }
        int centuryDigit = digit(iin, 6);
        if (centuryDigit < 1 || centuryDigit > 6) {
            return Optional.empty();
        }
        int year = 1800 + (centuryDigit - 1) / 2 * 100 + twoDigits(iin, 0);
        try {
            return Optional.of(LocalDate.of(year, twoDigits(iin, 2), twoDigits(iin, 4)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean hasTwelveDigits(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int weightedSum(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digit(digits, i) * weights[i];
        }
        return sum;
    }

    private static int digit(String digits, int index) {
        return digits.charAt(index) - '0';
    }

    private static int twoDigits(String digits, int index) {
        return digit(digits, index) * 10 + digit(digits, index + 1);
    }
}
