package kz.opendata.hub.analysis.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import kz.opendata.hub.analysis.Problem;
import kz.opendata.hub.analysis.UnreadableUnloadException;

/**
 * Rows of a delimited text file whose encoding stores ASCII characters as single bytes, as UTF-8
 * and the Cyrillic code pages do, split on the bytes themselves.
 *
 * <p>Delimiters, quotes and line breaks are then single ASCII bytes that never occur inside a
 * multi-byte character, so records and fields are found without decoding. Each row keeps its
 * cells' bytes ({@link EncodedCells}) until a column worker decodes them. A {@link java.io.Reader}
 * would first copy the whole file into characters, and the parser would copy every field again.
 * On a large unload those two passes cost more than the split. Files in other encodings, and files that escape quotes with backslashes,
 * go through {@link DelimitedRowSource}, and a test checks that the two give the same rows.
 *
 * <p>The rules: a field may be quoted with {@code "}, and a quote inside it is doubled. Text after
 * the closing quote joins the field, and a further quote in it opens quotes again. A quote inside
 * an unquoted field is an ordinary character. A line feed, a carriage return or both together end a record, also an
 * empty one, which yields one empty field. With comment lines on, a record starting with
 * {@code #} is a comment. A quote still open at the end of the file is an error when a line break
 * lies after it, since it then swallowed the lines below. On the last line it keeps the rest of
 * that line as the cell. The whole file is decoded strictly, and a line longer than the limit
 * stops the analysis at that line.
 */
final class ByteDelimitedRowSource implements RowSource {

    /** Bytes one record may span, over all of its lines, before it is taken for an unclosed quote. */
    static final int MAX_RECORD_BYTES = 16 << 20;

    private static final int BUFFER_BYTES = 1 << 17;
    private static final byte QUOTE = '"';
    /** The scan result when the buffer ends before the record does. */
    private static final int MORE = -1;

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final String ASCII_PRINTABLE = asciiText();

    private final InputStream in;
    private final String fileName;
    private final Path file;
    private final Charset charset;
    private final byte delimiter;
    private final boolean commentLines;
    private final long maxLineBytes;
    private byte[] buffer = new byte[BUFFER_BYTES];
    private final CellDecoder decoder;
    /** The record under way: its cells' bytes, quotes removed, and where each cell ends. */
    private byte[] record = new byte[1024];

    private int recordLength;
    private int[] ends = new int[64];
    private int cellCount;
    /** Offset in the file of {@code buffer[0]}. */
    private long bufferStart;

    private int limit;
    private boolean ended;
    /** Index in the buffer where the next record starts. */
    private int next;
    /** Line number of the next record, and the file offset where its line starts. */
    private long line = 1;

    private long lineStart;
    /** The line and the file offset where it starts, at the place the record under way has reached. */
    private long scanLine;

    private long scanLineStart;
    private long recordLine;
    private boolean comment;
    private long commentCount;
    private long firstCommentLine;

    /** @param file the file that {@code in} reads, read again only to place an encoding error */
    ByteDelimitedRowSource(
            InputStream in,
            String fileName,
            DetectedEncoding encoding,
            TextDialect dialect,
            Path file,
            long maxLineBytes)
            throws IOException {
        if (!supports(encoding.charset(), dialect)) {
            throw new IllegalArgumentException(
                    "not a single-byte ASCII dialect: " + encoding.charset() + ", " + dialect);
        }
        this.in = in;
        this.fileName = fileName;
        this.file = file;
        this.charset = encoding.charset();
        this.delimiter = (byte) dialect.delimiter();
        this.commentLines = dialect.commentLines();
        this.maxLineBytes = maxLineBytes;
        this.decoder = new CellDecoder(charset, this::invalidEncoding);
        in.skipNBytes(encoding.bomLength());
        // The byte order mark counts in the first line's length, as the bytes a file stores.
        this.bufferStart = encoding.bomLength();
    }

