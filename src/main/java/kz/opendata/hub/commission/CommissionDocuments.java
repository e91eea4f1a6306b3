package kz.opendata.hub.commission;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Renders a commission package summary as a PDF document and as an XLSX workbook with one sheet
 * per section, in the language of the summary. Both hold the same tables.
 */
@Component
class CommissionDocuments {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    /** One section: a heading and a table. */
    private record Section(String heading, List<String> headers, List<List<String>> rows, int[] weights) {}

    byte[] pdf(CommissionSummary summary) throws IOException {
        ResourceBundle texts = bundle(summary.language());
        String title = texts.getString("doc.title").replace("{title}", summary.title());
        try (PdfPages pages = new PdfPages(title, summary.language())) {
            pages.heading(title, 14);
            pages.paragraph(texts.getString("doc.prepared").replace("{date}", DATE.format(summary.preparedAt())));
            pages.paragraph(texts.getString("doc.note"));
            for (Section section : sections(summary, texts)) {
                pages.heading(section.heading(), 11);
                if (section.rows().isEmpty()) {
                    pages.paragraph(texts.getString("doc.none"));
                } else {
                    pages.table(section.headers(), section.rows(), section.weights());
                }
            }
            return pages.bytes();
        }
    }

    byte[] xlsx(CommissionSummary summary) throws IOException {
        ResourceBundle texts = bundle(summary.language());
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setWrapText(true);
            for (Section section : sections(summary, texts)) {
                sheet(workbook, section, header);
            }
            workbook.getProperties()
                    .getCoreProperties()
                    .setTitle(texts.getString("doc.title").replace("{title}", summary.title()));
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void sheet(XSSFWorkbook workbook, Section section, CellStyle header) {
        Sheet sheet = workbook.createSheet(sheetName(section.heading()));
        Row top = sheet.createRow(0);
        for (int i = 0; i < section.headers().size(); i++) {
            top.createCell(i).setCellValue(section.headers().get(i));
            top.getCell(i).setCellStyle(header);
            sheet.setColumnWidth(i, Math.min(80, 6 + 3 * section.weights()[i]) * 256);
        }
        for (int r = 0; r < section.rows().size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<String> cells = section.rows().get(r);
            for (int c = 0; c < cells.size(); c++) {
                String value = cells.get(c) == null ? "" : cells.get(c);
                if (value.matches("\\d{1,15}")) {
                    row.createCell(c).setCellValue(Long.parseLong(value));
                } else {
                    row.createCell(c).setCellValue(value);
                }
            }
        }
        sheet.createFreezePane(0, 1);
    }

    private static List<Section> sections(CommissionSummary summary, ResourceBundle texts) {
        List<Section> sections = new ArrayList<>();
        sections.add(totals(summary.totals(), texts));
        sections.add(agencies(summary, texts));
        sections.add(unloads(summary, texts));
        sections.add(passports(summary, texts));
        sections.add(findings(summary, texts));
        return sections;
    }

    private static Section totals(CommissionSummary.Totals totals, ResourceBundle texts) {
        List<List<String>> rows = List.of(
                List.of(texts.getString("doc.totals.agencies"), String.valueOf(totals.agencies())),
                List.of(texts.getString("doc.totals.unloads"), String.valueOf(totals.unloads())),
                List.of(texts.getString("doc.totals.candidates"), String.valueOf(totals.candidates())),
                List.of(texts.getString("doc.totals.passports"), String.valueOf(totals.passports())),
                List.of(texts.getString("doc.totals.restricted"), String.valueOf(totals.restrictedColumns())),
                List.of(texts.getString("doc.totals.review"), String.valueOf(totals.reviewColumns())));
        return new Section(texts.getString("doc.totals"), columns(texts, "item", "count"), rows, new int[] {8, 2});
    }

    private static Section agencies(CommissionSummary summary, ResourceBundle texts) {
        List<List<String>> rows = summary.agencies().stream()
                .map(a -> List.of(
                        a.code(),
                        a.name(),
                        String.valueOf(a.unloads()),
                        String.valueOf(a.candidates()),
                        String.valueOf(a.passports())))
                .toList();
        return new Section(
                texts.getString("doc.agencies"),
                columns(texts, "code", "name", "unloads", "candidates", "passports"),
                rows,
                new int[] {4, 14, 2, 2, 2});
    }

    private static Section unloads(CommissionSummary summary, ResourceBundle texts) {
        List<List<String>> rows = summary.unloads().stream()
                .map(u -> List.of(
                        String.valueOf(u.id()),
                        u.agencyCode(),
                        u.fileName(),
                        text(u.format()),
                        u.rowCount() == null ? "" : String.valueOf(u.rowCount()),
                        String.valueOf(u.columns()),
                        text(u.verdict())))
                .toList();
        return new Section(
                texts.getString("doc.unloads"),
                columns(texts, "id", "agency", "file", "format", "rows", "columns", "verdict"),
                rows,
                new int[] {1, 4, 9, 2, 2, 2, 6});
    }

    private static Section passports(CommissionSummary summary, ResourceBundle texts) {
        List<List<String>> rows = summary.passports().stream()
                .map(p -> List.of(
                        String.valueOf(p.id()),
                        p.agencyCode(),
                        p.datasetName(),
                        String.valueOf(p.version()),
                        p.status(),
                        text(p.title()),
                        String.valueOf(p.attributes()),
                        String.valueOf(p.excludedColumns())))
                .toList();
        return new Section(
                texts.getString("doc.passports"),
                columns(texts, "id", "agency", "dataset", "version", "status", "title", "attributes", "excluded"),
                rows,
                new int[] {1, 4, 7, 2, 3, 9, 2, 3});
    }

    private static Section findings(CommissionSummary summary, ResourceBundle texts) {
        List<List<String>> rows = summary.findings().stream()
                .map(f -> List.of(
                        f.kind(), f.severity(), String.valueOf(f.columns()), String.join("; ", f.columnNames())))
                .toList();
        return new Section(
                texts.getString("doc.findings"),
                columns(texts, "kind", "severity", "count", "columnNames"),
                rows,
                new int[] {3, 3, 2, 14});
    }

    private static List<String> columns(ResourceBundle texts, String... keys) {
        List<String> headers = new ArrayList<>();
        for (String key : keys) {
            headers.add(texts.getString("doc.col." + key));
        }
        return headers;
    }

    /** Sheet names are at most 31 characters and may not hold : \ / ? * [ or ]. */
    private static String sheetName(String heading) {
        String name = heading.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
        return name.length() > 31 ? name.substring(0, 31).strip() : name;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static ResourceBundle bundle(String language) {
        return ResourceBundle.getBundle(
                "messages.commission",
                Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
