package kz.opendata.hub.exchange;

import static kz.opendata.hub.exchange.InventoryFormLayout.FIELD_COLUMNS;
import static kz.opendata.hub.exchange.InventoryFormLayout.FIRST_DATA_ROW;
import static kz.opendata.hub.exchange.InventoryFormLayout.HEADING_ROW;
import static kz.opendata.hub.exchange.InventoryFormLayout.SYSTEM_COLUMNS;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import kz.opendata.hub.exchange.InformationSystem.DataField;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the Appendix 1 inventory form as XLSX: a sheet of information systems and a sheet of
 * their data fields, pre-filled from the registry, in the agency's language.
 */
final class InventoryFormWriter {

    private static final int[] SYSTEM_WIDTHS = {6, 40, 70};
    private static final int[] FIELD_WIDTHS = {6, 30, 30, 25, 50, 15};

    private InventoryFormWriter() {}

    static byte[] write(RequestLetter letter) throws IOException {
        LetterTexts texts = LetterTexts.of(letter.language());
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            String title = texts.text("form.title", letter.letterNumber(), letter.agencyName());
            XSSFSheet systems = sheet(workbook, styles, texts, "form.sheet.systems", title, SYSTEM_COLUMNS);
            fill(systems, systemRows(letter), SYSTEM_WIDTHS);
            XSSFSheet fields = sheet(workbook, styles, texts, "form.sheet.fields", title, FIELD_COLUMNS);
            fill(fields, fieldRows(letter), FIELD_WIDTHS);
            marker(workbook, letter);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static XSSFSheet sheet(
            XSSFWorkbook workbook,
            Styles styles,
            LetterTexts texts,
            String nameKey,
            String title,
            List<String> columns) {
        XSSFSheet sheet = workbook.createSheet(texts.text(nameKey));
        sheet.createRow(0).createCell(0).setCellValue(title);
        sheet.getRow(0).getCell(0).setCellStyle(styles.title);
        sheet.createRow(1).createCell(0).setCellValue(texts.text("form.hint"));
        sheet.getRow(1).getCell(0).setCellStyle(styles.hint);
        sheet.getRow(1).setHeightInPoints(45);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns.size() - 1));
        Row headings = sheet.createRow(HEADING_ROW);
        for (int c = 0; c < columns.size(); c++) {
            headings.createCell(c).setCellValue(texts.text(columns.get(c)));
            headings.getCell(c).setCellStyle(styles.heading);
        }
        sheet.createFreezePane(0, FIRST_DATA_ROW);
        return sheet;
    }

    private static void fill(XSSFSheet sheet, List<List<String>> rows, int[] widths) {
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(FIRST_DATA_ROW + r);
            List<String> cells = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                row.createCell(c).setCellValue(cells.get(c));
            }
        }
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
    }

    private static List<List<String>> systemRows(RequestLetter letter) {
        List<List<String>> rows = new ArrayList<>();
        for (InformationSystem system : letter.systems()) {
            rows.add(List.of(
                    String.valueOf(rows.size() + 1), system.name(), LetterContent.blankIfNull(system.description())));
        }
        return rows;
    }

    private static List<List<String>> fieldRows(RequestLetter letter) {
        List<List<String>> rows = new ArrayList<>();
        for (InformationSystem system : letter.systems()) {
            for (DataField field : system.fields()) {
                rows.add(List.of(
                        String.valueOf(rows.size() + 1),
                        system.name(),
                        LetterContent.blankIfNull(field.name()),
                        LetterContent.blankIfNull(field.field()),
                        LetterContent.blankIfNull(field.description()),
                        LetterContent.blankIfNull(field.type())));
            }
        }
        return rows;
    }

    /** Records the request the form belongs to, on a sheet Excel does not show. */
    private static void marker(XSSFWorkbook workbook, RequestLetter letter) {
        XSSFSheet marker = workbook.createSheet(InventoryFormLayout.MARKER_SHEET);
        String[][] entries = {
            {"form", InventoryFormLayout.FORM_ID},
            {"version", InventoryFormLayout.FORM_VERSION},
            {"agency", letter.agencyCode()},
            {"campaign", String.valueOf(letter.campaignId())},
            {"letter", letter.letterNumber()},
            {"language", letter.language()}
        };
        for (int r = 0; r < entries.length; r++) {
            Row row = marker.createRow(r);
            row.createCell(0).setCellValue(entries[r][0]);
            row.createCell(1).setCellValue(entries[r][1]);
        }
        workbook.setSheetVisibility(workbook.getSheetIndex(marker), SheetVisibility.VERY_HIDDEN);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle hint;
        final CellStyle heading;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            title = workbook.createCellStyle();
            title.setFont(bold);
            hint = workbook.createCellStyle();
            hint.setWrapText(true);
            heading = workbook.createCellStyle();
            heading.setFont(bold);
            heading.setWrapText(true);
            heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
    }
}
