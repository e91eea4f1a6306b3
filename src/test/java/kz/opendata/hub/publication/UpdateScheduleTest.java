package kz.opendata.hub.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UpdateScheduleTest {

    /** A clock five hours ahead of UTC, as Almaty is; a fixed offset keeps the test off the zone rules. */
    private final UpdateSchedule schedule =
            new UpdateSchedule(Clock.fixed(Instant.parse("2031-01-01T00:00:00Z"), ZoneOffset.ofHours(5)));

    /** Returns a local time of the clock's zone with its offset. */
    private static OffsetDateTime almaty(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+05:00");
    }

    @Test
    void monthlyFromMonthEndClampsToShorterMonth() {
        OffsetDateTime due =
                schedule.nextDue(almaty("2031-01-31T10:00"), "monthly").orElseThrow();

        assertThat(due).isEqualTo(almaty("2031-02-28T10:00"));
    }

    @Test
    void secondDueDateCountsFromLastPublication() {
        OffsetDateTime last = almaty("2031-01-31T10:00");

        OffsetDateTime second = schedule.dueDate(last, Period.ofMonths(1), 2);

        assertThat(second).isEqualTo(almaty("2031-03-31T10:00"));
    }

    @Test
    void everyFrequencyHasItsPeriod() {
        OffsetDateTime last = almaty("2032-02-29T10:00");

        assertThat(schedule.nextDue(last, "daily")).contains(almaty("2032-03-01T10:00"));
        assertThat(schedule.nextDue(last, "weekly")).contains(almaty("2032-03-07T10:00"));
        assertThat(schedule.nextDue(last, "quarterly")).contains(almaty("2032-05-29T10:00"));
        assertThat(schedule.nextDue(last, "half-yearly")).contains(almaty("2032-08-29T10:00"));
        assertThat(schedule.nextDue(last, "yearly")).contains(almaty("2033-02-28T10:00"));
    }

    @Test
    void asNeededIsNeverDueByCalendar() {
        assertThat(schedule.nextDue(almaty("2031-01-31T10:00"), "as-needed")).isEmpty();
        assertThat(schedule.nextDue(almaty("2031-01-31T10:00"), "")).isEmpty();
    }

    @Test
    void dueDateIsInClockZone() {
        OffsetDateTime utc = OffsetDateTime.of(2031, 1, 31, 20, 0, 0, 0, ZoneOffset.UTC);

        // 20:00 UTC is 01:00 on 1 February in the clock's zone, so a month later is 1 March there.
        assertThat(schedule.nextDue(utc, "monthly")).contains(almaty("2031-03-01T01:00"));
    }
}
