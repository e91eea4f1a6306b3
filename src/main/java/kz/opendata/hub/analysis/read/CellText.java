package kz.opendata.hub.analysis.read;

import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * Turns a spreadsheet cell into the text a CSV export of it would hold: numbers without display
 * formatting ({@code 43558237.5}, not {@code 43,558,238}), dates in ISO form.
 */
final class CellText {

    private CellText() {}

    static String of(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getRichStringCellValue().getString();
            case NUMERIC -> numeric(cell);
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> "";
        };
    }

    private static String numeric(Cell cell) {
        double value = cell.getNumericCellValue();
        if (DateUtil.isCellDateFormatted(cell) && DateUtil.isValidExcelDate(value)) {
            return isoDate(cell.getLocalDateTimeCellValue());
        }
        return NumberToTextConverter.toText(value);
    }

    static String isoDate(LocalDateTime value) {
        if (value.toLocalTime().toSecondOfDay() == 0) {
            return value.toLocalDate().toString();
        }
        return value.toString();
    }
}
