package kz.opendata.hub.publication;

import java.util.List;

/**
 * Outcome of one publication on a portal.
 *
 * @param location where people find the set: a portal URL, or a folder for the folder portal
 * @param datasetId the portal's id for the set (CKAN's package id, the folder name otherwise)
 * @param changed false when the portal already held exactly this set and nothing was written
 * @param uploadedResources names of the files or resources sent in this call; empty when none
 */
public record PublicationResult(String location, String datasetId, boolean changed, List<String> uploadedResources) {

    public PublicationResult {
        uploadedResources = List.copyOf(uploadedResources);
    }
}
