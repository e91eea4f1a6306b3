package kz.opendata.hub.analysis.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * Rows of one XLSX sheet, pulled one at a time from the sheet's XML with StAX.
 *
 * <p>Cell types follow the {@code t} attribute of SpreadsheetML: {@code s} shared string,
 * {@code inlineStr}, {@code str} formula text, {@code b} boolean, {@code e} error (read as empty),
 * and numbers otherwise, which the cell's style may format as a date.
 */
final class XlsxRowSource implements RowSource {

    /** Columns in an Excel 2007+ sheet, A to XFD. */
    private static final int MAX_COLUMNS = 16_384;

    private final InputStream in;
    private final XMLStreamReader xml;
    private final String sheetName;
    private final SharedStrings sharedStrings;
    private final StylesTable styles;
    private final boolean date1904;
    private long lastRowNumber;

    XlsxRowSource(InputStream in, String sheetName, SharedStrings sharedStrings, StylesTable styles, boolean date1904)
            throws XMLStreamException {
        this.in = in;
        this.xml = SafeXml.reader(in);
        this.sheetName = sheetName;
        this.sharedStrings = sharedStrings;
        this.styles = styles;
        this.date1904 = date1904;
    }

    @Override
    public RawRow next() throws IOException {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT
                        && xml.getLocalName().equals("row")) {
                    return readRow();
                }
                if (event == XMLStreamConstants.END_ELEMENT
                        && xml.getLocalName().equals("sheetData")) {
                    return null;
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw new IOException("invalid XML in sheet '" + sheetName + "' after row " + lastRowNumber, e);
        }
    }

    private RawRow readRow() throws XMLStreamException {
        String number = xml.getAttributeValue(null, "r");
        long rowNumber = number != null ? Long.parseLong(number) : lastRowNumber + 1;
        lastRowNumber = rowNumber;
        List<String> cells = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                int column = columnOf(xml.getAttributeValue(null, "r"), cells.size());
                String text = readCell();
                if (column < MAX_COLUMNS) {
                    while (cells.size() < column) {
                        cells.add("");
                    }
                    cells.add(text);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT
                    && xml.getLocalName().equals("row")) {
                break;
            }
        }
        return new RawRow(rowNumber, cells);
    }

    private static int columnOf(String reference, int next) {
        if (reference == null) {
            return next;
        }
        return new CellReference(reference).getCol();
    }

    /** Reads a {@code <c>} element up to its end and returns its text. */
    private String readCell() throws XMLStreamException {
        String type = xml.getAttributeValue(null, "t");
        String style = xml.getAttributeValue(null, "s");
        String value = null;
        StringBuilder inline = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("v")) {
                    value = xml.getElementText();
                } else if (name.equals("t")) {
                    inline = inline == null ? new StringBuilder() : inline;
                    inline.append(xml.getElementText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT
                    && xml.getLocalName().equals("c")) {
                break;
            }
        }
        return cellText(type, style, value, inline);
    }

    private String cellText(String type, String style, String value, StringBuilder inline) {
        if ("inlineStr".equals(type)) {
            return inline == null ? "" : inline.toString();
        }
        if (value == null || value.isEmpty()) {
            return "";
        }
        return switch (type == null ? "n" : type) {
            case "s" -> sharedStrings.getItemAt(Integer.parseInt(value.strip())).getString();
            case "str" -> value;
            case "b" -> "1".equals(value) ? "true" : "false";
            case "e" -> "";
            default -> number(value, style);
        };
    }

    private String number(String value, String style) {
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return value;
        }
        if (style == null || styles == null) {
            return ExcelNumbers.text(number, 0, "General", date1904);
        }
        XSSFCellStyle cellStyle = styles.getStyleAt(Integer.parseInt(style));
        if (cellStyle == null) {
            return ExcelNumbers.text(number, 0, "General", date1904);
        }
        return ExcelNumbers.text(number, cellStyle.getDataFormat(), cellStyle.getDataFormatString(), date1904);
    }

    @Override
    public String describe(long rowNumber) {
        return "row %d of sheet '%s'".formatted(rowNumber, sheetName);
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("closing sheet '" + sheetName + "' failed", e);
        } finally {
            in.close();
        }
    }
}
