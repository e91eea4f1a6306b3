package kz.opendata.hub.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The package documents in Kazakh, read back with PDFBox and POI. */
class CommissionDocumentsTest {

    private final CommissionDocuments documents = new CommissionDocuments();

    @Test
    void pdfKeepsKazakhLettersAndEveryPassport() throws Exception {
        CommissionSummary summary = summary(60);

        String text;
        try (PDDocument pdf = Loader.loadPDF(documents.pdf(summary))) {
            text = new PDFTextStripper().getText(pdf);
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
        }

        assertThat(text).contains("Комиссия отырысына арналған материалдар пакеті: Қазан отырысы");
        assertThat(text).contains("Ұлттық статистика бюросы");
        assertThat(text).contains("stat-water-59");
        assertThat(text).contains("water.csv: Басшының аты-жөні");
    }

    @Test
    void workbookHoldsOneSheetPerSection() throws Exception {
        CommissionSummary summary = summary(3);

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(documents.xlsx(summary)))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).hasSize(5);
            assertThat(sheets.get(0)).isEqualTo("Қорытынды");
            Row passports = workbook.getSheetAt(3).getRow(3);
            assertThat(new DataFormatter().formatCellValue(passports.getCell(2)))
                    .isEqualTo("stat-water-2");
            Row finding = workbook.getSheetAt(4).getRow(1);
            assertThat(new DataFormatter().formatCellValue(finding.getCell(0))).isEqualTo("person-name");
            assertThat(new DataFormatter().formatCellValue(finding.getCell(2))).isEqualTo("1");
        }
    }

    @Test
    void emptyPackageStillRenders() throws Exception {
        CommissionSummary empty = new CommissionSummary(
                "Бос",
                OffsetDateTime.parse("2026-10-01T10:00:00+05:00"),
                "kk",
                new CommissionSummary.Totals(0, 0, 0, 0, 0, 0),
                List.of(),
                List.of(),
                List.of(),
                List.of());

        try (PDDocument pdf = Loader.loadPDF(documents.pdf(empty))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Жоқ.");
        }
    }

    private static CommissionSummary summary(int passports) {
        List<CommissionSummary.PassportRow> rows = new ArrayList<>();
        for (int i = 0; i < passports; i++) {
            rows.add(new CommissionSummary.PassportRow(
                    i + 1, "stat", "stat-water-" + i, 1, "sent", "Су ресурстары " + i, 4, 1));
        }
        return new CommissionSummary(
                "Қазан отырысы",
                OffsetDateTime.parse("2026-10-01T10:00:00+05:00"),
                "kk",
                new CommissionSummary.Totals(1, 1, 1, passports, 1, 0),
                List.of(new CommissionSummary.AgencyRow("stat", "Ұлттық статистика бюросы", 1, 1, passports)),
                List.of(new CommissionSummary.UnloadRow(
                        7, "stat", "water.csv", "csv", 120L, 5, "candidate-without-restricted-columns", null)),
                rows,
                List.of(new CommissionSummary.FindingRow(
                        "person-name", "restricted", 1, List.of("water.csv: Басшының аты-жөні"))));
    }
}
