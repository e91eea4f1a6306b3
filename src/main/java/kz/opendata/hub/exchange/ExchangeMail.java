package kz.opendata.hub.exchange;

import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import kz.opendata.hub.approval.Letter;
import kz.opendata.hub.approval.MailAttachment;
import kz.opendata.hub.approval.MailOutbox;
import kz.opendata.hub.approval.OutgoingLetter;
import kz.opendata.hub.mail.MailProperties;
import org.springframework.stereotype.Component;

/**
 * Queues the letters of the survey exchange (official requests, reminders, the escalation list,
 * replies about rejected inventory forms) in the hub's mail outbox. The caller queues inside the
 * transaction that records the letter as sent, so a crash either keeps both or neither, and the
 * outbox delivers the letter at least once with the Message-ID recorded here.
 */
@Component
public class ExchangeMail {

    /** An agency's official request, with the letter and the inventory form attached. */
    public static final String REQUEST = "survey-request";

    /** A reminder to an agency that delivered nothing. */
    public static final String REMINDER = "survey-reminder";

    /** The escalation list for the authorised body. */
    public static final String ESCALATION = "escalation-list";

    /** The reply to an agency whose inventory form was rejected. */
    public static final String INVENTORY_REPLY = "inventory-reply";

    private final MailOutbox outbox;
    private final MailProperties mail;

    ExchangeMail(MailOutbox outbox, MailProperties mail) {
        this.outbox = outbox;
        this.mail = mail;
    }

    /**
     * Creates a Message-ID in the hub's own mail domain, such as {@code
     * <uuid.request@hub.example.kz>}, recorded as evidence before the letter is queued.
     */
    public String newMessageId(String kind) {
        String address = mail.address();
        String domain = address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        return "<" + UUID.randomUUID() + "." + kind + "@" + domain + ">";
    }

    /**
     * Queues a letter the hub starts.
     *
     * @param auditSubject subject type of the audit record written when the letter goes out
     * @param language kk, ru or en
     */
    public void queue(String kind, String auditSubject, String auditSubjectId, String language, OutgoingMail mail)
            throws MessagingException {
        outbox.queue(letter(kind, auditSubject, auditSubjectId, language, mail, null));
    }

    /** Queues a reply to the message with the given Message-ID. */
    public void queueAnswer(
            String kind,
            String auditSubject,
            String auditSubjectId,
            String language,
            OutgoingMail mail,
            String inReplyTo)
            throws MessagingException {
        outbox.queue(letter(kind, auditSubject, auditSubjectId, language, mail, inReplyTo));
    }

    private static OutgoingLetter letter(
            String kind,
            String auditSubject,
            String auditSubjectId,
            String language,
            OutgoingMail mail,
            String inReplyTo) {
        boolean answer = inReplyTo != null && !inReplyTo.isBlank();
        return new OutgoingLetter(
                kind,
                null,
                auditSubject,
                auditSubjectId,
                mail.messageId(),
                mail.to(),
                List.of(),
                new Letter(mail.subject(), mail.text()),
                language,
                answer ? inReplyTo : null,
                answer ? List.of(inReplyTo) : List.of(),
                answer ? OutgoingLetter.AUTO_REPLIED : OutgoingLetter.AUTO_GENERATED,
                mail.attachments().stream()
                        .map(file -> new MailAttachment(file.name(), file.mediaType(), file.content()))
                        .toList(),
                mail.replyTo());
    }
}
