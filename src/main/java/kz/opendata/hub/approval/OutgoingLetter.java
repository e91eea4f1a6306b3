package kz.opendata.hub.approval;

import java.util.List;
import java.util.Objects;

/**
 * A letter the hub queues in its outbox: reminders, explanations to unregistered senders, and
 * the commission round's letters.
 *
 * @param kind what the letter is, such as {@code reminder}; also its kind in the approval log
 * @param passportId passport the letter is about, or null. A letter about a passport is recorded
 *     as an outgoing approval message, so replies to it thread with the passport
 * @param auditSubject subject type of the audit record written when the letter goes out, such as
 *     {@code passport} or {@code commission-package}
 * @param auditSubjectId id of that subject
 * @param messageId the letter's Message-ID with angle brackets, from {@link MessageIds}
 * @param to recipients; {@code cc} may be empty
 * @param language language of the text: kk, ru or en, or null for a text in several languages
 * @param inReplyTo Message-ID the letter answers, or null
 * @param references Message-IDs of the thread, oldest first
 * @param autoSubmitted RFC 3834 value: {@code auto-generated} for letters the hub starts,
 *     {@code auto-replied} for letters that answer a message
 * @param replyTo address that replies should go to, or null for the hub's own address
 */
public record OutgoingLetter(
        String kind,
        Long passportId,
        String auditSubject,
        String auditSubjectId,
        String messageId,
        List<String> to,
        List<String> cc,
        Letter letter,
        String language,
        String inReplyTo,
        List<String> references,
        String autoSubmitted,
        List<MailAttachment> attachments,
        String replyTo) {

    public static final String AUTO_GENERATED = "auto-generated";
    public static final String AUTO_REPLIED = "auto-replied";

    public OutgoingLetter {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(letter, "letter");
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
        if (to.isEmpty()) {
            throw new IllegalArgumentException(
                    kind + " letter " + messageId + " has no recipient; check the" + " addresses configured for it");
        }
    }

    /** A letter whose replies go to the hub's own address. */
    public OutgoingLetter(
            String kind,
            Long passportId,
            String auditSubject,
            String auditSubjectId,
            String messageId,
            List<String> to,
            List<String> cc,
            Letter letter,
            String language,
            String inReplyTo,
            List<String> references,
            String autoSubmitted,
            List<MailAttachment> attachments) {
        this(
                kind,
                passportId,
                auditSubject,
                auditSubjectId,
                messageId,
                to,
                cc,
                letter,
                language,
                inReplyTo,
                references,
                autoSubmitted,
                attachments,
                null);
    }

    /** Returns all recipients, To first, lower-case. */
    public List<String> recipients() {
        return java.util.stream.Stream.concat(to.stream(), cc.stream())
                .map(address -> address.strip().toLowerCase(java.util.Locale.ROOT))
                .toList();
    }
}
