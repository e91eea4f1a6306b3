package kz.opendata.hub.analysis.read;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.opendata.hub.analysis.Problem;
import kz.opendata.hub.analysis.UnreadableUnloadException;

/**
 * Rows of a delimited text file (CSV, TSV), parsed by FastCSV as a stream.
 *
 * <p>The whole file is decoded strictly, so a byte sequence invalid in the detected encoding
 * anywhere in it stops the analysis with the line where it was found, which is looked up by reading
 * the file again because the decoder reads ahead of the parser.
 */
final class DelimitedRowSource implements RowSource {

    /** FastCSV's default limit of fields per record. */
    static final int MAX_FIELDS = 16384;

    private static final Pattern RECORD_LINE = Pattern.compile("starting at line (\\d+)");

    private final String fileName;
    private final Path file;
    private final DetectedEncoding encoding;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private long lastLine;
    private long commentLines;
    private long firstCommentLine;

    /** @param file the file that {@code in} reads, read again only to place an encoding error */
    DelimitedRowSource(InputStream in, String fileName, DetectedEncoding encoding, TextDialect dialect, Path file)
            throws IOException {
        this.fileName = fileName;
        this.file = file;
        this.encoding = encoding;
        in.skipNBytes(encoding.bomLength());
        CharsetDecoder decoder = encoding.charset()
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader text = new InputStreamReader(in, decoder);
        if (dialect.backslashEscapes()) {
            text = new BackslashEscapeReader(text);
        }
        this.reader = CsvReader.builder()
                .fieldSeparator(dialect.delimiter())
                .quoteCharacter('"')
                .commentStrategy(dialect.commentLines() ? CommentStrategy.READ : CommentStrategy.NONE)
                .commentCharacter('#')
                .skipEmptyLines(false)
                .ignoreDifferentFieldCount(true)
                .acceptCharsAfterQuotes(true)
                .ofCsvRecord(text);
        this.records = reader.iterator();
    }

    @Override
    public RawRow next() throws IOException {
        try {
            while (records.hasNext()) {
                CsvRecord record = records.next();
                lastLine = record.getStartingLineNumber();
                if (record.isComment()) {
                    countComment();
                    continue;
                }
                if (!records.hasNext()) {
                    rejectUnclosedQuote(record);
                }
                return new RawRow(lastLine, record.getFields());
            }
            return null;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException coding) {
                throw invalidEncoding(coding);
            }
            throw e.getCause();
        } catch (CsvParseException e) {
            if (e.getCause() instanceof UnreadableUnloadException reason) {
                // FastCSV wraps what its reader throws, such as the line length limit.
                throw reason;
            }
            throw parseFailure(e);
        }
    }

    /**
     * Explains a record that outgrew FastCSV's limits: more than {@value #MAX_FIELDS} fields, or a
     * field longer than its buffer, usually after an unclosed quote.
     */
    private UnreadableUnloadException parseFailure(CsvParseException e) {
        // NOTE: FastCSV 3.7 tells the two limits apart and gives the record's first line only in its message.
        String message = parserMessages(e);
        Matcher line = RECORD_LINE.matcher(message);
        String where =
                line.find() ? "the record starting on line " + line.group(1) : "the record after line " + lastLine;
        if (message.contains("maximum limit of " + MAX_FIELDS + " fields")) {
            return DelimitedTextErrors.tooManyFields(fileName, where, e);
        }
        return DelimitedTextErrors.fieldTooLong(fileName, where, e);
    }

    /** Joins the messages of the exception and its causes: FastCSV wraps the one that names the limit. */
    private static String parserMessages(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    private void countComment() {
        if (commentLines++ == 0) {
            firstCommentLine = lastLine;
        }
    }

    /**
     * Rejects a last record whose final field runs to the end of the file: only a quote that
     * never closes makes a field swallow the file's last line break.
     */
    private void rejectUnclosedQuote(CsvRecord record) {
        String last = record.getField(record.getFieldCount() - 1);
        if (last.endsWith("\n") || last.endsWith("\r")) {
            throw DelimitedTextErrors.unclosedQuote(fileName, lastLine);
        }
    }

    @Override
    public List<Problem> problems() {
        return DelimitedTextErrors.commentLines(commentLines, firstCommentLine);
    }

    private UnreadableUnloadException invalidEncoding(CharacterCodingException cause) {
        return DelimitedTextErrors.invalidEncoding(fileName, file, encoding.charset(), "after line " + lastLine, cause);
    }

    @Override
    public boolean fixedColumns() {
        return true;
    }

    @Override
    public String describe(long rowNumber) {
        return "line " + rowNumber;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
