package kz.opendata.hub.store;

import java.time.OffsetDateTime;

/**
 * One version of a passport as stored: the passport and data package documents with the state
 * of their approval and publication.
 *
 * @param status one of the constants below
 * @param replyToken token that finds this version from an e-mail reply; null until sent
 * @param sendRequestedAt when an analyst asked to send the draft; null when nobody did
 */
public record PassportRecord(
        long id,
        long unloadId,
        String agencyCode,
        String datasetName,
        int version,
        String status,
        String title,
        String passportJson,
        String datapackageJson,
        String replyToken,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime sentAt,
        OffsetDateTime decidedAt,
        OffsetDateTime publishedAt,
        OffsetDateTime sendRequestedAt) {

    public static final String DRAFT = "draft";
    public static final String SENT = "sent";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String CHANGES_REQUESTED = "changes-requested";
    public static final String PUBLISHED = "published";
    /** The gate or the portal rejected the set for good; an analyst has to act. */
    public static final String PUBLICATION_FAILED = "publication-failed";
}
