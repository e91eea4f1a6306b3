package kz.opendata.hub.deadline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.opendata.hub.campaign.AgencyProgress;
import kz.opendata.hub.campaign.Campaign;
import kz.opendata.hub.campaign.CampaignAgency;
import kz.opendata.hub.campaign.CampaignRepository;
import kz.opendata.hub.campaign.CampaignService;
import kz.opendata.hub.deadline.Escalation.Kind;
import kz.opendata.hub.exchange.ExchangeProperties;
import org.springframework.stereotype.Service;

/**
 * Works out the deadlines of every request sent: the reply date, the escalation date of an
 * agency that delivers nothing, and the analysis limit counted from the first unload (two months
 * under the analysis rules).
 */
@Service
public class DeadlineService {

    private final CampaignRepository campaigns;
    private final CampaignService progress;
    private final DeadlineProperties properties;
    private final ExchangeProperties exchange;
    private final Clock clock;

    DeadlineService(
            CampaignRepository campaigns,
            CampaignService progress,
            DeadlineProperties properties,
            ExchangeProperties exchange,
            Clock clock) {
        this.campaigns = campaigns;
        this.progress = progress;
        this.properties = properties;
        this.exchange = exchange;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    /** Returns the deadlines of every request sent, oldest request first. */
    public List<AgencyDeadline> deadlines() {
        List<AgencyDeadline> deadlines = new ArrayList<>();
        LocalDate today = today();
        for (CampaignAgency surveyed : campaigns.sentRequests()) {
            Campaign campaign = campaigns.find(surveyed.campaignId()).orElseThrow();
            deadlines.add(deadlineOf(progress.progressOf(campaign, surveyed), surveyed, today));
        }
        return deadlines;
    }

    AgencyDeadline deadlineOf(AgencyProgress facts, CampaignAgency surveyed, LocalDate today) {
        LocalDate sentOn = localDate(surveyed.requestSentAt());
        LocalDate firstUnloadOn = facts.firstUnloadAt() == null ? null : localDate(facts.firstUnloadAt());
        long waiting = firstUnloadOn == null ? Math.max(0, ChronoUnit.DAYS.between(sentOn, today)) : 0;
        return new AgencyDeadline(
                surveyed.campaignId(),
                surveyed.agencyCode(),
                facts.agencyName(),
                surveyed.letterNumber(),
                sentOn,
                sentOn.plusDays(exchange.replyDays()),
                waiting,
                surveyed.reminderCount(),
                firstUnloadOn,
                firstUnloadOn == null ? null : firstUnloadOn.plus(properties.analysisPeriod()),
                facts.analysisComplete());
    }

    /** Returns the escalation list for the authorised body as of today. */
    public List<Escalation> escalations() {
        LocalDate today = today();
        List<Escalation> escalations = new ArrayList<>();
        for (AgencyDeadline deadline : deadlines()) {
            escalationOf(deadline, today).ifPresent(escalations::add);
        }
        return escalations;
    }

    Optional<Escalation> escalationOf(AgencyDeadline deadline, LocalDate today) {
        if (!deadline.delivered()) {
            LocalDate escalateOn = deadline.requestSentOn().plusDays(properties.escalateAfterDays());
            return today.isBefore(escalateOn)
                    ? Optional.empty()
                    : Optional.of(entry(deadline, Kind.NO_DELIVERY, escalateOn, today));
        }
        if (deadline.analysisComplete()) {
            return Optional.empty();
        }
        LocalDate due = deadline.analysisDueOn();
        if (today.isAfter(due)) {
            return Optional.of(entry(deadline, Kind.ANALYSIS_OVERDUE, due, today));
        }
        if (!today.isBefore(due.minusDays(properties.analysisWarningDays()))) {
            return Optional.of(entry(deadline, Kind.ANALYSIS_DUE_SOON, due, today));
        }
        return Optional.empty();
    }

    private static Escalation entry(AgencyDeadline deadline, Kind kind, LocalDate dueOn, LocalDate today) {
        return new Escalation(
                deadline.campaignId(),
                deadline.agencyCode(),
                deadline.agencyName(),
                deadline.letterNumber(),
                kind,
                dueOn,
                ChronoUnit.DAYS.between(dueOn, today));
    }

    /** Tells whether the agency is due a reminder today: nothing delivered, and enough days since the last letter. */
    boolean reminderDue(AgencyDeadline deadline, CampaignAgency surveyed, LocalDate today) {
        if (deadline.delivered() || surveyed.reminderCount() >= properties.maxReminders()) {
            return false;
        }
        if (deadline.daysWithoutDelivery() < properties.reminderAfterDays()) {
            return false;
        }
        OffsetDateTime last = surveyed.lastRemindedAt();
        return last == null || ChronoUnit.DAYS.between(localDate(last), today) >= properties.reminderIntervalDays();
    }

    LocalDate localDate(OffsetDateTime time) {
        return time.atZoneSameInstant(properties.zone()).toLocalDate();
    }
}
