package kz.opendata.hub.analysis.read;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.opendata.hub.analysis.AnalysisProgress;
import kz.opendata.hub.analysis.UnreadableUnloadException;
import kz.opendata.hub.analysis.read.LayoutDetector.HeaderChoice;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Opens an unload as a table: recognises the format from the file's content (not its name), the
 * encoding and delimiter of text, the sheet and the header row.
 */
public final class UnloadOpener {

    private static final int SAMPLE_BYTES = 1 << 20;
    private static final String SEND_INSTEAD = "send the table as CSV in UTF-8 or as XLSX";

    private final int headerScanRows;
    private final ReadLimits limits;
    private final EncodingDetector encodings = new EncodingDetector();
    private final DelimiterDetector delimiters = new DelimiterDetector();
    private final LayoutDetector layouts = new LayoutDetector();

    /**
     * @param headerScanRows how many rows from the top of a file or sheet may hold the header
     * @param limits sizes past which a file is rejected
     */
    public UnloadOpener(int headerScanRows, ReadLimits limits) {
        this.headerScanRows = headerScanRows;
        this.limits = limits;
    }

    /**
     * Opens the table.
     *
     * @param fileName the name the agency gave the file, used in messages
     * @param origin how an earlier analysis read the file, or null to detect everything
     * @throws UnreadableUnloadException when the file contains no readable table
     */
    public UnloadTable open(Path file, String fileName, TableOrigin origin, AnalysisProgress progress)
            throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new UnreadableUnloadException(
                    fileName + ": the file is empty (0 bytes); send the unload again with its header and data rows");
        }
        byte[] sample = readSample(file);
        return switch (FileSignature.of(file, sample)) {
            case OLE2 -> openXls(file, fileName, origin, progress, size);
            case OOXML -> openXlsx(file, fileName, origin, progress, size);
            case ZIP ->
                throw new UnreadableUnloadException(fileName + ": the file is a ZIP archive without a workbook inside; "
                        + SEND_INSTEAD + ", one table per file");
            case DBF -> openDbf(file, fileName, sample, size, progress);
            case PDF -> throw notATable(fileName, "a PDF document (it starts with %PDF)");
            case HTML -> throw notATable(fileName, "an HTML web page (it starts with an HTML tag)");
            case RTF -> throw notATable(fileName, "an RTF text document (it starts with {\\rtf)");
            case TEXT -> openTextFormat(file, fileName, sample, size, origin, progress);
        };
    }

    /** Rejects a document that has the name of a table file but holds pages or a web page. */
    private static UnreadableUnloadException notATable(String fileName, String kind) {
        return new UnreadableUnloadException(fileName + ": this is " + kind
                + ", not a table, whatever its name says; send the table as CSV or XLSX");
    }

    /**
     * Finds every table in the file: one for a text file, one per visible sheet that has a
     * header for a workbook. Reads only the first rows of each sheet.
     *
     * @throws UnreadableUnloadException when the file contains no readable table
     */
    public List<TableOrigin> findTables(Path file, String fileName) throws IOException {
        byte[] sample = readSample(file);
        FileSignature signature = Files.size(file) == 0 ? FileSignature.TEXT : FileSignature.of(file, sample);
        List<TableOrigin> found = switch (signature) {
            case OLE2 -> findXlsTables(file, fileName);
            case OOXML -> findXlsxTables(file, fileName);
            default -> {
                try (UnloadTable table = open(file, fileName, null, AnalysisProgress.NONE)) {
                    yield List.of(table.origin());
                }
            }
        };
        if (found.isEmpty()) {
            throw noTableInWorkbook(fileName, null);
        }
        return found;
    }

    private List<TableOrigin> findXlsTables(Path file, String fileName) throws IOException {
        List<TableOrigin> found = new ArrayList<>();
        try (Workbook workbook = loadXls(file, fileName)) {
            for (int index = 0; index < workbook.getNumberOfSheets(); index++) {
                if (!workbook.isSheetHidden(index) && !workbook.isSheetVeryHidden(index)) {
                    ProgressReporter silent = new ProgressReporter(AnalysisProgress.NONE, 1);
                    RowSource rows = new WorkbookRowSource(workbook.getSheetAt(index), silent);
                    addOrigin(found, rows, "xls", workbook.getSheetName(index));
                }
            }
        }
        return found;
    }

    private List<TableOrigin> findXlsxTables(Path file, String fileName) throws IOException {
        List<TableOrigin> found = new ArrayList<>();
        try (XlsxWorkbook workbook = loadXlsx(file, fileName)) {
            for (XlsxWorkbook.SheetEntry sheet : workbook.sheets()) {
                if (sheet.visible()) {
                    RowSource rows = workbook.openSheet(sheet, new ProgressReporter(AnalysisProgress.NONE, 1));
                    addOrigin(found, rows, "xlsx", sheet.name());
                }
            }
        }
        return found;
    }

    private void addOrigin(List<TableOrigin> found, RowSource rows, String format, String sheet) throws IOException {
        try (rows) {
            TablePlacement placement = locate(rows, null);
            if (placement != null) {
                found.add(new TableOrigin(
                        format,
                        null,
                        null,
                        null,
                        sheet,
                        placement.choice.layout().headerRow()));
            }
        }
    }

    private static byte[] readSample(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SAMPLE_BYTES);
        }
    }

    /** Opens JSON or XML by the first character of the text, and anything else as delimited text. */
    private UnloadTable openTextFormat(
            Path file, String fileName, byte[] sample, long size, TableOrigin origin, AnalysisProgress progress)
            throws IOException {
        DetectedEncoding encoding = EncodingDetector.detectByteOrderMark(sample);
        int offset = encoding == null ? 0 : encoding.bomLength();
        while (offset < sample.length && Character.isWhitespace(sample[offset])) {
            offset++;
        }
        char first = offset < sample.length ? (char) sample[offset] : ' ';
        if (first == '[' || first == '{') {
            StreamDigest digest = new StreamDigest(Files.newInputStream(file));
            RowSource rows = new JsonRowSource(stream(digest, progress, size), fileName, limits);
            return openRecords(rows, digest, "json", "UTF-8", fileName);
        }
        if (first == '<') {
            StreamDigest digest = new StreamDigest(Files.newInputStream(file));
            RowSource rows =
                    new XmlRowSource(stream(digest, progress, size), Files.newInputStream(file), fileName, limits);
            return openRecords(rows, digest, "xml", null, fileName);
        }
        return openText(file, fileName, sample, size, origin, progress);
    }

    private UnloadTable openDbf(Path file, String fileName, byte[] sample, long size, AnalysisProgress progress)
            throws IOException {
        StreamDigest digest = new StreamDigest(Files.newInputStream(file));
        DbfRowSource rows = DbfRowSource.open(stream(digest, progress, size), fileName, sample);
        return openRecords(rows, digest, "dbf", rows.charset().name(), fileName);
    }

    private UnloadTable openRecords(
            RowSource rows, StreamDigest digest, String format, String encoding, String fileName) throws IOException {
        TablePlacement placement = locate(rows, null);
        if (placement == null) {
            rows.close();
            throw new UnreadableUnloadException(
                    fileName + ": the " + format.toUpperCase() + " file holds no records; " + SEND_INSTEAD);
        }
        TableOrigin read = new TableOrigin(
                format, encoding, null, null, null, placement.choice.layout().headerRow());
        return new UnloadTable(
                rows, null, placement.choice.layout(), read, placement.following, digest, fileName, limits);
    }

    private static InputStream stream(StreamDigest digest, AnalysisProgress progress, long size) {
        return new ProgressInputStream(
                new BufferedInputStream(digest.stream(), 1 << 16), new ProgressReporter(progress, size), size);
    }

    private UnloadTable openText(
            Path file, String fileName, byte[] sample, long size, TableOrigin origin, AnalysisProgress progress)
            throws IOException {
        DetectedEncoding encoding =
                origin != null ? knownEncoding(origin, sample) : encodings.detect(sample, sample.length == size);
        if (encoding == null) {
            throw new UnreadableUnloadException(
                    fileName + ": the file contains binary data (control bytes in its first " + sample.length
                            + " bytes), not a text table; " + SEND_INSTEAD);
        }
        if (origin == null) {
            MixedEncoding.reject(fileName, sample, sample.length == size, encoding);
        }
        String sampleText = decodeSample(sample, encoding);
        char delimiter = origin != null ? origin.delimiter().charAt(0) : delimiters.detect(sampleText);
        StreamDigest digest = new StreamDigest(Files.newInputStream(file));
        TextDialect dialect = TextDialect.detect(sampleText, delimiter);
        RowSource rows;
        if (ByteDelimitedRowSource.supports(encoding.charset(), dialect)) {
            rows = new ByteDelimitedRowSource(
                    stream(digest, progress, size), fileName, encoding, dialect, file, limits.maxLineBytes());
        } else {
            InputStream in = new LineLengthLimit(stream(digest, progress, size), fileName, limits.maxLineBytes());
            rows = new DelimitedRowSource(in, fileName, encoding, dialect, file);
        }
        String format = delimiter == '\t' ? "tsv" : "csv";
        TablePlacement placement = locate(rows, origin);
        if (placement == null) {
            rows.close();
            throw new UnreadableUnloadException(fileName + ": every line of the file is blank; " + SEND_INSTEAD);
        }
        TableOrigin read = new TableOrigin(
                format,
                encoding.charset().name(),
                encoding.confidence(),
                String.valueOf(delimiter),
                null,
                placement.choice.layout().headerRow());
        return new UnloadTable(
                rows, null, placement.choice.layout(), read, placement.following, digest, fileName, limits);
    }

    private static DetectedEncoding knownEncoding(TableOrigin origin, byte[] sample) {
        DetectedEncoding bom = EncodingDetector.detectByteOrderMark(sample);
        int bomLength = bom != null && bom.charset().name().equals(origin.encoding()) ? bom.bomLength() : 0;
        return new DetectedEncoding(Charset.forName(origin.encoding()), origin.encodingConfidence(), bomLength);
    }

    private static String decodeSample(byte[] sample, DetectedEncoding encoding) {
        int offset = encoding.bomLength();
        return new String(sample, offset, sample.length - offset, encoding.charset());
    }

    private UnloadTable openXls(Path file, String fileName, TableOrigin origin, AnalysisProgress progress, long size)
            throws IOException {
        Workbook workbook = loadXls(file, fileName);
        try {
            for (int index = 0; index < workbook.getNumberOfSheets(); index++) {
                boolean visible = !workbook.isSheetHidden(index) && !workbook.isSheetVeryHidden(index);
                if (!wanted(workbook.getSheetName(index), visible, origin)) {
                    continue;
                }
                Sheet sheet = workbook.getSheetAt(index);
                RowSource rows = new WorkbookRowSource(sheet, new ProgressReporter(progress, size));
                UnloadTable table = tableOf(rows, workbook, "xls", sheet.getSheetName(), origin, fileName);
                if (table != null) {
                    return table;
                }
            }
        } catch (IOException | RuntimeException e) {
            workbook.close();
            throw e;
        }
        workbook.close();
        throw noTableInWorkbook(fileName, origin);
    }

    private UnloadTable openXlsx(Path file, String fileName, TableOrigin origin, AnalysisProgress progress, long size)
            throws IOException {
        XlsxWorkbook workbook = loadXlsx(file, fileName);
        try {
            for (XlsxWorkbook.SheetEntry sheet : workbook.sheets()) {
                if (!wanted(sheet.name(), sheet.visible(), origin)) {
                    continue;
                }
                RowSource rows = workbook.openSheet(sheet, new ProgressReporter(progress, size));
                UnloadTable table = tableOf(rows, workbook, "xlsx", sheet.name(), origin, fileName);
                if (table != null) {
                    return table;
                }
            }
        } catch (IOException | RuntimeException e) {
            workbook.close();
            throw e;
        }
        workbook.close();
        throw noTableInWorkbook(fileName, origin);
    }

    /** Returns the sheet's table, or closes the rows and returns null when the sheet has none. */
    private UnloadTable tableOf(
            RowSource rows, Closeable workbook, String format, String sheet, TableOrigin origin, String fileName)
            throws IOException {
        TablePlacement placement = locate(rows, origin);
        if (placement == null) {
            rows.close();
            return null;
        }
        TableOrigin read = new TableOrigin(
                format, null, null, null, sheet, placement.choice.layout().headerRow());
        return new UnloadTable(
                rows, workbook, placement.choice.layout(), read, placement.following, null, fileName, limits);
    }

    private static boolean wanted(String sheetName, boolean visible, TableOrigin origin) {
        return origin != null ? sheetName.equals(origin.sheet()) : visible;
    }

    private static UnreadableUnloadException noTableInWorkbook(String fileName, TableOrigin origin) {
        if (origin != null) {
            return new UnreadableUnloadException(fileName + ": sheet '" + origin.sheet() + "' has no header on row "
                    + origin.headerRow() + " any more; analyse the file again");
        }
        return new UnreadableUnloadException(
                fileName + ": no visible sheet contains a table, only empty sheets or a few lines of text;"
                        + " put the table on the first sheet, one header row followed by data rows");
    }

    private static Workbook loadXls(Path file, String fileName) throws IOException {
        try {
            return WorkbookFactory.create(file.toFile(), null, true);
        } catch (EncryptedDocumentException e) {
            throw passwordProtected(fileName, e);
        } catch (IOException | RuntimeException e) {
            throw damaged(fileName, "XLS", e);
        }
    }

    private static XlsxWorkbook loadXlsx(Path file, String fileName) throws IOException {
        try {
            return XlsxWorkbook.open(file);
        } catch (EncryptedDocumentException e) {
            throw passwordProtected(fileName, e);
        } catch (Exception e) {
            throw damaged(fileName, "XLSX", e);
        }
    }

    private static UnreadableUnloadException passwordProtected(String fileName, Exception cause) {
        return new UnreadableUnloadException(
                fileName + ": the workbook is protected by a password; send it again without a password", cause);
    }

    private static UnreadableUnloadException damaged(String fileName, String format, Exception cause) {
        return new UnreadableUnloadException(
                fileName + ": the " + format + " workbook is damaged and cannot be opened ("
                        + cause.getClass().getSimpleName() + "); save it again from Excel and resend it",
                cause);
    }

    /** Buffers the first rows and finds the header among them. */
    private TablePlacement locate(RowSource rows, TableOrigin origin) throws IOException {
        List<RawRow> first = new ArrayList<>();
        long limit = origin != null ? Math.max(headerScanRows, origin.headerRow()) : headerScanRows;
        RawRow row;
        while (first.size() < limit && (row = rows.next()) != null) {
            first.add(row);
        }
        Optional<HeaderChoice> choice = layouts.detect(
                first, origin != null ? Long.valueOf(origin.headerRow()) : rows.fixedHeaderRow(), rows.fixedColumns());
        return choice.map(found -> new TablePlacement(found, first.subList(found.index() + 1, first.size())))
                .orElse(null);
    }

    private record TablePlacement(HeaderChoice choice, List<RawRow> following) {}
}
