package kz.opendata.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streams XLSX sheets: every visible table, Excel dates and the date placeholder. */
class WorkbookSheetsTest {

    @TempDir
    Path dir;

    private final AnalysisService service = new AnalysisService();

    @Test
    void analysesEveryPopulationSheet() throws IOException {
        Path file = Corpus.file("stat-kz/population.xlsx");

        List<AnalysisReport> reports = service.analyzeAllSheets(file, "population.xlsx", AnalysisProgress.NONE);

        assertThat(reports)
                .extracting(r -> r.source().sheet())
                .containsExactly(
                        "Population_KZ",
                        "Urban_population_KZ",
                        "Rural_population_KZ",
                        "Male_population_KZ",
                        "Urban_male_population_KZ",
                        "Rural_Male_Population_KZ",
                        "Female_Population_KZ",
                        "Urban_Female_Population_KZ",
                        "Rural_Female_Population_KZ");
        assertThat(reports).extracting(r -> r.source().headerRow()).containsExactly(6, 2, 2, 6, 2, 2, 6, 2, 2);
        assertThat(reports)
                .extracting(AnalysisReport::rowCount)
                .containsExactly(18L, 18L, 15L, 18L, 18L, 15L, 18L, 18L, 15L);
    }

    @Test
    void skipsHiddenSheetOfWaterBasins() throws IOException {
        Path file = Corpus.file("stat-kz/water-basins.xlsx");

        List<AnalysisReport> reports = service.analyzeAllSheets(file, "water-basins.xlsx", AnalysisProgress.NONE);

        assertThat(reports)
                .extracting(r -> r.source().sheet())
                .containsExactly("Basins_KZ", "Lakes_KZ", "Rivers_KZ", "Water_consumption");
        assertThat(reports).extracting(r -> r.source().headerRow()).containsExactly(2, 2, 1, 3);
        assertThat(reports).extracting(AnalysisReport::rowCount).containsExactly(8L, 48L, 19L, 21L);
    }

    @Test
    void firstSheetReportListsOtherSheets() throws IOException {
        Path file = Corpus.file("stat-kz/water-basins.xlsx");

        AnalysisReport report = service.analyze(file, "water-basins.xlsx");

        assertThat(report.problems())
                .filteredOn(p -> p.code().equals("other-sheets"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("3 more sheets", "'Lakes_KZ'", "'Water_consumption'"));
    }

    @Test
    void readsDatesOf1904SystemAndDropsZeroPlaceholder() throws IOException {
        Path file = dir.resolve("dates.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            workbook.getCTWorkbook().addNewWorkbookPr().setDate1904(true);
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy"));
            CellStyle timeStyle = workbook.createCellStyle();
            timeStyle.setDataFormat(workbook.createDataFormat().getFormat("h:mm"));
            Sheet sheet = workbook.createSheet("Даты");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Дата регистрации");
            header.createCell(1).setCellValue("Время");
            // 43901 days after 1904-01-01 is 2024-03-12; 0 shows as the placeholder "00.01.1904".
            double[] serials = {43901, 0, 43902};
            for (int i = 0; i < serials.length; i++) {
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(serials[i]);
                row.getCell(0).setCellStyle(dateStyle);
                row.createCell(1).setCellValue(0.5 + i / 24.0);
                row.getCell(1).setCellStyle(timeStyle);
            }
            workbook.write(out);
        }

        AnalysisReport report = service.analyze(file, "dates.xlsx");

        ColumnReport dates = report.columns().get(0);
        assertThat(dates.type()).isEqualTo("date");
        assertThat(dates.nullCount()).isEqualTo(1);
        assertThat(dates.min()).isEqualTo("2024-03-12");
        assertThat(dates.max()).isEqualTo("2024-03-13");
        try (TableReader table = service.openTable(file, report.source())) {
            assertThat(table.next()).containsExactly("2024-03-12", "12:00");
            assertThat(table.next()).containsExactly(null, "13:00");
        }
    }
}
