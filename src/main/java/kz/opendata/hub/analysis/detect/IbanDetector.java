package kz.opendata.hub.analysis.detect;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds Kazakh bank account numbers (IBAN): {@code KZ}, two check digits, a three-digit bank code
 * and a 13-character account, 20 characters that pass the ISO 13616 check (the number formed by
 * moving the first four characters to the end, letters as 10 to 35, leaves 1 modulo 97).
 */
final class IbanDetector implements ValueDetector {

    static final String KIND = "iban";

    private static final Pattern KAZAKH_IBAN = Pattern.compile("KZ\\d{2}\\d{3}[0-9A-Z]{13}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    @Override
    public String kind() {
        return KIND;
    }

    /** Returns what every match has: 20 characters or more, with the letters KZ and at least five digits. */
    @Override
    public Precondition precondition() {
        return Precondition.of(20, Integer.MAX_VALUE, 5, Integer.MAX_VALUE).withLetter();
    }

    @Override
    public boolean matches(String value) {
        if (value.length() < 20 || !value.regionMatches(true, 0, "KZ", 0, 2)) {
            return false;
        }
        String compact = value.replace(" ", "").toUpperCase(Locale.ROOT);
        return KAZAKH_IBAN.matcher(compact).matches() && passesMod97(compact);
    }

    static boolean passesMod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    @Override
    public String mask(String value) {
        String compact = value.replace(" ", "").toUpperCase(Locale.ROOT);
        return compact.substring(0, 2) + "*".repeat(compact.length() - 6) + compact.substring(compact.length() - 4);
    }
}
