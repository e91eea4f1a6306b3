package kz.opendata.hub.analysis.detect;

import kz.opendata.hub.analysis.Iin;

/**
 * Finds individual identification numbers, also where a spreadsheet stored them as numbers and
 * dropped the leading zero of people born in the 2000s.
 */
final class IinDetector implements ValueDetector {

    static final String KIND = "iin";

    @Override
    public String kind() {
        return KIND;
    }

    /** Returns what every match has: 11 or 12 digits (a spreadsheet may drop the first zero) and up to three spaces. */
    @Override
    public Precondition precondition() {
        return Precondition.of(Iin.LENGTH - 1, Iin.LENGTH + 3, Iin.LENGTH - 1, Iin.LENGTH);
    }

    @Override
    public boolean matches(String value) {
        if (value.length() < Iin.LENGTH - 1 || value.length() > Iin.LENGTH + 3 || !Character.isDigit(value.charAt(0))) {
            return false;
        }
        String digits = digits(value);
        return digits != null && Iin.isValid(digits);
    }

    @Override
    public String mask(String value) {
        String digits = digits(value);
        return digits.substring(0, 2) + "******" + digits.substring(8);
    }

    /** Returns the 12 digits of the value, or null when it is not an 11- or 12-digit number. */
    static String digits(String value) {
        String compact = value.replace(" ", "");
        if (compact.length() < Iin.LENGTH - 1 || compact.length() > Iin.LENGTH) {
            return null;
        }
        for (int i = 0; i < compact.length(); i++) {
            if (!Character.isDigit(compact.charAt(i)) || compact.charAt(i) > '9') {
                return null;
            }
        }
        return compact.length() == Iin.LENGTH ? compact : "0" + compact;
    }
}
