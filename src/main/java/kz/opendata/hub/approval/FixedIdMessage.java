package kz.opendata.hub.approval;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;

/**
 * A MIME message that keeps the Message-ID the hub chose for it. {@code saveChanges()}, which
 * writing and sending call, would otherwise replace it with a random one, and the hub records the
 * Message-ID before the message goes out so that replies and repeated deliveries match it.
 */
public final class FixedIdMessage extends MimeMessage {

    private final String messageId;

    /** Creates an empty message with the given Message-ID, angle brackets included. */
    public FixedIdMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    /** Reads a stored message and keeps the Message-ID it was stored with. */
    public FixedIdMessage(Session session, InputStream in) throws MessagingException {
        super(session, in);
        this.messageId = getMessageID();
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
