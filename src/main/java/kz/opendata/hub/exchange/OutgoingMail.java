package kz.opendata.hub.exchange;

import java.util.List;
import kz.opendata.hub.exchange.LetterFiles.LetterFile;

/**
 * An e-mail the exchange sends through the {@code survey-dispatch-mail} route.
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
