package kz.opendata.hub.analysis.read;

import java.time.LocalDateTime;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * Turns the number stored in a spreadsheet cell into the text a CSV export would hold: plain
 * numbers without display formatting ({@code 43558237.5}, not {@code 43,558,238}), date-formatted
 * numbers as ISO dates, date-times or times.
 *
 * <p>Excel counts days from 1900-01-00 (or from 1904-01-01 in workbooks saved with the 1904 date
 * system). A date cell holding 0 shows as {@code 00.01.1900}, which agencies use as a placeholder
 * for "no date", so it becomes an empty cell.
 */
final class ExcelNumbers {

    private ExcelNumbers() {}

    static String text(double value, int formatIndex, String formatString, boolean date1904) {
        if (!DateUtil.isADateFormat(formatIndex, formatString)) {
            return NumberToTextConverter.toText(value);
        }
        if (value == 0) {
            return "";
        }
        if (!DateUtil.isValidExcelDate(value)) {
            return NumberToTextConverter.toText(value);
        }
        LocalDateTime dateTime = DateUtil.getLocalDateTime(value, date1904, true);
        if (value < 1 && !hasDatePart(formatString)) {
            return dateTime.toLocalTime().toString();
        }
        return isoDate(dateTime);
    }

    static String isoDate(LocalDateTime value) {
        if (value.toLocalTime().toSecondOfDay() == 0) {
            return value.toLocalDate().toString();
        }
        return value.toString();
    }

    private static boolean hasDatePart(String formatString) {
        String format = formatString == null ? "" : formatString.toLowerCase(Locale.ROOT);
        return format.contains("y") || format.contains("d");
    }
}
