package kz.opendata.hub.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final OffsetDateTime FAILED_AT = OffsetDateTime.parse("2031-01-15T09:00:00+05:00");

    private final RetryPolicy policy =
            new RetryPolicy(new PublicationProperties.Retry(5, Duration.ofMinutes(5), 3, Duration.ofMinutes(60)));

    @Test
    void waitGrowsByMultiplier() {
        assertThat(policy.nextAttempt(1, FAILED_AT)).contains(FAILED_AT.plusMinutes(5));
        assertThat(policy.nextAttempt(2, FAILED_AT)).contains(FAILED_AT.plusMinutes(15));
        assertThat(policy.nextAttempt(3, FAILED_AT)).contains(FAILED_AT.plusMinutes(45));
    }

    @Test
    void waitStopsAtMaxDelay() {
        // 5 minutes times 3 cubed is 135 minutes, above the maximum of 60.
        assertThat(policy.nextAttempt(4, FAILED_AT)).contains(FAILED_AT.plusMinutes(60));
    }

    @Test
    void lastAllowedTryHasNoNext() {
        assertThat(policy.nextAttempt(5, FAILED_AT)).isEmpty();
        assertThat(policy.nextAttempt(6, FAILED_AT)).isEmpty();
    }
}
