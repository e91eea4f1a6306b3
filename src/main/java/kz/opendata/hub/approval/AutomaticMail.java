package kz.opendata.hub.approval;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises messages that a machine wrote: out-of-office replies, delivery and read reports,
 * mailing list posts. RFC 3834 asks not to answer them, and the hub reads no decision in them.
 */
final class AutomaticMail {

    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list", "auto_reply");
    private static final List<String> AUTO_REPLY_HEADERS = List.of("X-Autoreply", "X-Autorespond", "X-Auto-Reply");
    private static final List<String> LIST_HEADERS = List.of("List-Id", "List-Unsubscribe");
    private static final Set<String> SYSTEM_MAILBOXES = Set.of("mailer-daemon", "postmaster");
    // Exchange, Outlook, Gmail and Mail.ru put these before the original subject of an
    // out-of-office reply; older servers send them without an Auto-Submitted header.
    private static final List<String> AUTO_REPLY_SUBJECTS = List.of(
            "automatic reply:",
            "autoreply:",
            "auto-reply:",
            "out of office:",
            "автоматический ответ:",
            "автоответ:",
            "автоматты жауап:");

    private AutomaticMail() {}

    /**
     * Returns why the message is automatic, naming the header that shows it, or empty for a
     * message a person wrote.
     */
    static Optional<String> reason(MimeMessage message, String decodedSubject) throws MessagingException {
        String autoSubmitted = PartContent.firstHeader(message, "Auto-Submitted");
        if (autoSubmitted != null && !firstToken(autoSubmitted).equals("no")) {
            return Optional.of("Auto-Submitted: " + firstToken(autoSubmitted));
        }
        for (String header : AUTO_REPLY_HEADERS) {
            if (PartContent.firstHeader(message, header) != null) {
                return Optional.of(header + " header");
            }
        }
        String precedence = PartContent.firstHeader(message, "Precedence");
        if (precedence != null && BULK_PRECEDENCE.contains(firstToken(precedence))) {
            return Optional.of("Precedence: " + firstToken(precedence));
        }
        for (String header : LIST_HEADERS) {
            if (PartContent.firstHeader(message, header) != null) {
                return Optional.of("mailing list post (" + header + " header)");
            }
        }
        return delivery(message).or(() -> autoReplySubject(decodedSubject));
    }

    private static Optional<String> delivery(MimeMessage message) throws MessagingException {
        if (PartContent.baseType(message).equals("multipart/report")) {
            return Optional.of("delivery or read report (multipart/report)");
        }
        String returnPath = PartContent.firstHeader(message, "Return-Path");
        if (returnPath != null && returnPath.strip().equals("<>")) {
            return Optional.of("empty Return-Path, which only delivery reports carry");
        }
        String from = PartContent.firstHeader(message, "From");
        if (from != null) {
            String lower = from.toLowerCase(Locale.ROOT);
            for (String mailbox : SYSTEM_MAILBOXES) {
                if (lower.contains(mailbox + "@")) {
                    return Optional.of("sent by the mail system (" + mailbox + ")");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> autoReplySubject(String subject) {
        String lower = subject == null ? "" : subject.strip().toLowerCase(Locale.ROOT);
        return AUTO_REPLY_SUBJECTS.stream()
                .filter(lower::startsWith)
                .findFirst()
                .map(prefix -> "out-of-office subject (" + prefix + ")");
    }

    private static String firstToken(String value) {
        int end = value.indexOf(';');
        return (end < 0 ? value : value.substring(0, end)).strip().toLowerCase(Locale.ROOT);
    }
}
