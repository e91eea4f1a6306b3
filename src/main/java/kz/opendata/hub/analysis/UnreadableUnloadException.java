package kz.opendata.hub.analysis;

/**
 * Signals an unload that cannot be read as a table: empty, binary, no header row, broken
 * encoding. The message names the file, the place and what the agency should send instead, and
 * never contains a value from the file.
 */
public class UnreadableUnloadException extends RuntimeException {

    public UnreadableUnloadException(String message) {
        super(message);
    }

    public UnreadableUnloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
