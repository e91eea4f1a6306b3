package kz.opendata.hub.analysis;

import java.time.LocalDate;

/** Generates IINs in tests, with its own implementation of the check digit. */
public final class TestIins {

    private TestIins() {}

    /**
     * Builds an IIN, or returns null when the serial gives a prefix without a check digit.
     *
     * @param male true for the odd century digit
     */
    public static String generate(LocalDate birthDate, boolean male, int serial) {
        int centuryBase = (birthDate.getYear() / 100 - 18) * 2 + 1;
        int centuryDigit = male ? centuryBase : centuryBase + 1;
        String prefix = "%02d%02d%02d%d%04d"
                .formatted(
                        birthDate.getYear() % 100,
                        birthDate.getMonthValue(),
                        birthDate.getDayOfMonth(),
                        centuryDigit,
                        serial % 10_000);
        int check = checkDigit(prefix);
        return check < 0 ? null : prefix + check;
    }

    /** Returns the check digit of 11 digits, or -1 when both weight passes give 10. */
    public static int checkDigit(String prefix) {
        int first = 0;
        int second = 0;
        for (int i = 0; i < 11; i++) {
            int digit = prefix.charAt(i) - '0';
            first += digit * (i + 1);
            second += digit * ((i + 2) % 11 + 1);
        }
        if (first % 11 != 10) {
            return first % 11;
        }
        return second % 11 == 10 ? -1 : second % 11;
    }
}
