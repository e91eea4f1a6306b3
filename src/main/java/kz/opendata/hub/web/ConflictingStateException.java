package kz.opendata.hub.web;

/** A change is not allowed in the record's current state, such as editing a passport already sent. */
public class ConflictingStateException extends RuntimeException {

    public ConflictingStateException(String message) {
        super(message);
    }
}
