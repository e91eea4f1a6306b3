package kz.opendata.hub.publication;

/**
 * Receives every refusal of {@link PublicationService#publish}, whichever route or user called it,
 * so each refusal is recorded with its reason.
 */
@FunctionalInterface
public interface RefusalListener {

    /** Takes no action, for tests of the checks alone. */
    RefusalListener NONE = (input, refusal) -> {};

    /**
     * Called once per refusal, before the exception reaches the caller.
     *
     * @param refusal the exception about to be thrown; its message names the reason and the fix
     */
    void refused(PublicationInput input, PublicationRefusedException refusal);
}
