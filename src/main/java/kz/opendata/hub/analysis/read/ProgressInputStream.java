package kz.opendata.hub.analysis.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read from a stream and passes the count to a {@link ProgressReporter}. */
final class ProgressInputStream extends FilterInputStream {

    private final ProgressReporter reporter;
    private final long expectedBytes;
    private long bytesRead;

    /**
     * @param expectedBytes bytes the stream will deliver. For a decompressed part of the file the
     *     count is scaled by it to the file's size, otherwise it is the file's size.
     */
    ProgressInputStream(InputStream in, ProgressReporter reporter, long expectedBytes) {
        super(in);
        this.reporter = reporter;
        this.expectedBytes = expectedBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = super.read(buffer, offset, length);
        if (count > 0) {
            advance(count);
        }
        return count;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        advance(skipped);
        return skipped;
    }

    private void advance(long count) {
        bytesRead += count;
        reporter.reportFraction(bytesRead, expectedBytes);
    }
}
