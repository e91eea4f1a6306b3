package kz.opendata.hub.analysis.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import kz.opendata.hub.analysis.UnreadableUnloadException;

/**
 * Records of an XML unload, pulled with StAX. The records are the elements on the shallowest path
 * that repeats among the first {@value #SNIFF_ELEMENTS} elements, such as {@code /rows/row} or
 * {@code /export/data/item}. A record's fields are its attributes ({@code @id}) and the text of its
 * descendant elements, nested ones with dotted names ({@code address.city}).
 *
 * <p>A document type declaration rejects the file, because its entities could expand without
 * bound or read files outside the unload.
 */
final class XmlRowSource extends RecordRows {

    static final int SNIFF_ELEMENTS = 2000;

    private final String fileName;
    private final int maxCellLength;
    private final InputStream in;
    private final XMLStreamReader xml;
    private final List<String> recordPath;
    private final List<String> path = new ArrayList<>();

    /**
     * @param sniff a second stream of the same file, read only for its first elements
     */
    XmlRowSource(InputStream in, InputStream sniff, String fileName, ReadLimits limits) throws IOException {
        this.fileName = fileName;
        this.maxCellLength = limits.maxCellLength();
        this.in = in;
        try (sniff) {
            this.recordPath = findRecordPath(SafeXml.reader(sniff));
            this.xml = SafeXml.reader(in);
        } catch (XMLStreamException e) {
            throw invalid(e);
        }
    }

    private List<String> findRecordPath(XMLStreamReader reader) throws XMLStreamException {
        Map<List<String>, Integer> counts = new HashMap<>();
        List<String> current = new ArrayList<>();
        int elements = 0;
        while (reader.hasNext() && elements < SNIFF_ELEMENTS) {
            int event = reader.next();
            rejectDoctype(event, reader);
            if (event == XMLStreamConstants.START_ELEMENT) {
                current.add(reader.getLocalName());
                counts.merge(List.copyOf(current), 1, Integer::sum);
                elements++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                current.remove(current.size() - 1);
            }
        }
        return counts.entrySet().stream()
                .filter(entry -> entry.getValue() >= 2 && entry.getKey().size() >= 2)
                .map(Map.Entry::getKey)
                .min((a, b) -> Integer.compare(a.size(), b.size()))
                .or(() -> counts.keySet().stream().filter(p -> p.size() == 2).findFirst())
                .orElseThrow(() -> new UnreadableUnloadException(fileName
                        + ": the XML has no repeated record elements under its root; send one element per record"));
    }

    private void rejectDoctype(int event, XMLStreamReader reader) {
        if (event == XMLStreamConstants.DTD) {
            throw new UnreadableUnloadException(fileName + ": the XML declares a document type (<!DOCTYPE>) on line "
                    + reader.getLocation().getLineNumber() + ", whose entities could expand without bound or read"
                    + " other files; remove the declaration and resend it");
        }
    }

    @Override
    protected Map<String, String> nextRecord() throws IOException {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                rejectDoctype(event, xml);
                if (event == XMLStreamConstants.START_ELEMENT) {
                    path.add(xml.getLocalName());
                    if (path.equals(recordPath)) {
                        return readRecord();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    path.remove(path.size() - 1);
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw invalid(e);
        }
    }

    /** Reads the record element at the reader's position, up to its end tag. */
    private Map<String, String> readRecord() throws XMLStreamException {
        Map<String, String> record = new LinkedHashMap<>();
        addAttributes(record, "");
        List<String> inner = new ArrayList<>();
        List<Boolean> hasChildren = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!hasChildren.isEmpty()) {
                    hasChildren.set(hasChildren.size() - 1, true);
                }
                inner.add(xml.getLocalName());
                hasChildren.add(false);
                text.setLength(0);
                addAttributes(record, String.join(".", inner) + ".");
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(xml.getText());
                checkLength(text);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (inner.isEmpty()) {
                    path.remove(path.size() - 1);
                    return record;
                }
                // Only leaf elements hold values; a parent's text is the white space around its children.
                if (!hasChildren.remove(hasChildren.size() - 1)) {
                    record.put(String.join(".", inner), text.toString().strip());
                }
                text.setLength(0);
                inner.remove(inner.size() - 1);
            }
        }
        return record;
    }

    /** Stops at a value longer than a cell may be, before the text of one element exhausts memory. */
    private void checkLength(StringBuilder text) {
        if (text.length() > maxCellLength) {
            throw new UnreadableUnloadException(
                    "%s: the text of an element ending near line %d is longer than the limit of %d characters; a value"
                                    .formatted(fileName, xml.getLocation().getLineNumber(), maxCellLength)
                            + " that long is usually a whole document in the record, so leave it out and send the"
                            + " records again");
        }
    }

    private void addAttributes(Map<String, String> record, String prefix) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            record.put(prefix + "@" + xml.getAttributeLocalName(i), xml.getAttributeValue(i));
        }
    }

    private UnreadableUnloadException invalid(XMLStreamException e) {
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
        return new UnreadableUnloadException(
                "%s: invalid XML at line %d (%s); check the file and send it again"
                        .formatted(fileName, line, e.getMessage()),
                e);
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(fileName + ": closing the XML reader failed", e);
        } finally {
            in.close();
        }
    }
}
