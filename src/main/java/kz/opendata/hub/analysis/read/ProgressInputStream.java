package kz.opendata.hub.analysis.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import kz.opendata.hub.analysis.AnalysisProgress;

/** Counts the bytes read from a file and reports them at most every {@value #INTERVAL_MILLIS} ms. */
final class ProgressInputStream extends FilterInputStream {

    static final long INTERVAL_MILLIS = 250;

    private final AnalysisProgress progress;
    private final long totalBytes;
    private long bytesRead;
    private long lastReportNanos;

    ProgressInputStream(InputStream in, AnalysisProgress progress, long totalBytes) {
        super(in);
        this.progress = progress;
        this.totalBytes = totalBytes;
        this.lastReportNanos = System.nanoTime();
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

    long bytesRead() {
        return bytesRead;
    }

    private void advance(long count) {
        bytesRead += count;
        long now = System.nanoTime();
        if (now - lastReportNanos >= INTERVAL_MILLIS * 1_000_000) {
            lastReportNanos = now;
            progress.update(bytesRead, totalBytes);
        }
    }
}
