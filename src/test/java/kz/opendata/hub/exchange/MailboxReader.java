package kz.opendata.hub.exchange;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one address's inbox on the embedded GreenMail server, and the parts of its messages. */
final class MailboxReader {

    private final GreenMail greenMail;

    MailboxReader(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    List<MimeMessage> inbox(String address) {
        GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
        if (user == null) {
            return List.of();
        }
        try {
            return greenMail.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                    .map(StoredMessage::getMimeMessage)
                    .toList();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) throws MessagingException, IOException {
        return MimeUtility.decodeText(message.getHeader("Subject", null));
    }

    /** Returns the first text/plain part: its content type and its text. */
    static String[] textPart(MimeMessage message) throws MessagingException, IOException {
        if (message.isMimeType("text/plain")) {
            return new String[] {message.getContentType(), (String) message.getContent()};
        }
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return new String[] {part.getContentType(), (String) part.getContent()};
            }
        }
        throw new AssertionError("message has no text/plain part");
    }

    /** Returns the attachments by file name, in message order. */
    static Map<String, byte[]> attachments(MimeMessage message) throws MessagingException, IOException {
        Map<String, byte[]> attachments = new LinkedHashMap<>();
        if (!(message.getContent() instanceof Multipart multipart)) {
            return attachments;
        }
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getFileName() != null) {
                try (InputStream in = part.getInputStream()) {
                    attachments.put(MimeUtility.decodeText(part.getFileName()), in.readAllBytes());
                }
            }
        }
        return attachments;
    }
}
