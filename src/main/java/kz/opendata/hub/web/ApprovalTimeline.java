package kz.opendata.hub.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import kz.opendata.hub.store.ApprovalMessageRepository;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.AuditLog.AuditEvent;
import org.springframework.stereotype.Service;

/**
 * The approval history of one passport: approval e-mails out and in, reminders, escalations, the
 * commission round's letters, and the analysts' send requests, oldest first.
 */
@Service
public class ApprovalTimeline {

    private static final List<String> APPROVAL_ACTIONS =
            List.of("send-requested", "approval-requested", "reminder-sent", Entry.ESCALATION);

    /** Timeline kind of each kind the approval side stores for an outgoing message. */
    private static final Map<String, String> OUTGOING = Map.of(
            "request", Entry.SENT,
            "resend", Entry.RESENT,
            "reminder", Entry.REMINDER,
            "recommendations", Entry.COMMISSION_SENT,
            "recommendation-answers", Entry.COMMISSION_SENT,
            "commission-package", Entry.COMMISSION_SENT,
            "unregistered-sender-reply", Entry.UNREGISTERED_SENDER_ANSWERED);

    /** Timeline kind of each kind the approval side stores for a received message. */
    private static final Map<String, String> RECEIVED = Map.of(
            "reply", Entry.RECEIVED,
            "auto-reply", Entry.AUTO_REPLY,
            "own-message", Entry.OWN_MESSAGE,
            "recommendations", Entry.COMMISSION_RECEIVED,
            "recommendation-answers", Entry.COMMISSION_RECEIVED);

    private final ApprovalMessageRepository messages;
    private final AuditLog audit;

    ApprovalTimeline(ApprovalMessageRepository messages, AuditLog audit) {
        this.messages = messages;
        this.audit = audit;
    }

    public List<Entry> of(long passportId) {
        List<Entry> entries = new ArrayList<>();
        for (ApprovalMessageRepository.Entry message : messages.entries(passportId)) {
            entries.add(new Entry(
                    message.sentAt() != null ? message.sentAt() : message.recordedAt(),
                    kind(message),
                    message.sender(),
                    message.subject(),
                    message.decision(),
                    message.decisiveSentence()));
        }
        for (AuditEvent event : audit.forSubject("passport", passportId)) {
            if (APPROVAL_ACTIONS.contains(event.action())) {
                entries.add(new Entry(event.occurredAt(), event.action(), event.actor(), null, null, null));
            }
        }
        entries.sort(Comparator.comparing(Entry::time, Comparator.nullsLast(Comparator.naturalOrder())));
        return entries;
    }

    /**
     * Returns the timeline kind of a stored message. Rows recorded before the approval side stored
     * kinds have none: they are requests when sent and replies when received. A kind added later
     * and missing from the maps is shown as stored.
     */
    static String kind(ApprovalMessageRepository.Entry message) {
        boolean outgoing = ApprovalMessageRepository.OUT.equals(message.direction());
        if (message.kind() == null) {
            return outgoing ? Entry.SENT : Entry.RECEIVED;
        }
        return (outgoing ? OUTGOING : RECEIVED).getOrDefault(message.kind(), message.kind());
    }

    /**
     * One step of the approval.
     *
     * @param time when the e-mail was sent or the action taken. A letter still queued, or a
     *     received message without a date, shows the time the hub recorded it.
     * @param kind one of the constants below, or an audit action such as {@code send-requested}.
     *     The dashboard shows the label {@code timeline.KIND} of the ui bundle.
     * @param who the sender's address, or the user name of the analyst who acted
     * @param decision the decision read from a received reply, null otherwise
     */
    public record Entry(
            OffsetDateTime time, String kind, String who, String subject, String decision, String decisiveSentence) {

        public static final String SENT = "sent";
        public static final String RESENT = "resent";
        public static final String REMINDER = "reminder";
        public static final String ESCALATION = "approval-escalated";
        public static final String COMMISSION_SENT = "commission-sent";
        public static final String COMMISSION_RECEIVED = "commission-received";
        public static final String UNREGISTERED_SENDER_ANSWERED = "unregistered-sender-answered";
        public static final String RECEIVED = "received";
        public static final String AUTO_REPLY = "auto-reply";
        public static final String OWN_MESSAGE = "own-message";
    }
}
