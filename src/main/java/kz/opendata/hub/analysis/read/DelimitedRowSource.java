package kz.opendata.hub.analysis.read;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Iterator;
import kz.opendata.hub.analysis.UnreadableUnloadException;

/** Rows of a delimited text file (CSV, TSV), parsed by FastCSV as a stream. */
final class DelimitedRowSource implements RowSource {

    private final String fileName;
    private final DetectedEncoding encoding;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private long lastLine;

    DelimitedRowSource(InputStream in, String fileName, DetectedEncoding encoding, char delimiter) throws IOException {
        this.fileName = fileName;
        this.encoding = encoding;
        in.skipNBytes(encoding.bomLength());
        CharsetDecoder decoder = encoding.charset()
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.reader = CsvReader.builder()
                .fieldSeparator(delimiter)
                .quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(false)
                .ignoreDifferentFieldCount(true)
                .acceptCharsAfterQuotes(true)
                .ofCsvRecord(new InputStreamReader(in, decoder));
        this.records = reader.iterator();
    }

    @Override
    public RawRow next() throws IOException {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CsvRecord record = records.next();
            lastLine = record.getStartingLineNumber();
            return new RawRow(lastLine, record.getFields());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException coding) {
                throw invalidEncoding(coding);
            }
            throw e.getCause();
        } catch (CsvParseException e) {
            throw new UnreadableUnloadException(
                    "%s: the text cannot be parsed as %s after line %d (%s); check quotes in that area and send the file again"
                            .formatted(fileName, "delimited text", lastLine, e.getMessage()),
                    e);
        }
    }

    private UnreadableUnloadException invalidEncoding(CharacterCodingException cause) {
        return new UnreadableUnloadException(
                "%s: invalid %s byte sequence after line %d; save the file again as UTF-8 and resend it"
                        .formatted(fileName, encoding.charset().name(), lastLine),
                cause);
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
