package kz.opendata.hub.analysis.detect;

/**
 * Finds telephone and fax numbers written for people to dial: 10 to 12 digits with the usual
 * separators ({@code +7 (727) 272-12-34}, {@code (499) 672-7602}, {@code 8 701 123 45 67}), a bare
 * 11-digit number starting with 7 or 8, or a 7-digit local number written {@code 272-12-34}. A
 * cell may list several numbers separated by commas or semicolons.
 */
final class PhoneDetector implements ValueDetector {

    static final String KIND = "phone";

    @Override
    public String kind() {
        return KIND;
    }

    /** Returns what every match has: seven digits or more. */
    @Override
    public Precondition precondition() {
        return Precondition.of(0, Integer.MAX_VALUE, 7, Integer.MAX_VALUE);
    }

    @Override
    public boolean matches(String value) {
        int digits = 0;
        int firstPartDigits = -1;
        boolean singlePart = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (Character.isLetter(c)) {
                return false;
            } else if (c == ';' || c == ',' || Character.isWhitespace(c)) {
                // A value without a comma, semicolon or whitespace is one number, so the split can be skipped.
                singlePart = false;
                if (firstPartDigits < 0 && (c == ';' || c == ',')) {
                    firstPartDigits = digits;
                }
            }
        }
        // The first part of a split ends at the first comma or semicolon at the latest, and is
        // never dropped when it is empty. A phone number has 7 digits or more, so fewer before
        // that mark reject the value without splitting it: an amount such as 619788,52.
        if (digits < 7 || (firstPartDigits >= 0 && firstPartDigits < 7)) {
            return false;
        }
        if (singlePart) {
            return isPhone(value, digits);
        }
        for (String part : PhoneShapes.split(value)) {
            if (!isPhone(part.strip())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPhone(String part) {
        int digits = 0;
        for (int i = 0; i < part.length(); i++) {
            if (Character.isDigit(part.charAt(i))) {
                digits++;
            }
        }
        return isPhone(part, digits);
    }

    /**
     * Decides by the digit count first, since most cells fail it: a local number has 7 digits, a
     * bare mobile 11 and a dialable number 10 to 12; the patterns run only on those counts.
     */
    private static boolean isPhone(String part, int digits) {
        if (digits == 7) {
            return PhoneShapes.isLocal(part);
        }
        if (digits < 10 || digits > 12) {
            return false;
        }
        if (digits == 11 && PhoneShapes.isBareMobile(part)) {
            return true;
        }
        // A bracket, hyphen, space or plus is tested first: identifiers of 10 to 12 digits have none.
        // Amounts with grouped thousands, such as 43 558 237 500, have the shape of a phone number too.
        return hasDialMark(part) && PhoneShapes.isDialable(part) && !PhoneShapes.isGroupedThousands(part);
    }

    private static boolean hasDialMark(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '(' || c == '-' || c == ' ' || c == '+') {
                return true;
            }
        }
        return false;
    }

    /** Hides every digit but a leading country code 7 and the last two: {@code +7 (***) ***-**-02}. */
    @Override
    public String mask(String value) {
        String number = PhoneShapes.split(value).get(0).strip();
        int digitCount = (int) number.chars().filter(Character::isDigit).count();
        StringBuilder masked = new StringBuilder(number.length());
        int seen = 0;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (!Character.isDigit(c)) {
                masked.append(c);
                continue;
            }
            seen++;
            boolean countryCode = seen == 1 && number.startsWith("+7");
            masked.append(countryCode || seen > digitCount - 2 ? c : '*');
        }
        return masked.toString();
    }
}
