package kz.opendata.hub.exchange;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Inventory forms that came back, accepted or rejected with their problems. */
@Repository
public class InventorySubmissionRepository {

    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";

    private final JdbcClient jdbc;

    InventorySubmissionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(InventorySubmission submission) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO inventory_submission (campaign_id, agency_code, file_name, sha256, channel, evidence,"
                                + " status, system_count, field_count, errors, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        submission.campaignId(),
                        submission.agencyCode(),
                        submission.fileName(),
                        submission.sha256(),
                        submission.channel(),
                        submission.evidence(),
                        submission.status(),
                        submission.systemCount(),
                        submission.fieldCount(),
                        submission.errors(),
                        submission.receivedAt())
                .update(key, "id");
        return key.getKey().longValue();
    }

    public List<InventorySubmission> forAgency(String agencyCode) {
        return jdbc.sql(
                        "SELECT campaign_id, agency_code, file_name, sha256, channel, evidence, status, system_count,"
                                + " field_count, errors, received_at FROM inventory_submission WHERE agency_code = ? ORDER BY id")
                .param(agencyCode)
                .query(InventorySubmission.class)
                .list();
    }

    /**
     * One returned form.
     *
     * @param channel drop, mail, sftp or api
     * @param evidence the Message-ID or file path it came with
     * @param errors the problems of a rejected form, one per line
     */
    public record InventorySubmission(
            Long campaignId,
            String agencyCode,
            String fileName,
            String sha256,
            String channel,
            String evidence,
            String status,
            Integer systemCount,
            Integer fieldCount,
            String errors,
            OffsetDateTime receivedAt) {}
}
