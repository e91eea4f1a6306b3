package kz.opendata.hub.analysis.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Rejects a delimited text file with a line longer than a limit, before the parser buffers it.
 * A line ends at a line feed, a carriage return, or both together. Lengths are in bytes as stored,
 * so a line of Cyrillic UTF-8 text holds about half as many characters.
 */
final class LineLengthLimit extends FilterInputStream {

    private final String fileName;
    private final long maxLineBytes;
    private long position;
    private long lineStart;
    private long line = 1;
    private boolean afterCarriageReturn;

    LineLengthLimit(InputStream in, String fileName, long maxLineBytes) {
        super(in);
        this.fileName = fileName;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            accept((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        for (int i = offset; i < offset + read; i++) {
            accept(buffer[i]);
        }
        return read;
    }

    /** Counts skipped bytes, a byte order mark, as part of the first line. */
    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        position += skipped;
        return skipped;
    }

    private void accept(byte b) {
        position++;
        if (b == '\n' || b == '\r') {
            if (b == '\r' || !afterCarriageReturn) {
                line++;
            }
            afterCarriageReturn = b == '\r';
            lineStart = position;
            return;
        }
        afterCarriageReturn = false;
        if (position - lineStart > maxLineBytes) {
            throw DelimitedTextErrors.lineTooLong(fileName, line, lineStart, maxLineBytes);
        }
    }
}
