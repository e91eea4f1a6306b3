package kz.opendata.hub.approval;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.opendata.hub.mail.MailProperties;
import kz.opendata.hub.store.ApprovalMessageRepository;
import kz.opendata.hub.store.ApprovalMessageRepository.ApprovalMessage;
import kz.opendata.hub.store.AuditLog;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-mails of the approval loop, the survey exchange and the notices of held updates, queued in the database inside
 * the transaction that decided to send them and delivered by the routes {@code approval-outbox}
 * and {@code approval-outbox-send}.
 *
 * <p>Delivery is at least once, always with the Message-ID chosen when the letter was queued. An
 * attempt is counted and claimed in the database before the letter goes to the mail server, and
 * the letter is marked sent after the server accepted it. When the hub stops between the two,
 * the claim runs out after {@code hub.approval.outbox-claim-timeout} and the same bytes, with the
 * same Message-ID, go out again; mail clients and archives show the two copies as one message.
 * A failed attempt is repeated after a back-off that doubles from {@code
 * hub.approval.outbox-retry-delay}; after {@code hub.approval.outbox-max-attempts} attempts the
 * letter is given up and listed for an analyst.
 */
@Service
public class MailOutbox {

    /** Header of the exchange that carries the outbox row id through the sending route. */
    public static final String OUTBOX_ID = "hubOutboxId";

    private static final int BATCH = 50;
    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

    /** Kind of an approval request e-mail, queued by {@link ApprovalWorkflow#queueRequest}. */
    public static final String REQUEST = "request";

    /** Audit action written when a letter of a kind goes out; other kinds write letter-sent. */
    private static final Map<String, String> SENT_ACTIONS = Map.ofEntries(
            Map.entry(REQUEST, "approval-requested"),
            Map.entry(ApprovalWorkflow.RESEND, "approval-requested"),
            Map.entry("hold-notice", "hold-notice-sent"),
            Map.entry("reminder", "reminder-sent"),
            Map.entry("unregistered-sender-reply", "unregistered-sender-answered"),
            Map.entry("recommendations", "recommendations-sent"),
            Map.entry("recommendation-answers", "recommendation-answers-forwarded"),
            Map.entry("commission-package", "commission-package-sent"),
            Map.entry("survey-request", "request-mail-sent"),
            Map.entry("survey-reminder", "reminder-mail-sent"),
            Map.entry("escalation-list", "escalation-list-mail-sent"),
            Map.entry("inventory-reply", "inventory-problems-mail-sent"));

    /** Audit category of the sent record of a kind, when it is not approval. */
    private static final Map<String, String> SENT_CATEGORIES = Map.of(
            "hold-notice", "publication",
            "survey-request", "survey-dispatch",
            "inventory-reply", "survey-dispatch",
            "survey-reminder", "deadlines",
            "escalation-list", "deadlines");

    private final OutboxRepository outbox;
    private final ApprovalMessageRepository messages;
    private final AuditLog audit;
    private final MailProperties mail;
    private final ApprovalProperties settings;
    private final Clock clock;

    MailOutbox(
            OutboxRepository outbox,
            ApprovalMessageRepository messages,
            AuditLog audit,
            MailProperties mail,
            ApprovalProperties settings,
            Clock clock) {
        this.outbox = outbox;
        this.messages = messages;
        this.audit = audit;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Queues a letter. A letter about a passport is recorded at once as an outgoing approval
     * message, so a reply that arrives before the send is recorded still finds it.
     */
    @Transactional
    public void queue(OutgoingLetter letter) throws MessagingException {
        store(
                new OutboxRepository.Entry(
                        letter.messageId(),
                        letter.kind(),
                        letter.passportId(),
                        letter.auditSubject(),
                        letter.auditSubjectId(),
                        letter.recipients(),
                        letter.inReplyTo(),
                        letter.letter().subject()),
                LetterComposer.compose(letter, mail.address()));
    }

    /**
     * Queues a message composed elsewhere, with the Message-ID it carries. Like {@link
     * #queue(OutgoingLetter)}, a message about a passport is recorded at once as an outgoing
     * approval message.
     *
     * @param kind what the message is, such as {@link #REQUEST}
     * @param auditSubject subject type of the audit record written when it goes out
     * @param auditSubjectId id of that subject
     * @return the outbox row id, for {@code approval-outbox-send}
     */
    @Transactional
    public long queueMessage(
            String kind, Long passportId, String auditSubject, String auditSubjectId, MimeMessage message)
            throws MessagingException {
        List<String> recipients = new ArrayList<>();
        for (Address address : message.getAllRecipients()) {
            recipients.add(((InternetAddress) address).getAddress().toLowerCase(Locale.ROOT));
        }
        String inReplyTo = message.getHeader("In-Reply-To", null);
        OutboxRepository.Entry entry = new OutboxRepository.Entry(
                message.getMessageID(),
                kind,
                passportId,
                auditSubject,
                auditSubjectId,
                recipients,
                inReplyTo,
                message.getSubject());
        return store(entry, LetterComposer.bytes(message));
    }

    private long store(OutboxRepository.Entry entry, byte[] mime) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = outbox.insert(entry, mime, now);
        if (entry.passportId() != null) {
            messages.insert(
                    new ApprovalMessage(
                            entry.passportId(),
                            ApprovalMessageRepository.OUT,
                            entry.messageId(),
                            entry.inReplyTo(),
                            mail.address(),
                            entry.subject(),
                            null,
                            null,
                            null,
                            null),
                    entry.kind(),
                    null,
                    now);
        }
        LOG.debug("Letter {} ({}) queued as outbox row {}", entry.messageId(), entry.kind(), id);
        return id;
    }

