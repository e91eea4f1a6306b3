package kz.opendata.hub.analysis.types;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the type of one non-missing cell value.
 *
 * <p>Numbers may group thousands with spaces or no-break spaces ({@code 332 720}) and use a comma
 * or a point as the decimal separator ({@code 2,5}, {@code 2005.0}). A run of digits with a leading
 * zero is a code such as a postcode, so it stays a string.
 */
public final class ValueParser {

    private static final Pattern INTEGER =
            Pattern.compile("[-+]?(0|[1-9]\\d{0,2}(?:[ \u00A0\u202F]\\d{3})+|[1-9]\\d*)");
    private static final Pattern DECIMAL =
            Pattern.compile("[-+]?(0|[1-9]\\d{0,2}(?:[ \u00A0\u202F]\\d{3})+|[1-9]\\d*)?[.,](\\d+)");
    private static final Pattern SCIENTIFIC = Pattern.compile("[-+]?\\d+(?:\\.\\d+)?[eE][-+]?\\d+");
    private static final Pattern DOTTED_DATE = Pattern.compile("(\\d{2})\\.(\\d{2})\\.(\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private ValueParser() {}

    /** Parses a trimmed, non-missing value. */
    public static ParsedValue parse(String text) {
        if (INTEGER.matcher(text).matches()) {
            return new ParsedValue(ValueType.INTEGER, new BigDecimal(digitsOnly(text)), null);
        }
        if (DECIMAL.matcher(text).matches() || SCIENTIFIC.matcher(text).matches()) {
            String plain = digitsOnly(text).replace(',', '.');
            return new ParsedValue(ValueType.NUMBER, new BigDecimal(plain.startsWith(".") ? "0" + plain : plain), null);
        }
        LocalDate date = parseDate(text);
        if (date != null) {
            return new ParsedValue(ValueType.DATE, null, date);
        }
        return new ParsedValue(ValueType.STRING, null, null);
    }

    private static String digitsOnly(String text) {
        return text.replace(" ", "").replace("\u00A0", "").replace("\u202F", "").replace("+", "");
    }

    private static LocalDate parseDate(String text) {
        Matcher dotted = DOTTED_DATE.matcher(text);
        if (dotted.matches()) {
            return date(dotted.group(3), dotted.group(2), dotted.group(1));
        }
        Matcher iso = ISO_DATE.matcher(text);
        if (iso.matches()) {
            return date(iso.group(1), iso.group(2), iso.group(3));
        }
        return null;
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * A value with its type.
     *
     * @param number the value of an integer or number, otherwise null
     * @param date the value of a date, otherwise null
     */
    public record ParsedValue(ValueType type, BigDecimal number, LocalDate date) {}
}
