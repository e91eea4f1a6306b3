package kz.opendata.hub.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.opendata.hub.campaign.CampaignAgency;
import kz.opendata.hub.deadline.Escalation.Kind;
import kz.opendata.hub.exchange.ExchangeProperties;
import org.junit.jupiter.api.Test;

/**
 * Deadline arithmetic with the default settings: two months for the analysis, reminders from
 * day 10 every 7 days at most 3 times, escalation on day 30, a warning 14 days before the limit.
 */
class DeadlineServiceTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private final DeadlineProperties properties =
            new DeadlineProperties(ALMATY, "0 0 8 * * ?", Period.ofMonths(2), 14, 10, 7, 3, 30, List.of(), "ru");
    private final DeadlineService service = new DeadlineService(
            null,
            null,
            properties,
            new ExchangeProperties(
                    15, Map.of(), new ExchangeProperties.InventoryMail(false, "", "", "", "INBOX", 1000)),
            Clock.system(ALMATY));

    @Test
    void analysisOverdueDayAfterTwoMonths() {
        AgencyDeadline deadline = delivered(LocalDate.of(2025, 1, 31), false);

        Optional<Escalation> onLimit = service.escalationOf(deadline, LocalDate.of(2025, 3, 31));
        Optional<Escalation> dayAfter = service.escalationOf(deadline, LocalDate.of(2025, 4, 1));

        assertThat(deadline.analysisDueOn()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(onLimit.orElseThrow().kind()).isEqualTo(Kind.ANALYSIS_DUE_SOON);
        assertThat(dayAfter.orElseThrow().kind()).isEqualTo(Kind.ANALYSIS_OVERDUE);
        assertThat(dayAfter.orElseThrow().days()).isEqualTo(1);
    }

    @Test
    void analysisLimitOfLeapYearEndsOnFebruary29() {
        AgencyDeadline deadline = delivered(LocalDate.of(2023, 12, 31), false);

        assertThat(deadline.analysisDueOn()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void analysisDueSoonFromFourteenDaysBefore() {
        AgencyDeadline deadline = delivered(LocalDate.of(2025, 1, 31), false);

        Optional<Escalation> fifteenBefore = service.escalationOf(deadline, LocalDate.of(2025, 3, 16));
        Optional<Escalation> fourteenBefore = service.escalationOf(deadline, LocalDate.of(2025, 3, 17));

        assertThat(fifteenBefore).isEmpty();
        assertThat(fourteenBefore.orElseThrow().kind()).isEqualTo(Kind.ANALYSIS_DUE_SOON);
        assertThat(fourteenBefore.orElseThrow().days()).isEqualTo(-14);
    }

    @Test
    void completeAnalysisIsNeverEscalated() {
        AgencyDeadline deadline = delivered(LocalDate.of(2025, 1, 31), true);

        assertThat(service.escalationOf(deadline, LocalDate.of(2025, 6, 1))).isEmpty();
    }

    @Test
    void missingDeliveryEscalatesOnDayThirty() {
        AgencyDeadline day29 = undelivered(LocalDate.of(2025, 4, 2), 29);
        AgencyDeadline day30 = undelivered(LocalDate.of(2025, 4, 2), 30);

        assertThat(service.escalationOf(day29, LocalDate.of(2025, 5, 1))).isEmpty();
        Escalation escalation =
                service.escalationOf(day30, LocalDate.of(2025, 5, 2)).orElseThrow();
        assertThat(escalation.kind()).isEqualTo(Kind.NO_DELIVERY);
        assertThat(escalation.dueOn()).isEqualTo(LocalDate.of(2025, 5, 2));
        assertThat(escalation.days()).isZero();
    }

    @Test
    void reminderFromDayTenThenWeekly() {
        LocalDate sent = LocalDate.of(2025, 4, 2);

        assertThat(service.reminderDue(undelivered(sent, 9), surveyed(0, null), sent.plusDays(9)))
                .isFalse();
        assertThat(service.reminderDue(undelivered(sent, 10), surveyed(0, null), sent.plusDays(10)))
                .isTrue();
        OffsetDateTime remindedOnDay10 = sent.plusDays(10).atTime(8, 0).atOffset(ZoneOffset.ofHours(5));
        assertThat(service.reminderDue(undelivered(sent, 16), surveyed(1, remindedOnDay10), sent.plusDays(16)))
                .isFalse();
        assertThat(service.reminderDue(undelivered(sent, 17), surveyed(1, remindedOnDay10), sent.plusDays(17)))
                .isTrue();
        assertThat(service.reminderDue(undelivered(sent, 40), surveyed(3, remindedOnDay10), sent.plusDays(40)))
                .isFalse();
    }

    @Test
    void deliveredAgencyIsNotReminded() {
        AgencyDeadline deadline = delivered(LocalDate.of(2025, 4, 20), false);

        assertThat(service.reminderDue(deadline, surveyed(0, null), LocalDate.of(2025, 5, 20)))
                .isFalse();
    }

    private static AgencyDeadline delivered(LocalDate firstUnloadOn, boolean complete) {
        return new AgencyDeadline(
                1,
                "a",
                "A",
                "1-01",
                firstUnloadOn.minusDays(5),
                firstUnloadOn.plusDays(10),
                0,
                0,
                firstUnloadOn,
                firstUnloadOn.plus(Period.ofMonths(2)),
                complete);
    }

    private static AgencyDeadline undelivered(LocalDate sentOn, long daysWaiting) {
        return new AgencyDeadline(1, "a", "A", "1-01", sentOn, sentOn.plusDays(15), daysWaiting, 0, null, null, false);
    }

    private static CampaignAgency surveyed(int reminders, OffsetDateTime lastReminded) {
        return new CampaignAgency(1, "a", "1-01", OffsetDateTime.now(), "<m@x>", reminders, lastReminded);
    }
}
