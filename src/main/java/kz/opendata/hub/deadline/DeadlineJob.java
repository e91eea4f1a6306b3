package kz.opendata.hub.deadline;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.campaign.CampaignAgency;
import kz.opendata.hub.campaign.CampaignRepository;
import kz.opendata.hub.deadline.Escalation.Kind;
import kz.opendata.hub.exchange.ExchangeMail;
import kz.opendata.hub.exchange.LetterTexts;
import kz.opendata.hub.exchange.OutgoingMail;
import kz.opendata.hub.exchange.Recipients;
import kz.opendata.hub.exchange.RequestLetterRepository;
import kz.opendata.hub.exchange.RequestLetterRepository.SentLetter;
import kz.opendata.hub.exchange.RequestLetterService;
import kz.opendata.hub.store.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the daily {@code deadlines-daily} route: record analysis limits and passed
 * deadlines once each, remind agencies that delivered nothing, and send the authorised body the
 * escalation list when it gained entries.
 */
@Component("deadlineJob")
public class DeadlineJob {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineJob.class);

    private final DeadlineService deadlines;
    private final DeadlineEventRepository events;
    private final CampaignRepository campaigns;
    private final AgencyRegistry agencies;
    private final Recipients recipients;
    private final ExchangeMail exchangeMail;
    private final RequestLetterService letters;
    private final RequestLetterRepository sentLetters;
    private final DeadlineProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    DeadlineJob(
            DeadlineService deadlines,
            DeadlineEventRepository events,
            CampaignRepository campaigns,
            AgencyRegistry agencies,
            Recipients recipients,
            ExchangeMail exchangeMail,
            RequestLetterService letters,
            RequestLetterRepository sentLetters,
            DeadlineProperties properties,
            AuditLog audit,
            Clock clock) {
        this.deadlines = deadlines;
        this.events = events;
        this.campaigns = campaigns;
        this.agencies = agencies;
        this.recipients = recipients;
        this.exchangeMail = exchangeMail;
        this.letters = letters;
        this.sentLetters = sentLetters;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** A reminder due today, with the e-mail that carries it. */
    public record Reminder(
            long campaignId, String agencyCode, String letterNumber, String language, OutgoingMail mail) {}

    /**
     * Records each analysis limit when the first unload sets it, and each escalation the first
     * day it applies.
     *
     * <p>When escalations were recorded for the first time and recipients are configured, the
     * escalation list is queued for the authorised body in the same transaction. A crash then
     * loses no list, and a second run the same day queues none.
     *
     * @return how many escalations were recorded for the first time
     */
    @Transactional(rollbackFor = Exception.class)
    public int recordDeadlines() throws MessagingException {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (AgencyDeadline deadline : deadlines.deadlines()) {
            if (deadline.delivered()) {
                record(
                        deadline.campaignId(),
                        deadline.agencyCode(),
                        DeadlineEventRepository.ANALYSIS_DEADLINE_SET,
                        deadline.analysisDueOn(),
                        now,
                        "firstUnloadOn=" + deadline.firstUnloadOn() + " period=" + properties.analysisPeriod());
            }
        }
        int recorded = 0;
        for (Escalation escalation : deadlines.escalations()) {
            if (record(
                    escalation.campaignId(),
                    escalation.agencyCode(),
                    eventKind(escalation.kind()),
                    escalation.dueOn(),
                    now,
                    "days=" + escalation.days() + " letter=" + escalation.letterNumber())) {
                recorded++;
                LOG.warn(
                        "Campaign {}, agency {}: {} (deadline {})",
                        escalation.campaignId(),
                        escalation.agencyCode(),
                        escalation.kind().code(),
                        escalation.dueOn());
            }
        }
        if (recorded > 0) {
            queueEscalationList();
        }
        return recorded;
    }

    private boolean record(
            long campaignId, String agencyCode, String kind, LocalDate dueOn, OffsetDateTime now, String evidence) {
        boolean first = events.recordOnce(campaignId, agencyCode, kind, dueOn, now, evidence);
        if (first) {
            audit.record(
                    "deadlines",
                    kind,
                    "campaign-agency",
                    campaignId + "/" + agencyCode,
                    "dueOn=" + dueOn + " " + evidence);
        }
        return first;
    }

    private static String eventKind(Kind kind) {
        return switch (kind) {
            case NO_DELIVERY -> DeadlineEventRepository.DELIVERY_OVERDUE;
            case ANALYSIS_OVERDUE -> DeadlineEventRepository.ANALYSIS_OVERDUE;
            case ANALYSIS_DUE_SOON -> DeadlineEventRepository.ANALYSIS_DUE_SOON;
        };
    }

    /** Lists the reminders due today. */
    public List<Reminder> dueReminders() {
        LocalDate today = deadlines.today();
        Map<String, AgencyDeadline> byRequest = new HashMap<>();
        for (AgencyDeadline deadline : deadlines.deadlines()) {
            byRequest.put(deadline.campaignId() + "/" + deadline.agencyCode(), deadline);
        }
        List<Reminder> due = new ArrayList<>();
        for (CampaignAgency surveyed : campaigns.sentRequests()) {
            AgencyDeadline deadline = byRequest.get(surveyed.campaignId() + "/" + surveyed.agencyCode());
            if (deadline != null && deadlines.reminderDue(deadline, surveyed, today)) {
                due.add(reminder(surveyed, deadline));
            }
        }
        return due;
    }

    private Reminder reminder(CampaignAgency surveyed, AgencyDeadline deadline) {
        String language =
                agencies.find(surveyed.agencyCode()).map(Agency::language).orElse("ru");
        LetterTexts texts = LetterTexts.of(language);
        String sentOn = LetterTexts.date(deadline.requestSentOn());
        OutgoingMail mail = new OutgoingMail(
                recipients.of(surveyed.agencyCode()),
                texts.text("mail.reminder.subject", surveyed.letterNumber(), sentOn),
                texts.text("mail.reminder.body", surveyed.letterNumber(), sentOn, letters.integratorName(language)),
                null,
                exchangeMail.newMessageId("reminder"),
                null);
        return new Reminder(surveyed.campaignId(), surveyed.agencyCode(), surveyed.letterNumber(), language, mail);
    }

    /** Records a reminder as sent, with its Message-ID, and queues its e-mail in the same transaction. */
    @Transactional(rollbackFor = Exception.class)
    public void remind(Reminder reminder) throws MessagingException {
        String messageId = reminder.mail().messageId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        campaigns.recordReminder(reminder.campaignId(), reminder.agencyCode(), now);
        sentLetters.insert(new SentLetter(
                reminder.campaignId(),
                reminder.agencyCode(),
                RequestLetterRepository.REMINDER,
                messageId,
                reminder.language(),
                reminder.mail().to().size(),
                null,
                null,
                now));
        audit.record(
                "deadlines",
                "reminder-sent",
                "campaign-agency",
                reminder.campaignId() + "/" + reminder.agencyCode(),
                "messageId=" + messageId + " letter=" + reminder.letterNumber() + " recipients="
                        + reminder.mail().to().size());
        exchangeMail.queue(
                ExchangeMail.REMINDER,
                "campaign-agency",
                reminder.campaignId() + "/" + reminder.agencyCode(),
                reminder.language(),
                reminder.mail());
        LOG.info(
                "Reminder about request {} to agency {} recorded; its e-mail {} waits in the mail outbox",
                reminder.letterNumber(),
                reminder.agencyCode(),
                messageId);
    }

    private void queueEscalationList() throws MessagingException {
        if (properties.escalationRecipients().isEmpty()) {
            return;
        }
        LetterTexts texts = LetterTexts.of(properties.escalationLanguage());
        List<String> lines = new ArrayList<>();
        for (Escalation escalation : deadlines.escalations()) {
            lines.add("- "
                    + texts.text(
                            "mail.escalation." + escalation.kind().code(),
                            escalation.campaignId(),
                            escalation.letterNumber(),
                            escalation.agencyName(),
                            escalation.days(),
                            LetterTexts.date(escalation.dueOn())));
        }
        String today = LetterTexts.date(deadlines.today());
        OutgoingMail mail = new OutgoingMail(
                properties.escalationRecipients(),
                texts.text("mail.escalation.subject", today),
                texts.text(
                        "mail.escalation.body",
                        String.join("\n", lines),
                        letters.integratorName(properties.escalationLanguage())),
                null,
                exchangeMail.newMessageId("escalation"),
                null);
        audit.record(
                "deadlines",
                "escalation-list-sent",
                "escalation-list",
                today,
                "messageId=" + mail.messageId() + " entries=" + lines.size());
        exchangeMail.queue(ExchangeMail.ESCALATION, "escalation-list", today, properties.escalationLanguage(), mail);
    }
}
