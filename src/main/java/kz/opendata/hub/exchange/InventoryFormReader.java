package kz.opendata.hub.exchange;

import static kz.opendata.hub.exchange.InventoryFormLayout.FIRST_DATA_ROW;
import static kz.opendata.hub.exchange.InventoryFormLayout.HEADING_ROW;
import static kz.opendata.hub.exchange.InventoryFormLayout.columnLetter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.opendata.hub.exchange.InformationSystem.DataField;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a filled Appendix 1 inventory form back into information systems.
 *
 * <p>The form must keep the sheets and column headings the hub issued. A moved, renamed, deleted
 * or inserted column, or rows inserted above the headings, make the sheet unreadable, and each
 * such change is reported with the sheet, row and column where it was found and how to undo it.
 * Headings are compared ignoring letter case and spacing, in any of kk, ru and en.
 */
final class InventoryFormReader {

    /** Larger files are not forms filled by hand; the limit keeps a bad upload from exhausting memory. */
    static final int MAX_FORM_BYTES = 20 * 1024 * 1024;

    private static final int HEADING_SEARCH_ROWS = 20;

    private final DataFormatter formatter = new DataFormatter();
    private final List<FormProblem> problems = new ArrayList<>();
    private final String fileName;
    /** The form's language: from the marker sheet, else from the first sheet name recognised. */
    private String language;

    private InventoryFormReader(String fileName) {
        this.fileName = fileName;
    }

    /**
     * Reads a form.
     *
     * @throws InvalidInventoryFormException listing every problem found
     */
    static InventoryForm read(String fileName, byte[] content) {
        return new InventoryFormReader(fileName).readWorkbook(content);
    }

