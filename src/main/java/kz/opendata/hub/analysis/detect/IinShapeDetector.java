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
    private final IinDetector iin = new IinDetector();

    @Override
    public String kind() {
        return KIND;
    }

    /** Returns what every match has: 11 or 12 digits with any number of spaces between them. */
    @Override
    public Precondition precondition() {
        return Precondition.of(0, Integer.MAX_VALUE, Iin.LENGTH - 1, Iin.LENGTH);
    }

    @Override
    public boolean matches(String value) {
        String digits = IinDetector.digits(value);
        return digits != null && !bin.matches(digits);
    }

    @Override
    public String mask(String value) {
        return iin.mask(value);
    }
}
