package kz.opendata.hub.publication;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Later unloads of published sets, table {@code dataset_update}; one row per unload. */
@Repository
class DatasetUpdateRepository {

    private final JdbcClient jdbc;

    DatasetUpdateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            String datasetName,
            String agencyCode,
            long approvedPassportId,
            long unloadId,
            long draftPassportId,
            String status,
            String schemaChanges,
            OffsetDateTime createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO dataset_update (dataset_name, agency_code, approved_passport_id, unload_id,"
                        + " draft_passport_id, status, schema_changes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        datasetName,
                        agencyCode,
                        approvedPassportId,
                        unloadId,
                        draftPassportId,
                        status,
                        schemaChanges,
                        createdAt)
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<DatasetUpdate> find(long id) {
        return jdbc.sql("SELECT * FROM dataset_update WHERE id = ?")
                .param(id)
                .query(DatasetUpdate.class)
                .optional();
    }

    Optional<DatasetUpdate> findByUnload(long unloadId) {
        return jdbc.sql("SELECT * FROM dataset_update WHERE unload_id = ?")
                .param(unloadId)
                .query(DatasetUpdate.class)
                .optional();
    }

    List<DatasetUpdate> withStatus(String status) {
        return jdbc.sql("SELECT * FROM dataset_update WHERE status = ? ORDER BY id")
                .param(status)
                .query(DatasetUpdate.class)
                .list();
    }

    /** Returns the most recent scheduled update of each data set; older ones wait to be superseded. */
    List<DatasetUpdate> latestScheduledPerDataset() {
        return jdbc.sql("SELECT * FROM dataset_update u WHERE u.status = ? AND u.id = (SELECT MAX(v.id)"
                        + " FROM dataset_update v WHERE v.dataset_name = u.dataset_name AND v.status = ?)"
                        + " ORDER BY u.id")
                .params(DatasetUpdate.SCHEDULED, DatasetUpdate.SCHEDULED)
                .query(DatasetUpdate.class)
                .list();
    }

    /**
     * Updates of a data set in one of {@code statuses} created before {@code before}.
     *
     * @param before an update id; only older rows are returned
     */
    List<DatasetUpdate> olderIn(String datasetName, long before, Collection<String> statuses) {
        String placeholders = String.join(", ", Collections.nCopies(statuses.size(), "?"));
        List<Object> params = new ArrayList<>(List.of(datasetName, before));
        params.addAll(statuses);
        return jdbc.sql("SELECT * FROM dataset_update WHERE dataset_name = ? AND id < ? AND status IN (" + placeholders
                        + ") ORDER BY id")
                .params(params)
                .query(DatasetUpdate.class)
                .list();
    }

    /** Updates of a data set in one of {@code statuses} from unloads received before {@code unloadId}. */
    List<DatasetUpdate> fromEarlierUnloadsIn(String datasetName, long unloadId, Collection<String> statuses) {
        String placeholders = String.join(", ", Collections.nCopies(statuses.size(), "?"));
        List<Object> params = new ArrayList<>(List.of(datasetName, unloadId));
        params.addAll(statuses);
        return jdbc.sql("SELECT * FROM dataset_update WHERE dataset_name = ? AND unload_id < ? AND status IN ("
                        + placeholders + ") ORDER BY id")
                .params(params)
                .query(DatasetUpdate.class)
                .list();
    }

    /** Returns whether the data set has an update in one of {@code statuses} created after {@code since}. */
    boolean existsSince(String datasetName, OffsetDateTime since, Collection<String> statuses) {
        String placeholders = String.join(", ", Collections.nCopies(statuses.size(), "?"));
        List<Object> params = new ArrayList<>(List.of(datasetName, since));
        params.addAll(statuses);
        return jdbc.sql("SELECT COUNT(*) FROM dataset_update WHERE dataset_name = ? AND created_at > ? AND status IN ("
                                + placeholders + ")")
                        .params(params)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Moves an update from one status to another.
     *
     * @return false when the update was no longer in {@code expected}, so nothing changed
     */
    boolean transition(long id, String expected, String next, OffsetDateTime at, String by) {
        return jdbc.sql("UPDATE dataset_update SET status = ?, decided_at = ?, decided_by = ?"
                                + " WHERE id = ? AND status = ?")
                        .params(next, at, by, id, expected)
                        .update()
                == 1;
    }

    /** Held updates whose notice to the agency has not gone out yet, oldest first. */
    List<DatasetUpdate> heldWithoutNotice() {
        return jdbc.sql("SELECT * FROM dataset_update WHERE status = ? AND notice_sent_at IS NULL ORDER BY id")
                .param(DatasetUpdate.HELD)
                .query(DatasetUpdate.class)
                .list();
    }

    /**
     * Claims a hold's notice for sending.
     *
     * @return false when the notice was sent, or another route claimed it less than {@code
     *     timeout} ago
     */
    boolean claimNotice(long id, OffsetDateTime now, Duration timeout) {
        return jdbc.sql("UPDATE dataset_update SET notice_claimed_at = ? WHERE id = ? AND notice_sent_at IS NULL"
                                + " AND (notice_claimed_at IS NULL OR notice_claimed_at < ?)")
                        .params(now, id, now.minus(timeout))
                        .update()
                == 1;
    }

    void markNoticeSent(long id, String messageId, OffsetDateTime at) {
        jdbc.sql("UPDATE dataset_update SET notice_sent_at = ?, notice_message_id = ? WHERE id = ?")
                .params(at, messageId, id)
                .update();
    }
}
