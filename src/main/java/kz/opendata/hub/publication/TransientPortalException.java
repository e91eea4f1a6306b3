package kz.opendata.hub.publication;

/**
 * Signals a portal failure that may pass: a timeout, a dropped connection, a 5xx response. The
 * caller retries the whole publication with back-off; adapters make that safe because they check
 * the portal's state before writing again.
 */
public class TransientPortalException extends RuntimeException {

    public TransientPortalException(String message) {
        super(message);
    }

    public TransientPortalException(String message, Throwable cause) {
        super(message, cause);
    }
}
