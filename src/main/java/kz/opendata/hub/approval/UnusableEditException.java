package kz.opendata.hub.approval;

/**
 * Signals an edited passport attached to a reply that the hub cannot use. The message names the
 * file, the place in it and what the agency or an analyst should do, and never quotes a value.
 */
class UnusableEditException extends RuntimeException {

    UnusableEditException(String message) {
        super(message);
    }

    UnusableEditException(String message, Throwable cause) {
        super(message, cause);
    }
}
