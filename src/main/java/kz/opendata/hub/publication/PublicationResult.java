package kz.opendata.hub.publication;

import java.util.List;

/**
 * Outcome of one publication on a portal.
 *
 * @param location where the portal put the set: a portal URL, or a folder for the folder portal
 * @param datasetId the portal's id for the set (CKAN's package id, the folder name otherwise)
 * @param changed false when the portal already held exactly this set and nothing was written
 * @param uploadedResources names of the files or resources sent in this call; empty when none
 * @param datasetUrl public address of the set (its portal page or its served folder), or null
 *     when nothing is published, as in a dry run
 * @param downloadUrl public address of the data file, or null when nothing is published
 * @param data the published CSV, or null when the adapter reports without it
 */
public record PublicationResult(
        String location,
        String datasetId,
        boolean changed,
        List<String> uploadedResources,
        String datasetUrl,
        String downloadUrl,
        PublishedData data) {

    public PublicationResult {
        uploadedResources = List.copyOf(uploadedResources);
    }

    /** Creates a result without public addresses, for a portal that publishes nothing people can reach. */
    public PublicationResult(String location, String datasetId, boolean changed, List<String> uploadedResources) {
        this(location, datasetId, changed, uploadedResources, null, null, null);
    }

    /** Returns this result with the facts of the published CSV. */
    public PublicationResult withData(PublishedData published) {
        return new PublicationResult(
                location, datasetId, changed, uploadedResources, datasetUrl, downloadUrl, published);
    }

    /**
     * The CSV file as published.
     *
     * @param rowCount data rows, header excluded
     * @param sizeBytes size of the file in bytes
     * @param sha256 lower-case hex SHA-256 of the file
     */
    public record PublishedData(long rowCount, long sizeBytes, String sha256) {}
}
