package kz.opendata.hub.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.opendata.hub.passport.Language;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Reads a passport that an agency edited as a Word document, for example after converting the PDF
 * it received, back into a passport document: the sent version with the edits put in.
 *
 * <p>Only what can be found reliably is read: the attribute table of section 2.1, recognised by
 * its column headings in Kazakh, Russian or English, and the full name, short name, description
 * and update frequency, recognised by their item labels (1.1.1, 1.1.2, 1.1.5, 1.2.1) with the
 * value after the label or in the next paragraph. Everything else in the document is ignored.
 */
final class PassportDocxReader {

    private static final List<String> COLUMN_KEYS =
            List.of("column.technicalName", "column.name", "column.group", "column.type", "column.required");
    private static final Map<String, String> TEXT_ITEMS = Map.of(
            "item.1.1.1", "fullName",
            "item.1.1.2", "shortName",
            "item.1.1.5", "description");
    private static final List<String> DASHES = List.of("—", "-", "–");

    private final FormVocabulary vocabulary;

    PassportDocxReader(FormVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * Returns the edited document.
     *
     * @throws UnusableEditException when the document holds no passport part the hub recognises,
     *     or a recognised part holds a value the passport form does not allow
     */
    ObjectNode read(byte[] docx, JsonNode sent, String fileName) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            ObjectNode edited = sent.deepCopy();
            Language language = null;
            for (XWPFTable table : document.getTables()) {
                Optional<Language> found = readAttributeTable(table, edited, fileName);
                if (found.isPresent()) {
                    language = found.get();
                }
            }
            boolean fields = readFields(document.getParagraphs(), edited, language, fileName);
            if (language == null && !fields) {
                throw new UnusableEditException(fileName + " holds neither the attribute table (2.1) nor the"
                        + " labelled fields of a passport; the agency should edit the XLSX or JSON file attached to"
                        + " the request instead");
            }
            return edited;
        } catch (IOException | org.apache.poi.ooxml.POIXMLException e) {
            throw new UnusableEditException(
                    fileName + " cannot be read as a Word document (" + e.getMessage()
                            + "); the agency should save it as .docx and send it again",
                    e);
        }
    }

    private Optional<Language> readAttributeTable(XWPFTable table, ObjectNode edited, String fileName) {
        if (table.getRows().isEmpty()) {
            return Optional.empty();
        }
        for (Language language : Language.values()) {
            Map<String, Integer> columns = headerColumns(table.getRow(0), language);
            if (columns.containsKey("column.technicalName") && columns.containsKey("column.name")) {
                for (int r = 1; r < table.getRows().size(); r++) {
                    String place = fileName + ", attribute table, row " + (r + 1);
                    readRow(table.getRow(r), columns, edited, language, place);
                }
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    private Map<String, Integer> headerColumns(XWPFTableRow header, Language language) {
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < header.getTableCells().size(); c++) {
            String text = FormVocabulary.key(header.getCell(c).getText());
            for (String key : COLUMN_KEYS) {
                if (text.equals(FormVocabulary.key(vocabulary.label(language, key)))) {
                    columns.put(key, c);
                }
            }
        }
        return columns;
    }

    private void readRow(
            XWPFTableRow row, Map<String, Integer> columns, ObjectNode edited, Language language, String place) {
        String technicalName = cell(row, columns.get("column.technicalName"));
        if (technicalName.isBlank()) {
            return;
        }
        ObjectNode attribute = attribute(edited, technicalName, place);
        String name = cell(row, columns.get("column.name"));
        ObjectNode names = (ObjectNode) attribute.path("name");
        if (name.isBlank() || DASHES.contains(name)) {
            names.remove(language.code());
        } else {
            names.put(language.code(), name);
        }
        flag(row, columns.get("column.group"), place, vocabulary::flag)
                .ifPresent(group -> attribute.set("group", BooleanNode.valueOf(group)));
        flag(row, columns.get("column.required"), place, vocabulary::obligation)
                .ifPresent(required -> attribute.set("required", BooleanNode.valueOf(required)));
        String type = cell(row, columns.get("column.type"));
        if (!type.isBlank()) {
            // The document writes a date's format after a comma: "Дата, формат %d.%m.%Y".
            String word = type.split(",")[0];
            attribute.set("type", TextNode.valueOf(vocabulary.type(word).orElseThrow(() -> unknown(place, "type"))));
        }
    }

    private static ObjectNode attribute(ObjectNode edited, String technicalName, String place) {
        for (JsonNode attribute : edited.path("attributes")) {
            if (attribute.path("technicalName").asText().equals(technicalName)) {
                return (ObjectNode) attribute;
            }
        }
        throw new UnusableEditException(place + " names the attribute '" + technicalName + "', which the passport"
                + " does not have; attributes come from the unload's columns, so technical names cannot change");
    }

    private boolean readFields(List<XWPFParagraph> paragraphs, ObjectNode edited, Language known, String fileName) {
        boolean found = false;
        for (int i = 0; i < paragraphs.size(); i++) {
            String text = paragraphs.get(i).getText().strip();
            for (Language language : known == null ? List.of(Language.values()) : List.of(known)) {
                Optional<String> key = itemKey(text, language);
                if (key.isPresent()) {
                    String value = valueAfter(text, paragraphs, i, language, key.get());
                    found |= applyField(edited, key.get(), language, value, fileName);
                }
            }
        }
        return found;
    }

    private Optional<String> itemKey(String text, Language language) {
        for (String key : List.of("item.1.1.1", "item.1.1.2", "item.1.1.5", "item.1.2.1")) {
            if (text.startsWith(vocabulary.label(language, key))) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private String valueAfter(String text, List<XWPFParagraph> paragraphs, int index, Language language, String key) {
        String rest =
                withoutReviewMark(text.substring(vocabulary.label(language, key).length()), language);
        if (!rest.isBlank()) {
            return rest;
        }
        for (int j = index + 1; j < paragraphs.size(); j++) {
            String next = paragraphs.get(j).getText().strip();
            if (!next.isBlank()) {
                return itemKey(next, language).isPresent() ? "" : next;
            }
        }
        return "";
    }

    private boolean applyField(ObjectNode edited, String key, Language language, String value, String fileName) {
        if (value.isBlank()
                || FormVocabulary.key(value).equals(FormVocabulary.key(vocabulary.label(language, "notSpecified")))) {
            return false;
        }
        if (key.equals("item.1.2.1")) {
            String code =
                    vocabulary.frequency(value).orElseThrow(() -> unknown(fileName + ", item 1.2.1", "frequency"));
            ((ObjectNode) edited.path("updating")).put("frequency", code);
            return true;
        }
        ObjectNode general = (ObjectNode) edited.path("general");
        JsonNode texts = general.path(TEXT_ITEMS.get(key));
        ObjectNode map = texts.isObject() ? (ObjectNode) texts : general.putObject(TEXT_ITEMS.get(key));
        map.put(language.code(), value);
        return true;
    }

    private String withoutReviewMark(String text, Language language) {
        String mark = "(" + vocabulary.label(language, "toConfirm") + ")";
        String rest = text.strip();
        return rest.startsWith(mark) ? rest.substring(mark.length()).strip() : rest;
    }

    private static Optional<Boolean> flag(
            XWPFTableRow row,
            Integer column,
            String place,
            java.util.function.Function<String, Optional<Boolean>> parse) {
        String text = cell(row, column);
        if (text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parse.apply(text).orElseThrow(() -> unknown(place, "yes, no or obligation")));
    }

    private static UnusableEditException unknown(String place, String what) {
        return new UnusableEditException(place + ": the " + what + " holds a word the passport form does not know;"
                + " the agency should write one of the words the passport document uses");
    }

    private static String cell(XWPFTableRow row, Integer column) {
        if (column == null || column >= row.getTableCells().size()) {
            return "";
        }
        return row.getCell(column).getText().strip();
    }
}
