package kz.opendata.hub.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import kz.opendata.hub.analysis.AnalysisProgress;

/**
 * Shows how far the analysis has read, as one terminal line rewritten in place ({@code \r}): the
 * percentage and the speed in MB/s (10^6 bytes per second). Nothing is shown for files that take
 * less than {@link #DELAY_NANOS} to analyse.
 */
final class ProgressLine implements AnalysisProgress {

    static final long DELAY_NANOS = 2_000_000_000L;
    static final long INTERVAL_NANOS = 250_000_000L;

    private final PrintStream terminal;
    private final LongSupplier nanoTime;
    private final long start;
    private long shownAt = -1;
    private int shownLength;

    ProgressLine(PrintStream terminal, LongSupplier nanoTime) {
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    @Override
    public synchronized void update(long bytesRead, long totalBytes) {
        long now = nanoTime.getAsLong();
        if (now - start < DELAY_NANOS || (shownAt >= 0 && now - shownAt < INTERVAL_NANOS)) {
            return;
        }
        String line = line(bytesRead, totalBytes, now - start);
        terminal.print("\r" + line + " ".repeat(Math.max(0, shownLength - line.length())));
        terminal.flush();
        shownAt = now;
        shownLength = line.length();
    }

    /** Clears the line, if one was shown, so that the next message starts on a clean line. */
    synchronized void finish() {
        if (shownAt >= 0) {
            terminal.print("\r" + " ".repeat(shownLength) + "\r");
            terminal.flush();
        }
    }

    static String line(long bytesRead, long totalBytes, long elapsedNanos) {
        double megabytesPerSecond = bytesRead / 1e6 / (elapsedNanos / 1e9);
        String speed = String.format(Locale.ROOT, "%.1f MB/s", megabytesPerSecond);
        if (totalBytes <= 0) {
            return String.format(Locale.ROOT, "analyze: %.1f MB read, %s", bytesRead / 1e6, speed);
        }
        long percent = Math.min(100, bytesRead * 100 / totalBytes);
        return "analyze: " + percent + "% read, " + speed;
    }
}
