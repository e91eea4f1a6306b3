package kz.opendata.hub.approval;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import kz.opendata.hub.passport.Language;
import kz.opendata.hub.passport.Passport;
import kz.opendata.hub.passport.Passport.Attribute;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the passport as an XLSX form the agency can edit and send back with its reply: a sheet
 * of general fields, a sheet of attributes, and a hidden sheet naming the data set and version.
 * Column A of the general sheet and row 3 of the attribute sheet hold the field paths the hub
 * reads back (see {@link PassportWorkbookReader}); both are hidden from people.
 */
final class PassportWorkbook {

    static final String ID_SHEET = "odh";
    static final String KEY_TECHNICAL_NAME = "technicalName";
    static final List<String> ATTRIBUTE_KEYS =
            List.of("number", KEY_TECHNICAL_NAME, "name.kk", "name.ru", "name.en", "group", "type", "required");
    static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    /** Rows of the general sheet: field path, label key of the passport form. */
    static final List<List<String>> GENERAL_FIELDS = List.of(
            List.of("general.fullName", "item.1.1.1"),
            List.of("general.shortName", "item.1.1.2"),
            List.of("general.description", "item.1.1.5"),
            List.of("general.keywords", "item.1.1.6"));

    private final FormVocabulary vocabulary;

    PassportWorkbook(FormVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    byte[] write(Passport passport, Language language) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ApprovalMessages texts = ApprovalMessages.of(language.code());
            Styles styles = new Styles(workbook);
            general(workbook.createSheet(texts.text("form.sheet.general")), passport, language, texts, styles);
            attributes(workbook.createSheet(texts.text("form.sheet.attributes")), passport, language, texts, styles);
            identity(workbook, passport);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private void general(Sheet sheet, Passport passport, Language language, ApprovalMessages texts, Styles styles) {
        help(sheet, texts.text("form.help.general"), 3, styles);
        header(
                sheet.createRow(1),
                styles,
                "",
                vocabulary.label(language, "column.attribute"),
                texts.text("form.value"));
        Passport.General general = passport.general();
        List<Map<String, String>> values = List.of(general.fullName(), general.shortName(), general.description());
        int row = 2;
        for (int field = 0; field < GENERAL_FIELDS.size(); field++) {
            String path = GENERAL_FIELDS.get(field).get(0);
            String label = vocabulary.label(language, GENERAL_FIELDS.get(field).get(1));
            for (String code : LANGUAGES) {
                String value = field < values.size()
                        ? values.get(field).get(code)
                        : String.join(", ", general.keywords().getOrDefault(code, List.of()));
                fieldRow(sheet, row++, path + "." + code, label + " (" + code + ")", value, styles);
            }
        }
        String frequency =
                vocabulary.frequencyName(passport.updating().frequency().code(), language);
        fieldRow(sheet, row, "updating.frequency", vocabulary.label(language, "item.1.2.1"), frequency, styles);
        list(sheet, row++, vocabulary.frequencyNames(language));
        row = geobinding(sheet, row, passport.geobinding(), language, styles);
        sheet.setColumnHidden(0, true);
        sheet.setColumnWidth(1, 60 * 256);
        sheet.setColumnWidth(2, 70 * 256);
    }

    private int geobinding(Sheet sheet, int row, Passport.Geobinding geobinding, Language language, Styles styles) {
        String available = vocabulary.label(language, geobinding.available() ? "yes" : "no");
        fieldRow(sheet, row, "geobinding.available", vocabulary.label(language, "item.1.3.1"), available, styles);
        list(sheet, row++, List.of(vocabulary.label(language, "yes"), vocabulary.label(language, "no")));
        String geometry = geobinding.geometryType() == null
                ? null
                : vocabulary.label(language, "geometry." + geobinding.geometryType());
        fieldRow(sheet, row++, "geobinding.geometryType", vocabulary.label(language, "item.1.3.2"), geometry, styles);
        String binding = geobinding.bindingType() == null
                ? null
                : vocabulary.label(language, "binding." + geobinding.bindingType());
        fieldRow(sheet, row++, "geobinding.bindingType", vocabulary.label(language, "item.1.3.3"), binding, styles);
        String address = geobinding.addressAttribute();
        fieldRow(
                sheet, row++, "geobinding.addressAttribute", vocabulary.label(language, "item.1.3.4"), address, styles);
        return row;
    }

    private void attributes(Sheet sheet, Passport passport, Language language, ApprovalMessages texts, Styles styles) {
        help(sheet, texts.text("form.help.attributes"), ATTRIBUTE_KEYS.size(), styles);
        String name = vocabulary.label(language, "column.name");
        header(
                sheet.createRow(1),
                styles,
                vocabulary.label(language, "column.number"),
                vocabulary.label(language, "column.technicalName"),
                name + " (kk)",
                name + " (ru)",
                name + " (en)",
                vocabulary.label(language, "column.group"),
                vocabulary.label(language, "column.type"),
                vocabulary.label(language, "column.required"));
        Row keys = sheet.createRow(2);
        for (int i = 0; i < ATTRIBUTE_KEYS.size(); i++) {
            keys.createCell(i).setCellValue(ATTRIBUTE_KEYS.get(i));
        }
        keys.setZeroHeight(true);
        int row = 3;
        for (Attribute attribute : passport.attributes()) {
            attributeRow(sheet.createRow(row++), attribute, language, styles);
        }
        if (row > 3) {
            List<String> yesNo = List.of(vocabulary.label(language, "yes"), vocabulary.label(language, "no"));
            List<String> obligation =
                    List.of(vocabulary.label(language, "required"), vocabulary.label(language, "optional"));
            validation(sheet, 3, row - 1, 5, yesNo);
            validation(sheet, 3, row - 1, 7, obligation);
        }
        int[] widths = {6, 28, 30, 30, 30, 14, 16, 18};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
    }

    private void attributeRow(Row row, Attribute attribute, Language language, Styles styles) {
        row.createCell(0).setCellValue(attribute.number());
        row.createCell(1).setCellValue(attribute.technicalName());
        for (int i = 0; i < LANGUAGES.size(); i++) {
            String text = attribute.name().get(LANGUAGES.get(i));
            row.createCell(2 + i).setCellValue(text == null ? "" : text);
            row.getCell(2 + i).setCellStyle(styles.editable);
        }
        row.createCell(5).setCellValue(vocabulary.label(language, attribute.group() ? "yes" : "no"));
        row.createCell(6).setCellValue(vocabulary.label(language, "type." + attribute.type()));
        row.createCell(7).setCellValue(vocabulary.label(language, attribute.required() ? "required" : "optional"));
        row.getCell(5).setCellStyle(styles.editable);
        row.getCell(7).setCellStyle(styles.editable);
    }

    private static void identity(Workbook workbook, Passport passport) {
        Sheet sheet = workbook.createSheet(ID_SHEET);
        Row id = sheet.createRow(0);
        id.createCell(0).setCellValue("dataset");
        id.createCell(1).setCellValue(passport.id());
        Row version = sheet.createRow(1);
        version.createCell(0).setCellValue("version");
        version.createCell(1).setCellValue(passport.version());
        workbook.setSheetVisibility(workbook.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
    }

    private static void help(Sheet sheet, String text, int columns, Styles styles) {
        Row row = sheet.createRow(0);
        row.createCell(0).setCellValue(text);
        row.getCell(0).setCellStyle(styles.help);
        row.setHeightInPoints(45);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
    }

    private static void header(Row row, Styles styles, String... labels) {
        for (int i = 0; i < labels.length; i++) {
            row.createCell(i).setCellValue(labels[i]);
            row.getCell(i).setCellStyle(styles.header);
        }
    }

    private static void fieldRow(Sheet sheet, int index, String path, String label, String value, Styles styles) {
        Row row = sheet.createRow(index);
        row.createCell(0).setCellValue(path);
        row.createCell(1).setCellValue(label);
        row.createCell(2).setCellValue(value == null ? "" : value);
        row.getCell(1).setCellStyle(styles.label);
        row.getCell(2).setCellStyle(styles.editable);
    }

    private static void list(Sheet sheet, int row, List<String> values) {
        validation(sheet, row, row, 2, values);
    }

    private static void validation(Sheet sheet, int firstRow, int lastRow, int column, List<String> values) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(
                helper.createExplicitListConstraint(values.toArray(String[]::new)),
                new CellRangeAddressList(firstRow, lastRow, column, column));
        validation.setShowErrorBox(false);
        sheet.addValidationData(validation);
    }

    /** Cell styles of the form. */
    private static final class Styles {

        final CellStyle header;
        final CellStyle label;
        final CellStyle editable;
        final CellStyle help;

        Styles(Workbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            label = workbook.createCellStyle();
            label.setWrapText(true);
            editable = workbook.createCellStyle();
            editable.setWrapText(true);
            help = workbook.createCellStyle();
            help.setWrapText(true);
        }
    }
}
