package kz.opendata.hub.publication;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * When a publication that failed for a reason that may pass is tried again: after
 * {@code firstDelay}, then after a wait multiplied by {@code multiplier} each time, never longer
 * than {@code maxDelay}, for {@code maxAttempts} tries in all.
 */
final class RetryPolicy {

    private final PublicationProperties.Retry settings;

    RetryPolicy(PublicationProperties.Retry settings) {
        this.settings = settings;
    }

    /**
     * Returns when the try after {@code failedAttempt} runs.
     *
     * @param failedAttempt number of the try that failed, 1 for the first
     * @return empty when that try was the last one allowed
     */
    Optional<OffsetDateTime> nextAttempt(int failedAttempt, OffsetDateTime failedAt) {
        if (failedAttempt >= settings.maxAttempts()) {
            return Optional.empty();
        }
        return Optional.of(failedAt.plus(delayAfter(failedAttempt)));
    }

    Duration delayAfter(int failedAttempt) {
        double factor = Math.pow(settings.multiplier(), failedAttempt - 1);
        double millis = settings.firstDelay().toMillis() * factor;
        return Duration.ofMillis((long) Math.min(millis, settings.maxDelay().toMillis()));
    }

    int maxAttempts() {
        return settings.maxAttempts();
    }
}
