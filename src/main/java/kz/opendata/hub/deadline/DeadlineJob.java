package kz.opendata.hub.deadline;

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
import kz.opendata.hub.exchange.LetterTexts;
import kz.opendata.hub.exchange.MailComposer;
import kz.opendata.hub.exchange.OutgoingMail;
import kz.opendata.hub.exchange.Recipients;
import kz.opendata.hub.exchange.RequestLetterRepository;
import kz.opendata.hub.exchange.RequestLetterRepository.SentLetter;
import kz.opendata.hub.exchange.RequestLetterService;
import kz.opendata.hub.store.AuditLog;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.component.mail.MailConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of the daily {@code deadlines-daily} route: record analysis limits and passed
 * deadlines once each, remind agencies that delivered nothing, and send the authorised body the
 * escalation list when it gained entries.
 */
@Component("deadlineJob")
public class DeadlineJob {

    /** Exchange property that carries a {@link Reminder} through the route. */
    public static final String REMINDER_PROPERTY = "hubReminder";

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineJob.class);

    private final DeadlineService deadlines;
    private final DeadlineEventRepository events;
    private final CampaignRepository campaigns;
    private final AgencyRegistry agencies;
    private final Recipients recipients;
    private final MailComposer composer;
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
            MailComposer composer,
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
        this.composer = composer;
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
     * @return how many escalations were recorded for the first time
     */
    public int recordDeadlines() {
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
                composer.newMessageId("reminder"),
                null);
        return new Reminder(surveyed.campaignId(), surveyed.agencyCode(), surveyed.letterNumber(), language, mail);
    }

    public OutgoingMail reminderMail(@ExchangeProperty(REMINDER_PROPERTY) Reminder reminder) {
        return reminder.mail();
    }

    /** Records a sent reminder with its Message-ID. */
    public void reminderSent(
            @ExchangeProperty(REMINDER_PROPERTY) Reminder reminder,
            @Header(MailConstants.MAIL_MESSAGE_ID) String sentMessageId) {
        String messageId = sentMessageId == null ? reminder.mail().messageId() : sentMessageId;
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
        LOG.info(
                "Reminder about request {} sent to agency {} as {}",
                reminder.letterNumber(),
                reminder.agencyCode(),
                messageId);
    }

    /**
     * Returns the escalation e-mail for the authorised body: one when this run recorded a new
     * escalation and recipients are configured, none otherwise.
     */
    public List<OutgoingMail> escalationMail(@ExchangeProperty("hubNewEscalations") Integer newEscalations) {
        if (newEscalations == null
                || newEscalations == 0
                || properties.escalationRecipients().isEmpty()) {
            return List.of();
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
                composer.newMessageId("escalation"),
                null);
        audit.record(
                "deadlines",
                "escalation-list-sent",
                "escalation-list",
                today,
                "messageId=" + mail.messageId() + " entries=" + lines.size());
        return List.of(mail);
    }
}
