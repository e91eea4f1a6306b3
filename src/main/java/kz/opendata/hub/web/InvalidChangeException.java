package kz.opendata.hub.web;

/** A requested change breaks a rule of the data it changes; the message names the rule and the fix. */
public class InvalidChangeException extends RuntimeException {

    public InvalidChangeException(String message) {
        super(message);
    }
}