    /** Returns whether a letter with this Message-ID was ever queued. */
    boolean contains(String messageId) {
        return outbox.contains(messageId);
    }

    /** Ids of the letters due to be sent, oldest first. */
    public List<Long> pending() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return outbox.pending(now, now.minus(settings.outboxClaimTimeout()), BATCH);
    }

    /**
     * Claims a queued letter, counts the attempt, and returns the letter ready to send. A letter
     * whose attempts all ended in a crash, so that no failure was recorded, is given up here.
     *
     * @return the message, or null when another run sent or claimed it meanwhile, or it was given up
     */
    public MimeMessage claim(@Header(OUTBOX_ID) long id) throws MessagingException {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!outbox.claim(id, now, now.minus(settings.outboxClaimTimeout()))) {
            return null;
        }
        OutboxRepository.Row row = outbox.find(id).orElseThrow();
        if (row.attempts() > settings.outboxMaxAttempts()) {
            giveUp(row, "every attempt ended before the mail server answered (the hub stopped while sending)");
            return null;
        }
        return LetterComposer.read(row.mime());
    }

    /** Records that the mail server accepted the letter. */
    @Transactional
    public void markSent(@Header(OUTBOX_ID) long id) {
        OutboxRepository.Row row = outbox.find(id).orElseThrow();
        OffsetDateTime now = OffsetDateTime.now(clock);
        outbox.markSent(id, now);
        messages.markOutgoingSent(row.messageId(), now);
        audit.record(
                SENT_CATEGORIES.getOrDefault(row.kind(), "approval"),
                SENT_ACTIONS.getOrDefault(row.kind(), "letter-sent"),
                row.auditSubject() == null ? "mail" : row.auditSubject(),
                row.auditSubjectId() == null ? row.messageId() : row.auditSubjectId(),
                "messageId=" + row.messageId() + " kind=" + row.kind() + " to=" + row.recipients());
        LOG.info("Letter {} ({}) sent", row.messageId(), row.kind());
    }

    /**
     * Records a failed attempt. The letter is tried again after the back-off until {@code
     * hub.approval.outbox-max-attempts} attempts failed; then it is given up and audited.
     */
    @Transactional
    public void recordFailure(
            @Header(OUTBOX_ID) long id, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        OutboxRepository.Row row = outbox.find(id).orElseThrow();
        String error =
                failure == null ? "unknown error" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (row.attempts() >= settings.outboxMaxAttempts()) {
            giveUp(row, error);
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Duration delay = backOff(row.attempts());
        outbox.recordFailure(id, error, now, now.plus(delay), false);
        LOG.warn(
                "Sending letter {} ({}) failed, attempt {} of {}; it is tried again in {}s: {}",
                row.messageId(),
                row.kind(),
                row.attempts(),
                settings.outboxMaxAttempts(),
                delay.toSeconds(),
                LogText.withoutAddresses(error));
    }

    /** Returns the wait after the given number of failed attempts: doubling, at most the maximum. */
    Duration backOff(int attempts) {
        Duration delay = settings.outboxRetryDelay();
        for (int i = 1; i < attempts && delay.compareTo(settings.outboxMaxRetryDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.outboxMaxRetryDelay()) < 0 ? delay : settings.outboxMaxRetryDelay();
    }

    private void giveUp(OutboxRepository.Row row, String error) {
        outbox.recordFailure(row.id(), error, OffsetDateTime.now(clock), null, true);
        audit.record(
                "approval",
                "letter-failed",
                "mail",
                row.messageId(),
                "kind=" + row.kind() + " attempts=" + row.attempts() + " error=" + LogText.withoutAddresses(error));
        LOG.error(
                "Letter {} ({}) given up after {} attempts: {}; fix the mail server settings under hub.mail and"
                        + " queue it again with POST /api/outbox/{}/retry",
                row.messageId(),
                row.kind(),
                row.attempts(),
                LogText.withoutAddresses(error),
                row.id());
    }

    /**
     * Lists letters in one delivery state, newest first, with addresses removed from errors.
     *
     * @param state {@code pending}, {@code failed} or {@code sent}
     */
    public List<OutboxRepository.Listed> list(String state, int limit) {
        return outbox.list(state, limit).stream()
                .map(letter -> new OutboxRepository.Listed(
                        letter.id(),
                        letter.messageId(),
                        letter.kind(),
                        letter.passportId(),
                        letter.attempts(),
                        LogText.withoutAddresses(letter.lastError()),
                        letter.queuedAt(),
                        letter.nextAttemptAt(),
                        letter.sentAt(),
                        letter.failedAt()))
                .toList();
    }

    /** Number of letters given up, for the health endpoint. */
    public long countFailed() {
        return outbox.countFailed();
    }

    /** Queues a given-up letter again, with the same Message-ID; false when it was not given up. */
    @Transactional
    public boolean retry(long id) {
        boolean requeued = outbox.requeue(id);
        if (requeued) {
            audit.record("approval", "letter-requeued", "mail", String.valueOf(id), "outbox row " + id);
            LOG.info("Outbox row {} queued again by an analyst", id);
        }
        return requeued;
    }

    /** Returns whether the outbox has a row with this id, in any state. */
    public boolean exists(long id) {
        return outbox.find(id).isPresent();
    }

    /** Returns whether a letter of this kind replying to this Message-ID was queued before. */
    boolean answered(String kind, String inReplyTo) {
        return outbox.answered(kind, inReplyTo);
    }

    /** Returns whether a letter of this kind went to this one address since {@code since}. */
    boolean sentTo(String kind, String address, OffsetDateTime since) {
        return outbox.queuedSince(kind, address, since);
    }
}
