package kz.opendata.hub.health;

import kz.opendata.hub.approval.MailOutbox;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Component outbox of /actuator/health: the number of letters given up after their last attempt.
 * It stays up while letters fail, because a failed letter needs an analyst, not a restart; the
 * letters themselves are listed at {@code GET /api/outbox?status=failed}.
 */
@Component("outboxHealthIndicator")
class OutboxHealthIndicator implements HealthIndicator {

    private final MailOutbox outbox;

    OutboxHealthIndicator(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Health health() {
        return Health.up().withDetail("failed", outbox.countFailed()).build();
    }
}
