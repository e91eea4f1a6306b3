package kz.opendata.hub.publication;

/**
 * Signals that a data set must not be published yet: its passport is not approved, a finding of
 * restricted data is unresolved, or a restricted column would reach the portal. The message names
 * the reason and what to do; it names columns by technical name and never quotes a value.
 */
public class PublicationRefusedException extends RuntimeException {

    public PublicationRefusedException(String message) {
        super(message);
    }
}
