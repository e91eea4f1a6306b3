package kz.opendata.hub.analysis.read;

import kz.opendata.hub.analysis.AnalysisProgress;

/** Passes progress on to an {@link AnalysisProgress} at most every {@value #INTERVAL_MILLIS} ms. */
final class ProgressReporter {

    static final long INTERVAL_MILLIS = 250;

    private final AnalysisProgress progress;
    private final long totalBytes;
    private long lastReportNanos = System.nanoTime();

    ProgressReporter(AnalysisProgress progress, long totalBytes) {
        this.progress = progress;
        this.totalBytes = totalBytes;
    }

    /** Reports bytes read, unless the last report was less than the interval ago. */
    void report(long bytesRead) {
        long now = System.nanoTime();
        if (now - lastReportNanos >= INTERVAL_MILLIS * 1_000_000) {
            lastReportNanos = now;
            progress.update(Math.min(bytesRead, totalBytes), totalBytes);
        }
    }

    /** Reports a fraction of the work done as the same fraction of the file's bytes. */
    void reportFraction(long done, long total) {
        if (total > 0) {
            report((long) ((double) done / total * totalBytes));
        }
    }
}
