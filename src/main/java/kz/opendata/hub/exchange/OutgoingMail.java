package kz.opendata.hub.exchange;

import java.util.List;
import kz.opendata.hub.exchange.LetterFiles.LetterFile;

/**
 * An e-mail of the survey exchange, queued in the mail outbox by {@link ExchangeMail}.
 *
 * @param to recipient addresses
 * @param replyTo address replies go to; null for the sender
 * @param messageId the Message-ID, angle brackets included, recorded as evidence before sending
 */
public record OutgoingMail(
        List<String> to, String subject, String text, String replyTo, String messageId, List<LetterFile> attachments) {

    public OutgoingMail {
        to = List.copyOf(to);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
