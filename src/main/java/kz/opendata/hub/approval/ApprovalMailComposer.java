package kz.opendata.hub.approval;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Builds the e-mail that requests an agency's approval of one passport version.
 *
 * <p>The message is multipart/mixed: a UTF-8 text/plain part in the agency's language, then the
 * attachments with RFC 2231 encoded file names. Its Message-ID, {@code <odh.TOKEN@HOST>} for the
 * first e-mail of a passport version, survives {@code saveChanges()}, so a reply's In-Reply-To and
 * References lead back to the passport version.
 */
@Component
public class ApprovalMailComposer {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final ApprovalTexts texts;

    public ApprovalMailComposer(ApprovalTexts texts) {
        this.texts = texts;
    }

    /** Builds the message; the caller sends it, for example through camel-mail. */
    public MimeMessage compose(ApprovalRequest request, Session session) throws MessagingException {
        return compose(request, session, messageId(request));
    }

    /**
     * Builds the message with the given Message-ID, such as a new one for a draft sent again after
     * an edit, so that each e-mail the agency receives has its own Message-ID.
     */
    public MimeMessage compose(ApprovalRequest request, Session session, String messageId) throws MessagingException {
        Letter letter = texts.request(request);
        MimeMessage message = new FixedIdMessage(session, messageId);
        message.setFrom(new InternetAddress(request.from(), true));
        for (String address : request.to()) {
            message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address, true));
        }
        setSubject(message, letter.subject());
        message.setSentDate(new Date());
        // Asks vacation responders and Exchange out-of-office replies to stay silent (RFC 3834),
        // so the inbox receives decisions rather than automatic notices.
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Auto-Response-Suppress", "OOF, AutoReply");
        message.setContent(body(request, letter));
        message.saveChanges();
        return message;
    }

    /**
     * Sets a subject that starts with the {@code [ODH-token]} mark, keeping the mark plain ASCII
     * and encoding only the rest as UTF-8, so that a client or gateway that re-encodes the
     * subject cannot split the token between encoded words. Use it for reminders too.
     */
    public static void setSubject(MimeMessage message, String subject) throws MessagingException {
        int markEnd = subject.startsWith("[ODH-") ? subject.indexOf("] ") + 2 : 0;
        try {
            String rest = MimeUtility.encodeText(subject.substring(markEnd), UTF_8, "B");
            message.setHeader("Subject", MimeUtility.fold(9, subject.substring(0, markEnd) + rest));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is not available in this Java runtime", e);
        }
    }

    /** Returns the Message-ID of the first request for the passport version, angle brackets included. */
    public static String messageId(ApprovalRequest request) {
        return messageId(request.token(), request.host());
    }

    static String messageId(String token, String host) {
        return "<odh." + token + "@" + host + ">";
    }

    private static MimeMultipart body(ApprovalRequest request, Letter letter) throws MessagingException {
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        // Naming the charset gives "text/plain; charset=UTF-8"; without it Cyrillic arrives garbled.
        text.setText(letter.body(), UTF_8, "plain");
        text.setContentLanguage(new String[] {request.language()});
        mixed.addBodyPart(text);
        for (MailAttachment attachment : request.attachments()) {
            mixed.addBodyPart(attachmentPart(attachment));
        }
        return mixed;
    }

    static MimeBodyPart attachmentPart(MailAttachment attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        // Written by hand because setFileName encodes with the JVM's default charset, which Java 17
        // does not fix to UTF-8, and does not split long names into RFC 2231 segments.
        String type = new ContentType(attachment.contentType()).getBaseType();
        part.setHeader("Content-Type", type + Rfc2231.parameter("name", attachment.fileName()));
        part.setHeader(
                "Content-Disposition", MimeBodyPart.ATTACHMENT + Rfc2231.parameter("filename", attachment.fileName()));
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }
}
