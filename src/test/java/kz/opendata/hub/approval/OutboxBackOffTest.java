package kz.opendata.hub.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutboxBackOffTest {

    private final MailOutbox outbox = new MailOutbox(
            null,
            null,
            null,
            null,
            new ApprovalProperties(
                    true,
                    "hub.example.kz",
                    "Unreadable",
                    7,
                    2,
                    24,
                    20,
                    Duration.ofSeconds(30),
                    Duration.ofHours(1),
                    Duration.ofMinutes(5),
                    5_242_880,
                    5),
            Clock.systemUTC());

    /** Waits worked by hand: 30 s doubled once per earlier failure, at most one hour. */
    @ParameterizedTest
    @CsvSource({"1, 30", "2, 60", "3, 120", "6, 960", "7, 1920", "8, 3600", "20, 3600"})
    void waitDoublesUpToMaximum(int failedAttempts, long expectedSeconds) {
        Duration wait = outbox.backOff(failedAttempts);

        assertThat(wait).isEqualTo(Duration.ofSeconds(expectedSeconds));
    }
}
