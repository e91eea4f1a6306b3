package kz.opendata.hub.sftp;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Files downloaded from agencies' SFTP servers, one row per agency and SHA-256. */
@Repository
public class SftpTransferRepository {

    public static final String STAGED = "staged";
    public static final String HANDED_OVER = "handed-over";

    private final JdbcClient jdbc;

    SftpTransferRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SftpTransfer> find(String agencyCode, String sha256) {
        return jdbc.sql("SELECT * FROM sftp_transfer WHERE agency_code = ? AND sha256 = ?")
                .params(agencyCode, sha256)
                .query(SftpTransfer.class)
                .optional();
    }

    public List<SftpTransfer> forAgency(String agencyCode) {
        return jdbc.sql("SELECT * FROM sftp_transfer WHERE agency_code = ? ORDER BY id")
                .param(agencyCode)
                .query(SftpTransfer.class)
                .list();
    }

    /**
     * Records a download about to be handed over.
     *
     * @return false when another poll recorded the same file first
     */
    boolean insertStaged(
            String agencyCode, String sha256, long size, String remotePath, String handoverPath, OffsetDateTime now) {
        try {
            jdbc.sql("INSERT INTO sftp_transfer (agency_code, sha256, size_bytes, remote_path, handover_path, state,"
                            + " downloaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(agencyCode, sha256, size, remotePath, handoverPath, STAGED, now)
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    void markHandedOver(long id, OffsetDateTime now) {
        jdbc.sql("UPDATE sftp_transfer SET state = ?, handed_over_at = ? WHERE id = ?")
                .params(HANDED_OVER, now, id)
                .update();
    }

    void countDownload(long id) {
        jdbc.sql("UPDATE sftp_transfer SET download_count = download_count + 1 WHERE id = ?")
                .param(id)
                .update();
    }

    /**
     * One downloaded file.
     *
     * @param handoverPath where the file went (or goes) under the data folder
     * @param downloadCount how often the file was downloaded; above 1 when the remote file could
     *     not be moved after a handover and was read again
     */
    public record SftpTransfer(
            long id,
            String agencyCode,
            String sha256,
            long sizeBytes,
            String remotePath,
            String handoverPath,
            String state,
            OffsetDateTime downloadedAt,
            OffsetDateTime handedOverAt,
            int downloadCount) {}
}
