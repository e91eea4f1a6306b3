package kz.opendata.hub.intake;

/**
 * Signals a dropped file the hub will not take, for a reason the agency or the integrator can
 * fix: an unknown drop folder, a file too large. The file goes to quarantine with this message.
 */
public class IntakeRejectedException extends RuntimeException {

    public IntakeRejectedException(String message) {
        super(message);
    }
}
