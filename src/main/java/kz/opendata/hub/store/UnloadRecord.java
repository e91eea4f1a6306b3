package kz.opendata.hub.store;

import java.time.OffsetDateTime;

/**
 * A received unload as stored. {@code reportJson} is the analysis report, null until analysed.
 *
 * @param status one of {@link #RECEIVED}, {@link #ANALYSED}, {@link #FAILED}
 * @param storedPath where the file is kept after intake (archive or quarantine)
 */
public record UnloadRecord(
        long id,
        String agencyCode,
        String fileName,
        String sha256,
        long sizeBytes,
        String status,
        OffsetDateTime receivedAt,
        OffsetDateTime analysedAt,
        String storedPath,
        String format,
        String encoding,
        Long rowCount,
        String verdict,
        String reportJson,
        String failureReason) {

    public static final String RECEIVED = "received";
    public static final String ANALYSED = "analysed";
    public static final String FAILED = "failed";
}
