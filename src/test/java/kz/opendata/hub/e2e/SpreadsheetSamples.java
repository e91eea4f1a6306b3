package kz.opendata.hub.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Spreadsheets built in test code for cases no real unload in the samples shows. */
final class SpreadsheetSamples {

    private SpreadsheetSamples() {}

    /** An XLSX whose only sheet holds a title and a note, but no table. */
    static byte[] workbookWithOnlyATitle() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Отчёт");
            sheet.createRow(0).createCell(0).setCellValue("Сведения будут представлены позднее");
            sheet.createRow(2).createCell(0).setCellValue("Исполнитель: отдел статистики");
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
