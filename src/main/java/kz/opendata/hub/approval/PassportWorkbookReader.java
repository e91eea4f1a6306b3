package kz.opendata.hub.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads an XLSX passport form that {@link PassportWorkbook} wrote and an agency edited back into
 * a passport document: the sent version with the form's values put in. Rows are found by the
 * field paths and technical names the form carries, not by their position, so an agency that
 * sorts the attribute rows changes nothing by it.
 */
final class PassportWorkbookReader {

    private static final int KEY_ROW_SEARCH = 10;

    private final FormVocabulary vocabulary;
    private final DataFormatter formatter = new DataFormatter();

    PassportWorkbookReader(FormVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * Returns the edited document.
     *
     * @throws UnusableEditException when the file is no passport form of this data set, or a cell
     *     holds a value the form does not allow
     */
    ObjectNode read(byte[] xlsx, JsonNode sent, String fileName) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            checkIdentity(workbook, sent, fileName);
            ObjectNode edited = sent.deepCopy();
            boolean found = false;
            for (Sheet sheet : workbook) {
                if (workbook.isSheetVeryHidden(workbook.getSheetIndex(sheet))) {
                    continue;
                }
                found |= readGeneral(sheet, edited, fileName);
                found |= readAttributes(sheet, edited, fileName);
            }
            if (!found) {
                throw new UnusableEditException(fileName + " is no passport form of the hub: none of its sheets has"
                        + " the field paths of the form; the agency should edit the XLSX file attached to the"
                        + " request");
            }
            return edited;
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnusableEditException unusable) {
                throw unusable;
            }
            throw new UnusableEditException(
                    fileName + " cannot be read as an XLSX workbook (" + e.getMessage()
                            + "); the agency should save it in Excel as .xlsx and send it again",
                    e);
        }
    }

    private void checkIdentity(Workbook workbook, JsonNode sent, String fileName) {
        Sheet identity = workbook.getSheet(PassportWorkbook.ID_SHEET);
        if (identity == null) {
            return;
        }
        String dataset = text(identity.getRow(0), 1);
        String version = text(identity.getRow(1), 1);
        if (!dataset.equals(sent.path("id").asText())) {
            throw new UnusableEditException(fileName + " is the form of another data set than the passport the"
                    + " reply answers; the agency should edit the form attached to that request");
        }
        if (!version.equals(sent.path("version").asText())) {
            throw new UnusableEditException(fileName + " is the form of version " + version + ", but the reply"
                    + " answers version " + sent.path("version").asText() + "; the agency should edit the form"
                    + " attached to the request it answers");
        }
    }

    private boolean readGeneral(Sheet sheet, ObjectNode edited, String fileName) {
        boolean found = false;
        for (Row row : sheet) {
            String path = text(row, 0);
            String value = text(row, 2);
            String place = "sheet '" + sheet.getSheetName() + "', row " + (row.getRowNum() + 1);
            found |= applyGeneral(edited, path, value, fileName + ", " + place);
        }
        return found;
    }

    private boolean applyGeneral(ObjectNode edited, String path, String value, String place) {
        for (List<String> field : PassportWorkbook.GENERAL_FIELDS) {
            for (String language : PassportWorkbook.LANGUAGES) {
                if (path.equals(field.get(0) + "." + language)) {
                    setTextAt(edited, field.get(0), language, value);
                    return true;
                }
            }
        }
        ObjectNode geobinding = (ObjectNode) edited.path("geobinding");
        switch (path) {
            case "updating.frequency" ->
                ((ObjectNode) edited.path("updating"))
                        .set("frequency", TextNode.valueOf(required(vocabulary::frequency, value, place, "frequency")));
            case "geobinding.available" ->
                geobinding.set("available", BooleanNode.valueOf(required(vocabulary::flag, value, place, "yes or no")));
            case "geobinding.geometryType" ->
                geobinding.set("geometryType", optional(vocabulary::geometry, value, place));
            case "geobinding.bindingType" -> geobinding.set("bindingType", optional(vocabulary::binding, value, place));
            case "geobinding.addressAttribute" ->
                geobinding.set("addressAttribute", value.isBlank() ? NullNode.getInstance() : TextNode.valueOf(value));
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean readAttributes(Sheet sheet, ObjectNode edited, String fileName) {
        Map<String, Integer> columns = keyColumns(sheet);
        if (!columns.containsKey(PassportWorkbook.KEY_TECHNICAL_NAME)) {
            return false;
        }
        Map<String, ObjectNode> byName = new HashMap<>();
        for (JsonNode attribute : edited.path("attributes")) {
            byName.put(attribute.path("technicalName").asText(), (ObjectNode) attribute);
        }
        int keyRow = columns.get("");
        for (Row row : sheet) {
            String technicalName = text(row, columns.get(PassportWorkbook.KEY_TECHNICAL_NAME));
            if (row.getRowNum() <= keyRow || technicalName.isBlank()) {
                continue;
            }
            String place = fileName + ", sheet '" + sheet.getSheetName() + "', row " + (row.getRowNum() + 1);
            ObjectNode attribute = byName.get(technicalName);
            if (attribute == null) {
                throw new UnusableEditException(place + " names the attribute '" + technicalName + "', which the"
                        + " passport does not have; attributes come from the unload's columns, so rows cannot be"
                        + " added or renamed in the technical name column");
            }
            readAttribute(row, columns, attribute, place);
        }
        return true;
    }

    private void readAttribute(Row row, Map<String, Integer> columns, ObjectNode attribute, String place) {
        for (String language : PassportWorkbook.LANGUAGES) {
            Integer column = columns.get("name." + language);
            if (column != null) {
                setText(attribute, "name", language, text(row, column));
            }
        }
        cell(row, columns, "group")
                .ifPresent(value -> attribute.set(
                        "group", BooleanNode.valueOf(required(vocabulary::flag, value, place, "yes or no"))));
        cell(row, columns, "required")
                .ifPresent(value -> attribute.set(
                        "required", BooleanNode.valueOf(required(vocabulary::obligation, value, place, "obligation"))));
        cell(row, columns, "type")
                .ifPresent(value ->
                        attribute.set("type", TextNode.valueOf(required(vocabulary::type, value, place, "type"))));
    }

    /** Maps each key of the hidden key row to its column; key "" gives the row's own number. */
    private Map<String, Integer> keyColumns(Sheet sheet) {
        Map<String, Integer> columns = new HashMap<>();
        for (int r = 0; r <= KEY_ROW_SEARCH; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            for (Cell cell : row) {
                String key = formatter.formatCellValue(cell).strip();
                if (PassportWorkbook.ATTRIBUTE_KEYS.contains(key)) {
                    columns.put(key, cell.getColumnIndex());
                }
            }
            if (columns.containsKey(PassportWorkbook.KEY_TECHNICAL_NAME)) {
                columns.put("", r);
                return columns;
            }
            columns.clear();
        }
        return columns;
    }

    private Optional<String> cell(Row row, Map<String, Integer> columns, String key) {
        Integer column = columns.get(key);
        if (column == null) {
            return Optional.empty();
        }
        String value = text(row, column);
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static void setText(ObjectNode parent, String field, String language, String value) {
        JsonNode texts = parent.path(field);
        ObjectNode map = texts.isObject() ? (ObjectNode) texts : parent.putObject(field);
        if (field.equals("keywords")) {
            ArrayNode words = JsonNodeFactory.instance.arrayNode();
            for (String word : value.split("[,;]")) {
                if (!word.isBlank()) {
                    words.add(word.strip());
                }
            }
            setOrRemove(map, language, words.isEmpty() ? null : words);
        } else {
            setOrRemove(map, language, value.isBlank() ? null : TextNode.valueOf(value.strip()));
        }
    }

    private static void setTextAt(ObjectNode root, String path, String language, String value) {
        String[] parts = path.split("\\.");
        ObjectNode parent = (ObjectNode) root.path(parts[0]);
        setText(parent, parts[1], language, value);
    }

    private static void setOrRemove(ObjectNode map, String key, JsonNode value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.set(key, value);
        }
    }

    private static <T> T required(Function<String, Optional<T>> parse, String value, String place, String what) {
        return parse.apply(value)
                .orElseThrow(() -> new UnusableEditException(place + ": the " + what + " cell holds a word the"
                        + " form does not know; the agency should pick a value from the cell's list"));
    }

    private static JsonNode optional(Function<String, Optional<String>> parse, String value, String place) {
        if (value.isBlank()) {
            return NullNode.getInstance();
        }
        return TextNode.valueOf(parse.apply(value)
                .orElseThrow(() -> new UnusableEditException(place + ": the geobinding cell holds a word the form"
                        + " does not know; the agency should write one of the values the passport form lists")));
    }

    private String text(Row row, int column) {
        if (row == null) {
            return "";
        }
        Cell cell = row.getCell(column);
        return cell == null ? "" : formatter.formatCellValue(cell).strip();
    }
}
