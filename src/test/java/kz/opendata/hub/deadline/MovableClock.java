package kz.opendata.hub.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that runs with the system clock plus an offset the test moves forward, so records the
 * hub stamps with the real time (unloads) and with this clock (campaigns, letters) stay in order.
 */
public final class MovableClock extends Clock {

    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;

    public MovableClock(ZoneId zone) {
        this.zone = zone;
    }

    public void advance(Duration amount) {
        offset = offset.plus(amount);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        MovableClock moved = new MovableClock(other);
        moved.offset = offset;
        return moved;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
