package kz.opendata.hub.publication;

/**
 * Signals that the portal rejected a publication, so the same request would fail again: invalid
 * fields, missing permission, an upload too large. The message contains the portal's own words and
 * what an analyst can change; the caller sends the publication to the dead letter.
 */
public class PermanentPortalException extends RuntimeException {

    private final String portalMessage;

    public PermanentPortalException(String message, String portalMessage) {
        super(message);
        this.portalMessage = portalMessage;
    }

    public PermanentPortalException(String message, String portalMessage, Throwable cause) {
        super(message, cause);
        this.portalMessage = portalMessage;
    }

    /** Returns the error text as the portal returned it, or null when the portal returned none. */
    public String portalMessage() {
        return portalMessage;
    }
}
