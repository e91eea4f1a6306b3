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
import java.util.Iterator;
import java.util.List;
import kz.opendata.hub.analysis.Problem;
import kz.opendata.hub.analysis.UnreadableUnloadException;

/**
 * Rows of a delimited text file (CSV, TSV), parsed by FastCSV as a stream.
 *
 * <p>The whole file is decoded strictly, so a byte sequence invalid in the detected encoding
 * anywhere in it stops the analysis with the line where it was found.
 */
final class DelimitedRowSource implements RowSource {

    private final String fileName;
    private final DetectedEncoding encoding;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private long lastLine;
    private long commentLines;
    private long firstCommentLine;

    DelimitedRowSource(InputStream in, String fileName, DetectedEncoding encoding, TextDialect dialect)
            throws IOException {
        this.fileName = fileName;
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
            // FastCSV fails this way when a field outgrows its buffer, usually after an unclosed quote.
            throw new UnreadableUnloadException(
                    "%s: a field after line %d is longer than the parser's buffer, usually because a quote never"
                                    .formatted(fileName, lastLine)
                            + " closes; check quotes after that line and send the file again",
                    e);
        }
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
            throw new UnreadableUnloadException(
                    "%s: a quote opened on line %d never closes, so the rest of the file".formatted(fileName, lastLine)
                            + " reads as one cell; close the quote or double the quote characters inside values (\"\")");
        }
    }

    @Override
    public List<Problem> problems() {
        if (commentLines == 0) {
            return List.of();
        }
        return List.of(new Problem(
                "comment-lines",
                "%d comment lines starting with '#' (first on line %d) were skipped"
                        .formatted(commentLines, firstCommentLine),
                "line " + firstCommentLine));
    }

    private UnreadableUnloadException invalidEncoding(CharacterCodingException cause) {
        return new UnreadableUnloadException(
                "%s: invalid %s byte sequence after line %d; save the file again as UTF-8 and resend it"
                        .formatted(fileName, encoding.charset().name(), lastLine),
                cause);
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
