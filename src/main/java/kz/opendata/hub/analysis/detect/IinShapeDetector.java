package kz.opendata.hub.analysis.detect;

import kz.opendata.hub.analysis.Iin;

/**
 * Finds values shaped like an individual identification number whatever their check digit: 12
 * digits, or 11 where a spreadsheet dropped a leading zero, that are not a valid business number.
 * It counts only under a header that names an IIN, where a mistyped or made-up IIN is still an
 * identifier of a person and must not be published or shown.
 */
final class IinShapeDetector implements ValueDetector {

    static final String KIND = "iin-shape";

    private final BinDetector bin = new BinDetector();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean matches(String value) {
        String digits = value.replace(" ", "");
        if (digits.length() < Iin.LENGTH - 1 || digits.length() > Iin.LENGTH) {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return false;
            }
        }
        return !bin.matches(digits);
    }

    @Override
    public String mask(String value) {
        String digits = value.replace(" ", "");
        return digits.substring(0, 2) + "******" + digits.substring(digits.length() - 4);
    }
}
