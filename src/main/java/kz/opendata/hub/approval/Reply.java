package kz.opendata.hub.approval;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An agency's e-mail reply, read and decoded.
 *
 * @param messageId the reply's own Message-ID with angle brackets, or null when it has none
 * @param inReplyTo the first message id in In-Reply-To, with angle brackets, or null
 * @param references message ids in References, oldest first, with angle brackets
 * @param from the From address, lower-cased, without the display name
 * @param subject decoded subject, empty when missing
 * @param sentDate the Date header, or null when missing or unreadable
 * @param text the whole body as text, quotes included
 * @param ownText what the sender wrote, without quotes, header blocks and signature
 * @param attachments files attached to the reply, including those found inside winmail.dat
 * @param notes what the reader worked around, for analysts
 * @param automatic why the message was written by a machine rather than a person (an
 *     out-of-office reply, a delivery report, a mailing list), or null for a person's message
 */
public record Reply(
        String messageId,
        String inReplyTo,
        List<String> references,
        String from,
        String subject,
        Instant sentDate,
        String text,
        String ownText,
        List<MailAttachment> attachments,
        Set<ReplyNote> notes,
        String automatic) {

    public Reply {
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
        notes = Set.copyOf(notes);
    }

    /** Whether a machine wrote the message, so it must neither decide nor be answered. */
    public boolean isAutomatic() {
        return automatic != null;
    }
}
