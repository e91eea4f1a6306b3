package kz.opendata.hub.demand;

/**
 * Signals an upload or a response of the synced endpoint that cannot be read at all: no title
 * column, not CSV or JSON, too large. The message names the problem and the fix. The REST API
 * returns 400 for it.
 */
public class DemandImportException extends RuntimeException {

    public DemandImportException(String message) {
        super(message);
    }

    public DemandImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
