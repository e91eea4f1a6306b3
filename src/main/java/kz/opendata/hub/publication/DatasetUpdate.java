package kz.opendata.hub.publication;

import java.time.OffsetDateTime;

/**
 * A later unload of a published set, as stored in {@code dataset_update}.
 *
 * @param approvedPassportId the published passport whose structure the unload was compared with
 * @param draftPassportId the passport drafted from the later unload
 * @param status one of the constants below
 * @param schemaChanges JSON of the structure changes, null when the structure is the same
 */
public record DatasetUpdate(
        long id,
        String datasetName,
        String agencyCode,
        long approvedPassportId,
        long unloadId,
        long draftPassportId,
        String status,
        String schemaChanges,
        OffsetDateTime createdAt,
        OffsetDateTime decidedAt,
        String decidedBy,
        OffsetDateTime noticeClaimedAt,
        OffsetDateTime noticeSentAt,
        String noticeMessageId) {

    /** Same structure; published under the approved passport when the set is next due. */
    public static final String SCHEDULED = "scheduled";

    public static final String PUBLISHED = "published";
    /** A later unload of the same set replaced this one before it was published. */
    public static final String SUPERSEDED = "superseded";
    /** Changed structure. It waits for an analyst, and the agency receives a notice of what changed. */
    public static final String HELD = "held";
    /** An analyst sent the drafted passport to the agency for approval of the new structure. */
    public static final String RELEASED = "released";

    public static final String REFUSED = "refused";
    public static final String DEAD_LETTER = "dead-letter";
}
