package kz.opendata.hub.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.passport.Language;
import kz.opendata.hub.passport.LocalizedText;
import kz.opendata.hub.store.ApprovalMessageRepository;
import kz.opendata.hub.store.ApprovalMessageRepository.Entry;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds agencies of approval requests they left unanswered, and escalates a passport to an
 * analyst after the last reminder. Run daily by the route {@code approval-reminders}.
 *
 * <p>A reminder goes out when {@code hub.approval.reminder-after-days} passed since the last
 * contact about the passport version: the request, the last reminder, or a reply from a
 * registered contact that decided nothing. It threads with the request (In-Reply-To the request,
 * References the request and earlier reminders) and carries the same token in its subject, so a
 * reply to it decides like a reply to the request. After {@code hub.approval.max-reminders}
 * reminders the passport is escalated once, listed at {@code GET /api/approval/escalations}.
 * Days are whole periods of 24 hours on the hub's clock, weekends included.
 */
@Service
public class ApprovalReminders {

    static final String KIND = "reminder";

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalReminders.class);
    /** Received replies that count as the agency's contact; the others decide nothing about it. */
    private static final Set<String> CONTACT_DECISIONS = Set.of("approved", "rejected", "changes-requested", "unclear");

    private final PassportRepository passports;
    private final ApprovalMessageRepository messages;
    private final EscalationRepository escalations;
    private final HeldApprovalRepository held;
    private final AgencyRegistry agencies;
    private final ApprovalTexts texts;
    private final MailOutbox outbox;
    private final ApprovalProperties settings;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ApprovalReminders(
            PassportRepository passports,
            ApprovalMessageRepository messages,
            EscalationRepository escalations,
            HeldApprovalRepository held,
            AgencyRegistry agencies,
            ApprovalTexts texts,
            MailOutbox outbox,
            ApprovalProperties settings,
            AuditLog audit,
            ObjectMapper json,
            Clock clock,
            TransactionTemplate transaction) {
        this.passports = passports;
        this.messages = messages;
        this.escalations = escalations;
        this.held = held;
        this.agencies = agencies;
        this.texts = texts;
        this.outbox = outbox;
        this.settings = settings;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** The counts of one run: reminders queued, passports escalated, and passports that failed. */
    public record Run(int reminders, int escalations, int failures) {}

    /** Sends the reminders that are due and escalates passports; each passport in its own transaction. */
    public Run run() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int reminded = 0;
        int escalated = 0;
        int failed = 0;
        for (PassportRecord passport : passports.findByStatus(PassportRecord.SENT)) {
            String step;
            try {
                step = transaction.execute(status -> remind(passport, now));
            } catch (RuntimeException e) {
                // One passport whose agency lost its contacts must not stop the reminders of the others.
                LOG.error(
                        "Reminder for passport {} failed and is tried again on the next run: {}",
                        passport.id(),
                        LogText.withoutAddresses(e.getMessage()));
                failed++;
                continue;
            }
            reminded += KIND.equals(step) ? 1 : 0;
            escalated += "escalation".equals(step) ? 1 : 0;
        }
        LOG.info("Approval reminders: {} sent, {} passports escalated, {} failed", reminded, escalated, failed);
        return new Run(reminded, escalated, failed);
    }

    private String remind(PassportRecord passport, OffsetDateTime now) {
        List<Entry> entries = messages.entries(passport.id());
        Optional<Entry> request = entries.stream()
                .filter(e -> ApprovalMessageRepository.OUT.equals(e.direction()) && "request".equals(e.kind()))
                .findFirst();
        boolean approvalHeld = held.find(passport.id()).filter(h -> h.isOpen()).isPresent();
        if (request.isEmpty() || approvalHeld) {
            return null;
        }
        List<Entry> reminders = entries.stream()
                .filter(e -> ApprovalMessageRepository.OUT.equals(e.direction()) && KIND.equals(e.kind()))
                .toList();
        OffsetDateTime lastContact = lastContact(request.get(), entries);
        if (now.isBefore(lastContact.plus(Duration.ofDays(settings.reminderAfterDays())))) {
            return null;
        }
        if (reminders.size() < settings.maxReminders()) {
            queueReminder(passport, request.get(), reminders);
            return KIND;
        }
        if (escalations.exists(passport.id())) {
            return null;
        }
        escalate(passport, reminders.size(), lastContact, now);
        return "escalation";
    }

    private static OffsetDateTime lastContact(Entry request, List<Entry> entries) {
        return entries.stream()
                .filter(e -> e.id() >= request.id())
                .filter(e -> KIND.equals(e.kind())
                        || ApprovalWorkflow.REQUEST.equals(e.kind())
                        || ApprovalWorkflow.RESEND.equals(e.kind())
                        || ApprovalMessageRepository.IN.equals(e.direction())
                                && CONTACT_DECISIONS.contains(e.decision()))
                .map(Entry::recordedAt)
                .max(Comparator.naturalOrder())
                .orElse(request.recordedAt());
    }

    private void queueReminder(PassportRecord passport, Entry request, List<Entry> reminders) {
        Agency agency = agencies.find(passport.agencyCode()).orElseThrow();
        String language = agency.language();
        Letter letter = texts.reminder(
                language,
                agency.name(language),
                title(passport, language),
                passport.version(),
                passport.replyToken(),
                request.recordedAt().atZoneSameInstant(clock.getZone()).toLocalDate());
        List<String> references = new ArrayList<>();
        references.add(request.messageId());
        reminders.forEach(reminder -> references.add(reminder.messageId()));
        String label = passport.replyToken() + ".reminder-" + (reminders.size() + 1);
        try {
            outbox.queue(new OutgoingLetter(
                    KIND,
                    passport.id(),
                    "passport",
                    String.valueOf(passport.id()),
                    MessageIds.create(label, settings.messageIdHost()),
                    agency.approvalAddresses(),
                    List.of(),
                    letter,
                    language,
                    request.messageId(),
                    references,
                    OutgoingLetter.AUTO_GENERATED,
                    List.of()));
        } catch (MessagingException e) {
            throw new IllegalStateException("passport " + passport.id() + ": the reminder could not be composed", e);
        }
        audit.record(
                "approval",
                "reminder-queued",
                "passport",
                passport.id(),
                "number=" + (reminders.size() + 1) + " inReplyTo=" + request.messageId());
        LOG.info("Reminder {} queued for passport {}", reminders.size() + 1, passport.id());
    }

    private void escalate(PassportRecord passport, int reminders, OffsetDateTime lastContact, OffsetDateTime now) {
        escalations.insert(passport.id(), now, reminders, lastContact);
        audit.record(
                "approval",
                "approval-escalated",
                "passport",
                passport.id(),
                "reminders=" + reminders + " lastContact=" + lastContact + " sentAt=" + passport.sentAt());
        LOG.warn(
                "Passport {} is unanswered after {} reminders; escalated to an analyst, see"
                        + " GET /api/approval/escalations",
                passport.id(),
                reminders);
    }

    private String title(PassportRecord passport, String language) {
        try {
            Map<String, String> names = json.convertValue(
                    json.readTree(passport.passportJson()).path("general").path("fullName"),
                    json.getTypeFactory().constructMapType(Map.class, String.class, String.class));
            String title = LocalizedText.pick(names, Language.fromCode(language));
            return title == null ? passport.title() : title;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("passport " + passport.id() + ": the stored document is not JSON", e);
        }
    }
}
