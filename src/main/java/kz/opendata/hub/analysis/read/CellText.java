package kz.opendata.hub.analysis.read;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Workbook;

/** Turns a cell of an in-memory workbook into text, as {@link ExcelNumbers} describes. */
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
        CellStyle style = cell.getCellStyle();
        return ExcelNumbers.text(
                cell.getNumericCellValue(),
                style.getDataFormat(),
                style.getDataFormatString(),
                uses1904DateSystem(cell.getSheet().getWorkbook()));
    }

    private static boolean uses1904DateSystem(Workbook workbook) {
        return workbook instanceof HSSFWorkbook hssf
                && hssf.getInternalWorkbook().isUsing1904DateWindowing();
    }
}
