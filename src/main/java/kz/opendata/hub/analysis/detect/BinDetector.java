package kz.opendata.hub.analysis.detect;

import kz.opendata.hub.analysis.Iin;

/**
 * Finds business identification numbers (BIN) of legal entities, which are public. A BIN has the
 * IIN's 12 digits and check digit but starts with the registration year and month. Then come a
 * type digit 4, 5 or 6 (resident, non-resident, joint individual business) and a digit 0 to 3
 * (head office, branch, representative office, peasant farm). The type digit makes a BIN's
 * "day" 40 or more, so no BIN reads as a valid IIN.
 */
final class BinDetector implements ValueDetector {

    static final String KIND = "bin";

    @Override
    public String kind() {
        return KIND;
    }

    /** Returns what every match has: twelve digits and up to three spaces. */
    @Override
    public Precondition precondition() {
        return Precondition.of(Iin.LENGTH, Iin.LENGTH + 3, Iin.LENGTH, Iin.LENGTH);
    }

    @Override
    public boolean matches(String value) {
        if (value.length() < Iin.LENGTH || value.length() > Iin.LENGTH + 3 || !Character.isDigit(value.charAt(0))) {
            return false;
        }
        String digits = value.replace(" ", "");
        if (digits.length() != Iin.LENGTH || !isAsciiDigits(digits)) {
            return false;
        }
        int month = (digits.charAt(2) - '0') * 10 + digits.charAt(3) - '0';
        char type = digits.charAt(4);
        char office = digits.charAt(5);
        return month >= 1
                && month <= 12
                && type >= '4'
                && type <= '6'
                && office >= '0'
                && office <= '3'
                && Iin.checkDigit(digits) == digits.charAt(11) - '0';
    }

    private static boolean isAsciiDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Returns the value unchanged, because a BIN is public. */
    @Override
    public String mask(String value) {
        return value;
    }
}
