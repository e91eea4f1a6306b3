package kz.opendata.hub.exchange;

import jakarta.activation.DataHandler;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Locale;
import java.util.UUID;
import kz.opendata.hub.exchange.LetterFiles.LetterFile;
import kz.opendata.hub.mail.MailProperties;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.component.mail.MailConstants;
import org.springframework.stereotype.Component;

/**
 * Turns an {@link OutgoingMail} into the message camel-mail sends: headers, a UTF-8 plain text
 * body and the attachments.
 */
@Component("letterMail")
public class MailComposer {

    /** The charset must be named, or camel-mail sends Cyrillic text as mojibake. */
    static final String TEXT_UTF8 = "text/plain; charset=UTF-8";

    private final MailProperties mail;

    MailComposer(MailProperties mail) {
        this.mail = mail;
    }

    /** Creates a Message-ID in the hub's own mail domain, such as {@code <uuid.request@hub.example.kz>}. */
    public String newMessageId(String kind) {
        String address = mail.address();
        String domain = address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        return "<" + UUID.randomUUID() + "." + kind + "@" + domain + ">";
    }

    /** Replaces the exchange's message with the e-mail the body describes. */
    public void prepare(Exchange exchange) throws InvalidPayloadException {
        OutgoingMail outgoing = exchange.getMessage().getMandatoryBody(OutgoingMail.class);
        AttachmentMessage message = exchange.getMessage(AttachmentMessage.class);
        // Headers left from earlier steps would otherwise travel as mail headers.
        message.removeHeaders("*");
        message.setHeader("From", mail.address());
        message.setHeader("To", String.join(", ", outgoing.to()));
        message.setHeader("Subject", outgoing.subject());
        message.setHeader("Message-ID", outgoing.messageId());
        if (outgoing.replyTo() != null && !outgoing.replyTo().isBlank()) {
            message.setHeader("Reply-To", outgoing.replyTo());
        }
        message.setHeader(MailConstants.MAIL_CONTENT_TYPE, TEXT_UTF8);
        message.setBody(outgoing.text());
        for (LetterFile file : outgoing.attachments()) {
            message.addAttachment(
                    file.name(), new DataHandler(new ByteArrayDataSource(file.content(), file.mediaType())));
        }
    }
}
