package kz.opendata.hub.analysis.read;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Rows of one sheet of an XLS workbook, which POI keeps in memory. The BIFF8 format caps a sheet
 * at 65,536 rows.
 */
final class WorkbookRowSource implements RowSource {

    private final Sheet sheet;
    private final Iterator<Row> rows;
    private final ProgressReporter progress;

    WorkbookRowSource(Sheet sheet, ProgressReporter progress) {
        this.sheet = sheet;
        this.rows = sheet.rowIterator();
        this.progress = progress;
    }

    @Override
    public RawRow next() {
        if (!rows.hasNext()) {
            return null;
        }
        Row row = rows.next();
        progress.reportFraction(row.getRowNum(), sheet.getLastRowNum() + 1L);
        int width = Math.max(row.getLastCellNum(), 0);
        List<String> cells = new ArrayList<>(width);
        for (int column = 0; column < width; column++) {
            Cell cell = row.getCell(column, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL);
            cells.add(CellText.of(cell));
        }
        return new RawRow(row.getRowNum() + 1L, cells);
    }

    @Override
    public String describe(long rowNumber) {
        return "row %d of sheet '%s'".formatted(rowNumber, sheet.getSheetName());
    }

    @Override
    public void close() {
        // The workbook owns the file, and the table that opened it closes it.
    }
}
