package kz.opendata.hub.publication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that stays at the instant a test sets, in Almaty time. */
public final class TestClock extends Clock {

    public static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private volatile Instant now;
    private final ZoneId zone;

    public TestClock(Instant now) {
        this(now, ALMATY);
    }

    private TestClock(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration amount) {
        now = now.plus(amount);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
