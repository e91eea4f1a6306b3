package kz.opendata.hub.analysis.detect;

import java.time.LocalDate;
import java.time.LocalDateTime;
import kz.opendata.hub.analysis.types.ValueParser;
import kz.opendata.hub.analysis.types.ValueParser.ParsedValue;

/**
 * Finds dates that can be birth dates: from 1900 to today. Any date column matches, so this kind
 * counts only where the header names a birth date.
 */
final class BirthDateDetector implements ValueDetector {

    static final String KIND = "birth-date";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean matches(String value) {
        if (value.isEmpty() || !Character.isDigit(value.charAt(0))) {
            return false;
        }
        ParsedValue parsed = ValueParser.parse(value);
        LocalDate date = parsed.value() instanceof LocalDateTime dateTime
                ? dateTime.toLocalDate()
                : parsed.value() instanceof LocalDate plain ? plain : null;
        return date != null && date.getYear() >= 1900 && !date.isAfter(LocalDate.now());
    }

    /** Hides every digit but keeps the layout, such as {@code **.**.****}. */
    @Override
    public String mask(String value) {
        return value.strip().replaceAll("\\d", "*");
    }
}
