package kz.opendata.hub.approval;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Builds the MIME message of an {@link OutgoingLetter}: UTF-8 text first, then the attachments,
 * with threading headers and the RFC 3834 Auto-Submitted header, and writes it to bytes for the
 * outbox.
 */
final class LetterComposer {

    private static final Session SESSION = Session.getInstance(new Properties());

    private LetterComposer() {}

    static byte[] compose(OutgoingLetter letter, String from) throws MessagingException {
        MimeMessage message = new FixedIdMessage(SESSION, letter.messageId());
        message.setFrom(new InternetAddress(from, true));
        for (String address : letter.to()) {
            message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address, true));
        }
        for (String address : letter.cc()) {
            message.addRecipient(MimeMessage.RecipientType.CC, new InternetAddress(address, true));
        }
        if (letter.replyTo() != null && !letter.replyTo().isBlank()) {
            message.setReplyTo(new InternetAddress[] {new InternetAddress(letter.replyTo(), true)});
        }
        ApprovalMailComposer.setSubject(message, letter.letter().subject());
        message.setSentDate(new Date());
        if (letter.inReplyTo() != null) {
            message.setHeader("In-Reply-To", letter.inReplyTo());
        }
        if (!letter.references().isEmpty()) {
            message.setHeader("References", String.join(" ", letter.references()));
        }
        message.setHeader("Auto-Submitted", letter.autoSubmitted());
        // Exchange honours this header and sends no out-of-office reply to the hub.
        message.setHeader("X-Auto-Response-Suppress", "All");
        message.setContent(body(letter));
        message.saveChanges();
        return bytes(message);
    }

    /** Reads queued bytes back into a message that keeps its Message-ID when sent. */
    static MimeMessage read(byte[] mime) throws MessagingException {
        return new FixedIdMessage(SESSION, new ByteArrayInputStream(mime));
    }

    private static MimeMultipart body(OutgoingLetter letter) throws MessagingException {
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(letter.letter().body(), StandardCharsets.UTF_8.name(), "plain");
        if (letter.language() != null) {
            text.setContentLanguage(new String[] {letter.language()});
        }
        mixed.addBodyPart(text);
        for (MailAttachment attachment : letter.attachments()) {
            mixed.addBodyPart(ApprovalMailComposer.attachmentPart(attachment));
        }
        return mixed;
    }

    static byte[] bytes(MimeMessage message) throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            message.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a letter to memory failed", e);
        }
        return out.toByteArray();
    }
}
