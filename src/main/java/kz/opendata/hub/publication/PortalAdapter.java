package kz.opendata.hub.publication;

/**
 * A place where open data sets are published: a folder of data packages, a CKAN portal, or a dry
 * run that only records what it would send.
 *
 * <p>Implementations are idempotent: publishing the same request twice leaves one data set, and
 * the second call reports {@link PublicationResult#changed()} false when nothing differs.
 */
public interface PortalAdapter {

    /**
     * Creates or updates the data set named in the request.
     *
     * @throws TransientPortalException when the portal could not be reached or failed for a
     *     reason that may pass; the caller retries with back-off
     * @throws PermanentPortalException when the portal rejected the request; retrying the same
     *     request will fail again
     */
    PublicationResult publish(PublicationRequest request);
}