    private InventoryForm readWorkbook(byte[] content) {
        if (content.length > MAX_FORM_BYTES) {
            throw invalid(new FormProblem(
                    fileName,
                    0,
                    null,
                    "the file has " + content.length + " bytes, more than the " + MAX_FORM_BYTES
                            + " a filled form can have; send the form itself"));
        }
        Workbook workbook;
        try {
            workbook = WorkbookFactory.create(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            throw invalid(new FormProblem(
                    fileName,
                    0,
                    null,
                    "the file could not be opened as an XLSX workbook (" + e.getMessage()
                            + "); save the form in Excel format (.xlsx) and send it again"));
        }
        try (workbook) {
            return readForm(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InventoryForm readForm(Workbook workbook) {
        Map<String, String> marker = marker(workbook);
        language = InventoryFormLayout.LANGUAGES.contains(marker.get("language")) ? marker.get("language") : null;
        Sheet systemsSheet = sheet(workbook, "form.sheet.systems");
        Sheet fieldsSheet = sheet(workbook, "form.sheet.fields");
        Map<String, InformationSystem> systems = new LinkedHashMap<>();
        boolean systemsRead = systemsSheet != null && headingsMatch(systemsSheet, InventoryFormLayout.SYSTEM_COLUMNS);
        if (systemsRead) {
            readSystems(systemsSheet, systems);
        }
        Map<String, List<DataField>> fields = new HashMap<>();
        if (fieldsSheet != null && headingsMatch(fieldsSheet, InventoryFormLayout.FIELD_COLUMNS)) {
            // Without a readable systems sheet every field would be reported as of an unlisted system.
            readFields(fieldsSheet, systemsRead ? systems : null, fields);
        }
        if (!problems.isEmpty()) {
            throw invalid(problems.toArray(FormProblem[]::new));
        }
        List<InformationSystem> result = systems.values().stream()
                .map(s ->
                        new InformationSystem(s.name(), s.description(), fields.getOrDefault(key(s.name()), List.of())))
                .toList();
        return new InventoryForm(marker.get("agency"), campaignOf(marker), marker.get("letter"), language, result);
    }

    private static Long campaignOf(Map<String, String> marker) {
        String campaign = marker.get("campaign");
        return campaign == null || !campaign.matches("\\d{1,18}") ? null : Long.valueOf(campaign);
    }

    private Map<String, String> marker(Workbook workbook) {
        Sheet sheet = workbook.getSheet(InventoryFormLayout.MARKER_SHEET);
        Map<String, String> entries = new HashMap<>();
        if (sheet == null) {
            return entries;
        }
        for (Row row : sheet) {
            entries.put(text(row, 0), text(row, 1));
        }
        return InventoryFormLayout.FORM_ID.equals(entries.get("form")) ? entries : Map.of();
    }

    /** Finds a data sheet by its name in the form's language, or in any language when unknown. */
    private Sheet sheet(Workbook workbook, String nameKey) {
        List<String> languages = language == null ? InventoryFormLayout.LANGUAGES : List.of(language);
        for (String candidate : languages) {
            Sheet sheet = workbook.getSheet(LetterTexts.of(candidate).text(nameKey));
            if (sheet != null) {
                language = candidate;
                return sheet;
            }
        }
        String expected = texts().text(nameKey);
        List<String> present = new ArrayList<>();
        workbook.sheetIterator().forEachRemaining(s -> present.add("'" + s.getSheetName() + "'"));
        problems.add(new FormProblem(
                expected,
                0,
                null,
                "sheet not found; the workbook has the sheets "
                        + String.join(", ", present) + ". Give the sheet back its name '" + expected
                        + "' or fill in the form attached to the request"));
        return null;
    }

    private boolean headingsMatch(Sheet sheet, List<String> columnKeys) {
        Row row = sheet.getRow(HEADING_ROW);
        int before = problems.size();
        if (!anyHeadingIn(row, columnKeys)) {
            reportMissingHeadingRow(sheet, columnKeys);
            return false;
        }
        for (int c = 0; c < columnKeys.size(); c++) {
            if (!isHeading(text(row, c), columnKeys.get(c))) {
                reportHeading(sheet, row, c, columnKeys);
            }
        }
        return problems.size() == before;
    }

    private void reportMissingHeadingRow(Sheet sheet, List<String> columnKeys) {
        for (int r = 0; r < HEADING_SEARCH_ROWS; r++) {
            if (r != HEADING_ROW && anyHeadingIn(sheet.getRow(r), columnKeys)) {
                problems.add(new FormProblem(
                        sheet.getSheetName(),
                        HEADING_ROW + 1,
                        null,
                        "the column headings are in row "
                                + (r + 1) + " instead of row " + (HEADING_ROW + 1)
                                + "; delete the rows inserted above the headings or fill in a new form"));
                return;
            }
        }
        problems.add(new FormProblem(
                sheet.getSheetName(),
                HEADING_ROW + 1,
                null,
                "the column headings " + headingList(columnKeys)
                        + " are missing; fill in the form attached to the request"));
    }

    private void reportHeading(Sheet sheet, Row row, int column, List<String> columnKeys) {
        String expected = expectedHeading(columnKeys.get(column));
        String found = text(row, column);
        int movedTo = findHeading(row, columnKeys.get(column));
        String message;
        if (movedTo >= 0) {
            message = "heading '" + expected + "' expected, found '" + found + "'; the column '" + expected
                    + "' was moved to column " + columnLetter(movedTo)
                    + ". Put the columns back in the order of the issued form";
        } else if (found.isEmpty()) {
            message = "heading '" + expected + "' is missing; the column was deleted or its heading cleared."
                    + " Restore the column with the heading '" + expected + "'";
        } else {
            message = "heading '" + expected + "' expected, found '" + found + "'; the heading was renamed or a column"
                    + " was inserted. Restore the heading '" + expected + "' and remove any inserted column";
        }
        problems.add(new FormProblem(sheet.getSheetName(), HEADING_ROW + 1, columnLetter(column), message));
    }

    private void readSystems(Sheet sheet, Map<String, InformationSystem> systems) {
        for (int r = FIRST_DATA_ROW; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String name = text(row, InventoryFormLayout.SYSTEM_NAME);
            String description = text(row, InventoryFormLayout.SYSTEM_DESCRIPTION);
            if (name.isEmpty() && description.isEmpty()) {
                continue;
            }
            if (name.isEmpty()) {
                problems.add(dataProblem(
                        sheet,
                        r,
                        InventoryFormLayout.SYSTEM_NAME,
                        "the information system has a" + " description but no name; write its name"));
            } else if (systems.containsKey(key(name))) {
                problems.add(dataProblem(
                        sheet,
                        r,
                        InventoryFormLayout.SYSTEM_NAME,
                        "information system '" + name + "' is listed twice; keep one row per system"));
            } else {
                systems.put(key(name), new InformationSystem(name, emptyToNull(description), List.of()));
            }
        }
    }

    private void readFields(Sheet sheet, Map<String, InformationSystem> systems, Map<String, List<DataField>> fields) {
        for (int r = FIRST_DATA_ROW; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            for (int c = InventoryFormLayout.FIELD_SYSTEM; c <= InventoryFormLayout.FIELD_TYPE; c++) {
                cells.add(text(row, c));
            }
            if (cells.stream().allMatch(String::isEmpty)) {
                continue;
            }
            readField(sheet, r, row, systems)
                    .ifPresent(field -> fields.computeIfAbsent(
                                    key(text(row, InventoryFormLayout.FIELD_SYSTEM)), k -> new ArrayList<>())
                            .add(field));
        }
    }

    private Optional<DataField> readField(Sheet sheet, int r, Row row, Map<String, InformationSystem> systems) {
        String system = text(row, InventoryFormLayout.FIELD_SYSTEM);
        String field = text(row, InventoryFormLayout.FIELD_FIELD);
        String systemsSheet = texts().text("form.sheet.systems");
        if (system.isEmpty()) {
            problems.add(dataProblem(
                    sheet,
                    r,
                    InventoryFormLayout.FIELD_SYSTEM,
                    "the information system is missing;" + " write the name of a system listed on sheet '"
                            + systemsSheet + "'"));
            return Optional.empty();
        }
        if (systems != null && !systems.containsKey(key(system))) {
            problems.add(dataProblem(
                    sheet,
                    r,
                    InventoryFormLayout.FIELD_SYSTEM,
                    "information system '" + system + "' is not listed on sheet '" + systemsSheet
                            + "'; add it there or correct the name"));
            return Optional.empty();
        }
        if (field.isEmpty()) {
            problems.add(dataProblem(
                    sheet,
                    r,
                    InventoryFormLayout.FIELD_FIELD,
                    "the field's technical name is"
                            + " missing; write the name of the column or attribute as the system stores it"));
            return Optional.empty();
        }
        return Optional.of(new DataField(
                emptyToNull(text(row, InventoryFormLayout.FIELD_NAME)),
                field,
                emptyToNull(text(row, InventoryFormLayout.FIELD_DESCRIPTION)),
                emptyToNull(text(row, InventoryFormLayout.FIELD_TYPE))));
    }

    private static FormProblem dataProblem(Sheet sheet, int rowIndex, int column, String message) {
        return new FormProblem(sheet.getSheetName(), rowIndex + 1, columnLetter(column), message);
    }

    private boolean anyHeadingIn(Row row, List<String> columnKeys) {
        return columnKeys.stream().skip(1).anyMatch(key -> findHeading(row, key) >= 0);
    }

    private int findHeading(Row row, String columnKey) {
        if (row == null) {
            return -1;
        }
        for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
            if (isHeading(text(row, c), columnKey)) {
                return c;
            }
        }
        return -1;
    }

    private static boolean isHeading(String text, String columnKey) {
        String wanted = normalise(text);
        return InventoryFormLayout.LANGUAGES.stream()
                .anyMatch(language ->
                        normalise(LetterTexts.of(language).text(columnKey)).equals(wanted));
    }

    private String expectedHeading(String columnKey) {
        return texts().text(columnKey);
    }

    private String headingList(List<String> columnKeys) {
        return String.join(
                ", ", columnKeys.stream().map(k -> "'" + texts().text(k) + "'").toList());
    }

    private LetterTexts texts() {
        return LetterTexts.of(language == null ? "ru" : language);
    }

    private String text(Row row, int column) {
        if (row == null) {
            return "";
        }
        Cell cell = row.getCell(column);
        return cell == null ? "" : formatter.formatCellValue(cell).trim();
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }

    private static String key(String systemName) {
        return normalise(systemName);
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private InvalidInventoryFormException invalid(FormProblem... found) {
        return new InvalidInventoryFormException(fileName, List.of(found));
    }
}
