package kz.opendata.hub.publication;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Map;
import java.util.Optional;

/**
 * When a published set is due for its next update: its last publication plus the period of the
 * passport's update frequency, counted in calendar days, months and years in the clock's time
 * zone. A set updated {@code as-needed}, or with no known frequency, is never due by the calendar.
 *
 * <p>Months follow {@link java.time.ZonedDateTime#plus}: a monthly set last published on 31
 * January is due on the last day of February.
 */
final class UpdateSchedule {

    private static final Map<String, Period> PERIODS = Map.of(
            "daily", Period.ofDays(1),
            "weekly", Period.ofWeeks(1),
            "monthly", Period.ofMonths(1),
            "quarterly", Period.ofMonths(3),
            "half-yearly", Period.ofMonths(6),
            "yearly", Period.ofYears(1));

    private final Clock clock;

    UpdateSchedule(Clock clock) {
        this.clock = clock;
    }

    /** Returns the period of an update frequency code, empty for {@code as-needed} and unknown codes. */
    static Optional<Period> period(String frequency) {
        return Optional.ofNullable(PERIODS.get(frequency));
    }

    /** Returns the current time of the clock, in its zone. */
    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Returns the first due date after {@code lastPublished}, or empty when the frequency has no period. */
    Optional<OffsetDateTime> nextDue(OffsetDateTime lastPublished, String frequency) {
        return period(frequency).map(period -> dueDate(lastPublished, period, 1));
    }

    /** Returns the {@code n}-th due date after {@code lastPublished}, counted from it so month ends do not drift. */
    OffsetDateTime dueDate(OffsetDateTime lastPublished, Period period, int n) {
        return lastPublished
                .atZoneSameInstant(clock.getZone())
                .plus(period.multipliedBy(n))
                .toOffsetDateTime();
    }
}
