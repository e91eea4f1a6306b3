package kz.opendata.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private final AtomicLong clock = new AtomicLong();
    private final ProgressLine progress =
            new ProgressLine(new PrintStream(terminal, true, StandardCharsets.UTF_8), clock::get);

    @Test
    void staysSilentForFirstTwoSeconds() {
        clock.set(1_999_000_000L);

        progress.update(10, 100);
        progress.finish();

        assertThat(terminal.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void showsPercentAndSpeed() {
        clock.set(4_000_000_000L);

        progress.update(30_000_000L, 120_000_000L);

        // 30 MB in 4 s is 7.5 MB/s; 30 of 120 MB is 25%.
        assertThat(terminal.toString(StandardCharsets.UTF_8)).isEqualTo("\ranalyze: 25% read, 7.5 MB/s");
    }

    @Test
    void skipsUpdatesWithinQuarterSecond() {
        clock.set(3_000_000_000L);
        progress.update(1_000_000L, 10_000_000L);
        clock.addAndGet(100_000_000L);

        progress.update(2_000_000L, 10_000_000L);

        assertThat(terminal.toString(StandardCharsets.UTF_8)).doesNotContain("20%");
    }

    @Test
    void showsBytesWhenSizeIsUnknown() {
        clock.set(2_000_000_000L);

        progress.update(5_000_000L, -1);

        assertThat(terminal.toString(StandardCharsets.UTF_8)).isEqualTo("\ranalyze: 5.0 MB read, 2.5 MB/s");
    }

    @Test
    void clearsLineOnFinish() {
        clock.set(2_000_000_000L);
        progress.update(5_000_000L, 10_000_000L);
        String line = "analyze: 50% read, 2.5 MB/s";

        progress.finish();

        assertThat(terminal.toString(StandardCharsets.UTF_8))
                .isEqualTo("\r" + line + "\r" + " ".repeat(line.length()) + "\r");
    }
}
