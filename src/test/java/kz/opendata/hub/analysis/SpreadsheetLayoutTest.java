package kz.opendata.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpreadsheetLayoutTest {

    @TempDir
    Path dir;

    private final AnalysisService service = new AnalysisService();

    @Test
    void skipsTitleAndNoteRows() throws IOException {
        Path file = dir.resolve("spending.xlsx");
        writeWorkbook(file);

        AnalysisReport report = service.analyze(file, "spending.xlsx");

        assertThat(report.source().headerRow()).isEqualTo(4);
        assertThat(report.rowCount()).isEqualTo(3);
        assertThat(report.columns()).extracting(ColumnReport::name).containsExactly("Регион", "2022", "2023");
        assertThat(report.columns().get(1).type()).isEqualTo("number");
        assertThat(report.columns().get(1).max()).isEqualTo("1250.5");
        assertThat(report.problems()).extracting(Problem::code).contains("rows-above-header", "notes-below-table");
    }

    @Test
    void openTableReturnsTheSameRowsAsAnalysed() throws IOException {
        Path file = dir.resolve("spending.xlsx");
        writeWorkbook(file);
        AnalysisReport report = service.analyze(file, "spending.xlsx");

        List<String[]> rows = new ArrayList<>();
        try (TableReader table = service.openTable(file, report.source())) {
            assertThat(table.header()).containsExactly("Регион", "2022", "2023");
            String[] row;
            while ((row = table.next()) != null) {
                rows.add(row);
            }
        }

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsExactly("Абай", "1250.5", "980");
        assertThat(rows.get(2)).containsExactly("Ұлытау", "-", "15");
    }

    @Test
    void picksFirstVisibleSheetWithTable() throws IOException {
        Path file = dir.resolve("two-sheets.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Пусто");
            Sheet hidden = workbook.createSheet("Скрыто");
            fillRow(hidden.createRow(0), "a", "b");
            fillRow(hidden.createRow(1), "1", "2");
            workbook.setSheetHidden(1, true);
            Sheet data = workbook.createSheet("Данные");
            fillRow(data.createRow(0), "Код", "Название");
            fillRow(data.createRow(1), "01", "Первый");
            workbook.write(out);
        }

        AnalysisReport report = service.analyze(file, "two-sheets.xlsx");

        assertThat(report.source().sheet()).isEqualTo("Данные");
        assertThat(report.rowCount()).isEqualTo(1);
        assertThat(report.columns().get(0).type())
                .as("a code with a leading zero")
                .isEqualTo("string");
    }

    private static void writeWorkbook(Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("ООС");
            sheet.createRow(0).createCell(0).setCellValue("Текущие затраты на охрану окружающей среды");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 2));
            sheet.createRow(1).createCell(2).setCellValue("тыс. тенге");
            Row header = sheet.createRow(3);
            header.createCell(0).setCellValue("Регион");
            header.createCell(1).setCellValue(2022);
            header.createCell(2).setCellValue(2023);
            numbers(sheet.createRow(4), "Абай", 1250.5, 980);
            numbers(sheet.createRow(5), "Жетісу", 310, 402.25);
            Row last = sheet.createRow(6);
            last.createCell(0).setCellValue("Ұлытау");
            last.createCell(1).setCellValue("-");
            last.createCell(2).setCellValue(15);
            sheet.createRow(8).createCell(0).setCellValue("Примечание: данные за 2023 год предварительные");
            sheet.createRow(9).createCell(0).setCellValue("Источник: Бюро национальной статистики");
            workbook.write(out);
        }
    }

    private static void numbers(Row row, String region, double first, double second) {
        row.createCell(0).setCellValue(region);
        row.createCell(1).setCellValue(first);
        row.createCell(2).setCellValue(second);
    }

    private static void fillRow(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }
}
