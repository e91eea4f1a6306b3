package kz.opendata.hub.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kz.opendata.hub.store.ApprovalMessageRepository;
import kz.opendata.hub.store.ApprovalMessageRepository.ApprovalMessage;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.AuditLog.AuditEvent;
import org.springframework.stereotype.Service;

/**
 * The approval history of one passport: approval e-mails out and in, reminders, and the
 * analysts' send requests, oldest first.
 */
@Service
public class ApprovalTimeline {

    private static final List<String> APPROVAL_ACTIONS =
            List.of("send-requested", "approval-requested", "reminder-sent");

    private final ApprovalMessageRepository messages;
    private final AuditLog audit;

    ApprovalTimeline(ApprovalMessageRepository messages, AuditLog audit) {
        this.messages = messages;
        this.audit = audit;
    }

    public List<Entry> of(long passportId) {
        List<Entry> entries = new ArrayList<>();
        boolean firstOutgoingSeen = false;
        for (ApprovalMessage message : messages.forPassport(passportId)) {
            boolean outgoing = ApprovalMessageRepository.OUT.equals(message.direction());
            // NOTE: an outgoing message after the first one is taken for a reminder, because the
            // approval table has no column that marks reminders.
            String kind = Entry.RECEIVED;
            if (outgoing) {
                kind = firstOutgoingSeen ? Entry.REMINDER : Entry.SENT;
            }
            firstOutgoingSeen |= outgoing;
            entries.add(new Entry(
                    message.sentAt(),
                    kind,
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
     * One step of the approval.
     *
     * @param time when the e-mail was sent or the action taken; null when the message carried no date
     * @param kind {@value #SENT}, {@value #REMINDER}, {@value #RECEIVED}, or an audit action such as
     *     {@code send-requested}
     * @param who the sender's address, or the user name of the analyst who acted
     * @param decision the decision read from a received reply, null otherwise
     */
    public record Entry(
            OffsetDateTime time, String kind, String who, String subject, String decision, String decisiveSentence) {

        public static final String SENT = "sent";
        public static final String REMINDER = "reminder";
        public static final String RECEIVED = "received";
    }
}
