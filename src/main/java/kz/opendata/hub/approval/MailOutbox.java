package kz.opendata.hub.approval;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
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
 * Letters the hub sends on its own, queued in the database inside the transaction that decided
 * to send them and sent by the route {@code approval-outbox}. A letter is sent at least once: when
 * the hub stops between the mail server's acceptance and the record of it, the letter goes out
 * again on the next run.
 */
@Service
public class MailOutbox {

    /** Header of the exchange that carries the outbox row id through the sending route. */
    public static final String OUTBOX_ID = "hubOutboxId";

    /** How long a started send blocks other sends of the same letter. */
    private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(5);

    private static final int BATCH = 50;
    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

    /** Audit action written when a letter of a kind goes out; other kinds write letter-sent. */
    private static final Map<String, String> SENT_ACTIONS = Map.of(
            "reminder", "reminder-sent",
            "unregistered-sender-reply", "unregistered-sender-answered",
            "recommendations", "recommendations-sent",
            "recommendation-answers", "recommendation-answers-forwarded",
            "commission-package", "commission-package-sent");

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
        OffsetDateTime now = OffsetDateTime.now(clock);
        outbox.insert(letter, LetterComposer.compose(letter, mail.address()), now);
        if (letter.passportId() != null) {
            messages.insert(
                    new ApprovalMessage(
                            letter.passportId(),
                            ApprovalMessageRepository.OUT,
                            letter.messageId(),
                            letter.inReplyTo(),
                            mail.address(),
                            letter.letter().subject(),
                            null,
                            null,
                            null,
                            null),
                    letter.kind(),
                    null,
                    now);
        }
        LOG.debug("Letter {} ({}) queued", letter.messageId(), letter.kind());
    }

    /** Ids of the letters waiting to be sent, oldest first. */
    public List<Long> pending() {
        return outbox.pending(OffsetDateTime.now(clock).minus(CLAIM_TIMEOUT), BATCH);
    }

    /**
     * Claims a queued letter and returns it ready to send.
     *
     * @return the message, or null when another run sent or claimed it meanwhile
     */
    public MimeMessage claim(@Header(OUTBOX_ID) long id) throws MessagingException {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!outbox.claim(id, now, now.minus(CLAIM_TIMEOUT))) {
            return null;
        }
        return LetterComposer.read(outbox.find(id).orElseThrow().mime());
    }

    /** Records that the mail server accepted the letter. */
    @Transactional
    public void markSent(@Header(OUTBOX_ID) long id) {
        OutboxRepository.Row row = outbox.find(id).orElseThrow();
        OffsetDateTime now = OffsetDateTime.now(clock);
        outbox.markSent(id, now);
        messages.markOutgoingSent(row.messageId(), now);
        audit.record(
                "approval",
                SENT_ACTIONS.getOrDefault(row.kind(), "letter-sent"),
                row.auditSubject() == null ? "mail" : row.auditSubject(),
                row.auditSubjectId() == null ? row.messageId() : row.auditSubjectId(),
                "messageId=" + row.messageId() + " kind=" + row.kind() + " to=" + row.recipients());
        LOG.info("Letter {} ({}) sent", row.messageId(), row.kind());
    }

    /**
     * Records a failed send. The letter is tried again on the next run until {@code
     * hub.approval.outbox-max-attempts} attempts failed; then it is given up and audited.
     */
    @Transactional
    public void recordFailure(
            @Header(OUTBOX_ID) long id, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        OutboxRepository.Row row = outbox.find(id).orElseThrow();
        boolean giveUp = row.attempts() + 1 >= settings.outboxMaxAttempts();
        String error =
                failure == null ? "unknown error" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        outbox.recordFailure(id, error, OffsetDateTime.now(clock), giveUp);
        if (giveUp) {
            audit.record(
                    "approval",
                    "letter-failed",
                    "mail",
                    row.messageId(),
                    "kind=" + row.kind() + " attempts=" + (row.attempts() + 1) + " error=" + error);
            LOG.error(
                    "Letter {} ({}) given up after {} failed attempts: {}; fix the mail server settings under"
                            + " hub.mail and queue it again",
                    row.messageId(),
                    row.kind(),
                    row.attempts() + 1,
                    LogText.withoutAddresses(error));
        } else {
            LOG.warn(
                    "Sending letter {} ({}) failed, attempt {} of {}; it is tried again on the next run: {}",
                    row.messageId(),
                    row.kind(),
                    row.attempts() + 1,
                    settings.outboxMaxAttempts(),
                    LogText.withoutAddresses(error));
        }
    }

    /** Whether a letter of this kind answering this Message-ID was queued before. */
    boolean answered(String kind, String inReplyTo) {
        return outbox.answered(kind, inReplyTo);
    }

    /** Whether a letter of this kind went to this one address since {@code since}. */
    boolean sentTo(String kind, String address, OffsetDateTime since) {
        return outbox.queuedSince(kind, address, since);
    }
}
