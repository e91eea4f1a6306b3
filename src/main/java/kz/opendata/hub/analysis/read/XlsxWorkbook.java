package kz.opendata.hub.analysis.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.SAXException;

/**
 * An XLSX workbook opened for streaming: the shared strings and styles are loaded, each sheet is
 * read as a stream of XML rows, so a sheet never sits in memory whole.
 */
final class XlsxWorkbook implements Closeable {

    private final OPCPackage container;
    private final XSSFReader reader;
    private final SharedStrings sharedStrings;
    private final StylesTable styles;
    private final List<SheetEntry> sheets;
    private final boolean date1904;

    private XlsxWorkbook(OPCPackage container)
            throws IOException, OpenXML4JException, SAXException, XMLStreamException {
        this.container = container;
        this.reader = new XSSFReader(container);
        this.sharedStrings = new ReadOnlySharedStringsTable(container, false);
        this.styles = reader.getStylesTable();
        WorkbookEntries entries = readWorkbookEntries(reader);
        this.sheets = entries.sheets;
        this.date1904 = entries.date1904;
    }

    /** Opens the workbook; POI's ZIP checks reject archive bombs while reading its parts. */
    static XlsxWorkbook open(Path file) throws IOException, OpenXML4JException, SAXException, XMLStreamException {
        OPCPackage container = OPCPackage.open(file.toFile(), PackageAccess.READ);
        try {
            return new XlsxWorkbook(container);
        } catch (IOException | OpenXML4JException | SAXException | XMLStreamException | RuntimeException e) {
            container.revert();
            throw e;
        }
    }

    List<SheetEntry> sheets() {
        return sheets;
    }

    /** Opens a sheet's rows; progress goes by the share of the sheet's XML read so far. */
    RowSource openSheet(SheetEntry sheet, ProgressReporter progress) throws IOException {
        try {
            PackagePart workbookPart = container
                    .getPartsByRelationshipType(PackageRelationshipTypes.CORE_DOCUMENT)
                    .get(0);
            PackagePart sheetPart = workbookPart.getRelatedPart(workbookPart.getRelationship(sheet.relationId()));
            InputStream xml = new ProgressInputStream(sheetPart.getInputStream(), progress, sheetPart.getSize());
            return new XlsxRowSource(xml, sheet.name(), sharedStrings, styles, date1904);
        } catch (InvalidFormatException | XMLStreamException e) {
            throw new IOException("sheet '" + sheet.name() + "' cannot be read", e);
        }
    }

    @Override
    public void close() {
        container.revert();
    }

    private static WorkbookEntries readWorkbookEntries(XSSFReader reader)
            throws IOException, OpenXML4JException, XMLStreamException {
        List<SheetEntry> sheets = new ArrayList<>();
        boolean date1904 = false;
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader xml = SafeXml.reader(in);
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (xml.getLocalName().equals("workbookPr")) {
                    String value = xml.getAttributeValue(null, "date1904");
                    date1904 = "1".equals(value) || "true".equals(value);
                } else if (xml.getLocalName().equals("sheet")) {
                    sheets.add(new SheetEntry(attribute(xml, "name"), attribute(xml, "state"), attribute(xml, "id")));
                }
            }
            xml.close();
        }
        return new WorkbookEntries(sheets, date1904);
    }

    /** Reads an attribute by local name, whatever its namespace. */
    private static String attribute(XMLStreamReader xml, String localName) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equals(localName)) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    /**
     * A sheet listed in the workbook.
     *
     * @param state null or "visible" for a visible sheet, "hidden" or "veryHidden" otherwise
     */
    record SheetEntry(String name, String state, String relationId) {

        boolean visible() {
            return state == null || state.equals("visible");
        }
    }

    private record WorkbookEntries(List<SheetEntry> sheets, boolean date1904) {}
}