    /**
     * Returns true when the charset encodes every printable ASCII character, tab, CR and LF as that
     * same single byte, and the dialect needs no backslash escapes and has an ASCII delimiter.
     */
    static boolean supports(Charset charset, TextDialect dialect) {
        if (dialect.backslashEscapes() || dialect.delimiter() >= 0x80) {
            return false;
        }
        if (charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)) {
            return true;
        }
        byte[] bytes = ASCII_PRINTABLE.getBytes(StandardCharsets.US_ASCII);
        return charset.canEncode()
                && Arrays.equals(ASCII_PRINTABLE.getBytes(charset), bytes)
                && new String(bytes, charset).equals(ASCII_PRINTABLE);
    }

    private static String asciiText() {
        StringBuilder text = new StringBuilder("\t\n\r");
        for (char c = ' '; c < 0x7f; c++) {
            text.append(c);
        }
        return text.toString();
    }

    @Override
    public RawRow next() throws IOException {
        while (true) {
            if (next == limit) {
                if (ended) {
                    return null;
                }
                fill();
                continue;
            }
            if (!scanRecord()) {
                fill();
                continue;
            }
            if (comment) {
                countComment();
                continue;
            }
            return new RawRow(
                    recordLine,
                    new EncodedCells(decoder, Arrays.copyOf(record, recordLength), Arrays.copyOf(ends, cellCount)));
        }
    }

    /**
     * Parses the record that starts at {@link #next}. Returns false, with nothing consumed, when
     * the buffer ends before the record does and more of the file is left to read.
     */
    private boolean scanRecord() {
        cellCount = 0;
        recordLength = 0;
        scanLine = line;
        scanLineStart = lineStart;
        comment = commentLines && buffer[next] == '#';
        int end = comment ? scanComment(next) : scanFields(next);
        return end != MORE && endRecord(end);
    }

    /** Reads a comment line and returns where it ends, or {@link #MORE}. */
    private int scanComment(int start) {
        int i = start;
        while (i < limit && buffer[i] != CR && buffer[i] != LF) {
            i++;
        }
        if (i == limit && !ended) {
            return needMore(i);
        }
        // Decoded only to check its bytes like every other line's.
        decoder.decode(buffer, start + 1, i);
        return i;
    }

    /** Reads the record's fields and returns where the last one ends, or {@link #MORE}. */
    private int scanFields(int start) {
        int i = start;
        while (true) {
            i = i < limit && buffer[i] == QUOTE ? scanQuoted(i) : scanUnquoted(i);
            if (i == MORE || i == limit || buffer[i] != delimiter) {
                return i;
            }
            i++;
        }
    }

    private int scanUnquoted(int start) {
        byte[] b = buffer;
        int end = limit;
        int i = start;
        while (i < end) {
            byte c = b[i];
            if (c == delimiter || c == CR || c == LF) {
                break;
            }
            i++;
        }
        if (i == end && !ended) {
            return needMore(i);
        }
        append(b, start, i - start);
        endCell();
        return i;
    }

    /**
     * Reads a field that starts with a quote. Every quote switches between inside and outside
     * quotes, so a doubled quote leaves the field quoted. A delimiter or a line break ends the
     * field only outside quotes.
     */
    private int scanQuoted(int start) {
        byte[] b = buffer;
        int end = limit;
        int i = start + 1;
        boolean inQuotes = true;
        long quoteLine = scanLine;
        while (i < end) {
            byte c = b[i];
            if (c == QUOTE) {
                inQuotes = !inQuotes;
            } else if (c == CR || c == LF) {
                if (!inQuotes) {
                    break;
                }
                countQuotedLineBreak(i);
            } else if (c == delimiter && !inQuotes) {
                break;
            }
            i++;
        }
        if (i == end && !ended) {
            return needMore(i);
        }
        if (i == end && inQuotes && scanLine > quoteLine) {
            throw DelimitedTextErrors.unclosedQuote(fileName, quoteLine);
        }
        unquote(start, i);
        endCell();
        return i;
    }

    /** Counts a line break inside quotes, where a carriage return and a line feed together are one. */
    private void countQuotedLineBreak(int index) {
        if (buffer[index] == CR || buffer[index - 1] != CR) {
            checkLineLength(index);
            scanLine++;
        }
        scanLineStart = bufferStart + index + 1;
    }

    /**
     * Consumes the line break that ends the record, if there is one, and moves on to the next
     * record. Returns false when the buffer ends right after a carriage return, which a line feed
     * may follow.
     */
    private boolean endRecord(int end) {
        int i = end;
        checkLineLength(i);
        if (i < limit) {
            if (buffer[i] == CR && i + 1 == limit && !ended) {
                return false;
            }
            i += buffer[i] == CR && i + 1 < limit && buffer[i + 1] == LF ? 2 : 1;
            scanLine++;
            scanLineStart = bufferStart + i;
        }
        recordLine = line;
        next = i;
        line = scanLine;
        lineStart = scanLineStart;
        return true;
    }

    /** Checks the line under way before more bytes are read, so one endless line cannot fill the memory. */
    private int needMore(int index) {
        checkLineLength(index);
        return MORE;
    }

    private void checkLineLength(int index) {
        if (bufferStart + index - scanLineStart > maxLineBytes) {
            throw DelimitedTextErrors.lineTooLong(fileName, scanLine, scanLineStart, maxLineBytes);
        }
    }

    /**
     * Reads more of the file behind the unfinished record, first moving that record to the start
     * of the buffer, or growing the buffer when the record fills it.
     */
    private void fill() throws IOException {
        int kept = limit - next;
        if (next > 0) {
            System.arraycopy(buffer, next, buffer, 0, kept);
            bufferStart += next;
            next = 0;
            limit = kept;
        } else if (limit == buffer.length) {
            if (buffer.length >= MAX_RECORD_BYTES) {
                throw recordTooLong();
            }
            buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_RECORD_BYTES));
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            ended = true;
        } else {
            limit += read;
        }
    }

    private void append(byte[] bytes, int from, int length) {
        ensureRecordRoom(length);
        System.arraycopy(bytes, from, record, recordLength, length);
        recordLength += length;
    }

    private void ensureRecordRoom(int length) {
        if (recordLength + length > record.length) {
            record = Arrays.copyOf(record, Math.max(recordLength + length, record.length * 2));
        }
    }

    private void endCell() {
        if (cellCount == DelimitedRowSource.MAX_FIELDS) {
            throw DelimitedTextErrors.tooManyFields(fileName, "the record starting on line " + line, null);
        }
        if (cellCount == ends.length) {
            ends = Arrays.copyOf(ends, ends.length * 2);
        }
        ends[cellCount++] = recordLength;
    }

    /**
     * Appends a quoted field to the record: what follows the opening quote, without a closing
     * quote at its end, where of the quotes inside every second one is kept, so a doubled quote
     * becomes one.
     */
    private void unquote(int start, int end) {
        int from = start + 1;
        int to = end > from && buffer[end - 1] == QUOTE ? end - 1 : end;
        ensureRecordRoom(to - from);
        boolean kept = true;
        for (int i = from; i < to; i++) {
            byte c = buffer[i];
            if (c == QUOTE) {
                kept = !kept;
                if (!kept) {
                    continue;
                }
            }
            record[recordLength++] = c;
        }
    }

    private UnreadableUnloadException recordTooLong() {
        return DelimitedTextErrors.fieldTooLong(fileName, "the record starting on line " + line, null);
    }

    private void countComment() {
        if (commentCount++ == 0) {
            firstCommentLine = recordLine;
        }
    }

    @Override
    public List<Problem> problems() {
        return DelimitedTextErrors.commentLines(commentCount, firstCommentLine);
    }

    /**
     * Explains a byte sequence invalid in the encoding by the line where it is. The file is read
     * again to find it, because a column worker may decode a cell long after it was read.
     */
    private UnreadableUnloadException invalidEncoding(CharacterCodingException cause) {
        return DelimitedTextErrors.invalidEncoding(fileName, file, charset, "after line " + line, cause);
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
        in.close();
    }
}
