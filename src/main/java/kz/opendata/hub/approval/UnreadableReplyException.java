package kz.opendata.hub.approval;

/**
 * Signals a reply whose structure or encoding cannot be read, such as a multipart without its
 * boundary or a part with invalid base64. The message names the place and the reason, and it
 * never contains the sender's address or text. The caller sets the e-mail aside for an analyst
 * and goes on with the next one.
 */
public class UnreadableReplyException extends RuntimeException {

    public UnreadableReplyException(String message) {
        super(message);
    }

    public UnreadableReplyException(String message, Throwable cause) {
        super(message, cause);
    }
}
