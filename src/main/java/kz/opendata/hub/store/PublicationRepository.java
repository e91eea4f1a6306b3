package kz.opendata.hub.store;

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

/** Every publication attempt and its outcome. */
@Repository
public class PublicationRepository {

    private final JdbcClient jdbc;

    PublicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(PublicationRecord record) {
        jdbc.sql("INSERT INTO publication (passport_id, dataset_name, portal, status, location, data_sha256,"
                        + " row_count, message, attempted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        record.passportId(),
                        record.datasetName(),
                        record.portal(),
                        record.status(),
                        record.location(),
                        record.dataSha256(),
                        record.rowCount(),
                        record.message(),
                        OffsetDateTime.now())
                .update();
    }

    public List<PublicationRecord> forPassport(long passportId) {
        return jdbc.sql("SELECT * FROM publication WHERE passport_id = ? ORDER BY id")
                .param(passportId)
                .query(PublicationRecord.class)
                .list();
    }

    /** Inserts an attempt with the time it carries, and returns the new row's id. */
    public long insertAttempt(Attempt attempt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO publication (passport_id, unload_id, update_id, dataset_name, portal, status, location,"
                        + " dataset_url, download_url, data_sha256, data_bytes, row_count, message, portal_message,"
                        + " attempt, next_attempt_at, attempted_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        attempt.passportId(),
                        attempt.unloadId(),
                        attempt.updateId(),
                        attempt.datasetName(),
                        attempt.portal(),
                        attempt.status(),
                        attempt.location(),
                        attempt.datasetUrl(),
                        attempt.downloadUrl(),
                        attempt.dataSha256(),
                        attempt.dataBytes(),
                        attempt.rowCount(),
                        truncate(attempt.message()),
                        truncate(attempt.portalMessage()),
                        attempt.attempt(),
                        attempt.nextAttemptAt(),
                        attempt.attemptedAt())
                .update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<Attempt> findAttempt(long id) {
        return jdbc.sql("SELECT * FROM publication WHERE id = ?")
                .param(id)
                .query(Attempt.class)
                .optional();
    }

    /** Returns the latest attempt to publish a passport's set with the data of one unload. */
    public Optional<Attempt> latestAttempt(long passportId, long unloadId) {
        return jdbc.sql("SELECT * FROM publication WHERE passport_id = ? AND unload_id = ? ORDER BY id DESC LIMIT 1")
                .params(passportId, unloadId)
                .query(Attempt.class)
                .optional();
    }

    /**
     * Attempts in one of {@code statuses} that are the latest attempt of their passport and unload,
     * newest first: the publications still waiting in that state.
     */
    public List<Attempt> latestAttemptsIn(Collection<String> statuses) {
        String placeholders = String.join(", ", Collections.nCopies(statuses.size(), "?"));
        return jdbc.sql("SELECT * FROM publication p WHERE p.status IN (" + placeholders + ")"
                        + " AND p.id = (SELECT MAX(q.id) FROM publication q"
                        + " WHERE q.passport_id = p.passport_id AND q.unload_id = p.unload_id)"
                        + " ORDER BY p.id DESC")
                .params(List.copyOf(statuses))
                .query(Attempt.class)
                .list();
    }

    /** Returns the latest attempt of each data set among those in one of {@code statuses}, by data set name. */
    public List<Attempt> latestPerDatasetIn(Collection<String> statuses) {
        String placeholders = String.join(", ", Collections.nCopies(statuses.size(), "?"));
        List<Object> params = new ArrayList<>(statuses);
        params.addAll(statuses);
        return jdbc.sql("SELECT * FROM publication p WHERE p.status IN (" + placeholders + ")"
                        + " AND p.id = (SELECT MAX(q.id) FROM publication q WHERE q.dataset_name = p.dataset_name"
                        + " AND q.status IN (" + placeholders + ")) ORDER BY p.dataset_name")
                .params(params)
                .query(Attempt.class)
                .list();
    }

    /** Returns the latest attempt of one data set among those in one of {@code statuses}. */
    public Optional<Attempt> latestForDatasetIn(String datasetName, Collection<String> statuses) {
        String placeholders = String.join(", ", Collections.nCopies(statuses.size(), "?"));
        List<Object> params = new ArrayList<>();
        params.add(datasetName);
        params.addAll(statuses);
        return jdbc.sql("SELECT * FROM publication WHERE dataset_name = ? AND status IN (" + placeholders + ")"
                        + " ORDER BY id DESC LIMIT 1")
                .params(params)
                .query(Attempt.class)
                .optional();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 4000);
    }

    /**
     * One publication attempt with its retry schedule and what it published.
     *
     * @param id null before the row is inserted
     * @param unloadId the unload whose data were published
     * @param updateId the update of a published set this attempt published, or null for the
     *     first publication of a passport
     * @param datasetUrl public address of the set: its portal page or its served folder
     * @param downloadUrl public address of the data file
     * @param portalMessage the portal's own error text, for a rejected attempt
     * @param attempt 1 for the first try, counting up while tries fail for a reason that may pass
     * @param nextAttemptAt when a failed try is repeated; null when it is not
     */
    public record Attempt(
            Long id,
            long passportId,
            Long unloadId,
            Long updateId,
            String datasetName,
            String portal,
            String status,
            String location,
            String datasetUrl,
            String downloadUrl,
            String dataSha256,
            Long dataBytes,
            Long rowCount,
            String message,
            String portalMessage,
            Integer attempt,
            OffsetDateTime nextAttemptAt,
            OffsetDateTime attemptedAt) {}

    /**
     * One publication attempt.
     *
     * @param status published, unchanged, failed, refused or dead-letter
     */
    public record PublicationRecord(
            long passportId,
            String datasetName,
            String portal,
            String status,
            String location,
            String dataSha256,
            Long rowCount,
            String message,
            OffsetDateTime attemptedAt) {}
}
