package kz.opendata.hub.commission;

/**
 * Signals a commission step that the passport or package is not ready for, such as a
 * recommendation on a passport the agency was never sent. The message says what to do first.
 */
class CommissionStateException extends RuntimeException {

    CommissionStateException(String message) {
        super(message);
    }
}
