package kz.opendata.hub.approval;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kz.opendata.hub.mail.MailProperties;
import org.springframework.stereotype.Component;

/**
 * Answers a reply from an address that is not a registered approval contact with the letter that
 * explains why it was not counted (see {@link ApprovalTexts#unregisteredSender}).
 *
 * <p>The explanation goes only to the From address, never to Reply-To or copies, so a forged
 * message cannot aim it at a third party. It is not sent for automatic messages, for the hub's
 * own address or addresses that take no replies, more than once per message, or more than once
 * per sender in {@code hub.approval.unregistered-reply-interval-hours}, which ends a loop with
 * another automatic responder after one letter.
 */
@Component
class UnregisteredSenders {

    static final String KIND = "unregistered-sender-reply";

    private static final List<String> NO_REPLY_MAILBOXES =
            List.of("noreply", "no-reply", "donotreply", "do-not-reply", "bounce", "mailer-daemon", "postmaster");

    private final MailOutbox outbox;
    private final ApprovalTexts texts;
    private final MailProperties mail;
    private final ApprovalProperties settings;
    private final Clock clock;

    UnregisteredSenders(
            MailOutbox outbox, ApprovalTexts texts, MailProperties mail, ApprovalProperties settings, Clock clock) {
        this.outbox = outbox;
        this.texts = texts;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Queues the explanation when the rules allow it.
     *
     * @return a note for the analyst saying whether the sender was answered, and why not
     */
    String answer(Reply reply, String messageId) throws MessagingException {
        String sender = reply.from().toLowerCase(Locale.ROOT);
        String refusal = refusal(reply, sender, messageId);
        if (refusal != null) {
            return "The sender was not answered: " + refusal + ".";
        }
        String language = language(reply);
        Letter letter = language == null ? texts.unregisteredSenderAllLanguages() : texts.unregisteredSender(language);
        List<String> references = new ArrayList<>(reply.references());
        references.add(messageId);
        outbox.queue(new OutgoingLetter(
                KIND,
                null,
                "message",
                messageId,
                MessageIds.create("notice", settings.messageIdHost()),
                List.of(sender),
                List.of(),
                letter,
                language,
                messageId,
                references,
                OutgoingLetter.AUTO_REPLIED,
                List.of()));
        return "The sender was sent the explanation that only registered contacts decide.";
    }

    private String refusal(Reply reply, String sender, String messageId) {
        if (reply.isAutomatic()) {
            return "the message is automatic (" + reply.automatic() + ")";
        }
        if (sender.equalsIgnoreCase(mail.address())) {
            return "the message comes from the hub's own address";
        }
        String mailbox = sender.substring(0, Math.max(0, sender.indexOf('@')));
        if (NO_REPLY_MAILBOXES.stream().anyMatch(mailbox::startsWith)) {
            return "the sender address takes no replies";
        }
        if (outbox.answered(KIND, messageId)) {
            return "this message was answered before";
        }
        Duration interval = Duration.ofHours(settings.unregisteredReplyIntervalHours());
        if (outbox.sentTo(KIND, sender, OffsetDateTime.now(clock).minus(interval))) {
            return "an explanation went to this address less than " + interval.toHours() + " hours ago";
        }
        return null;
    }

    /** The language of the sender's own words, or null when they give none the letters exist in. */
    private static String language(Reply reply) {
        return DecisionClassifier.scriptLanguage(reply.ownText() == null ? "" : reply.ownText());
    }
}
