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

/** Passport versions and their approval and publication state. */
@Repository
public class PassportRepository {

    private final JdbcClient jdbc;

    PassportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PassportRecord> find(long id) {
        return jdbc.sql("SELECT * FROM passport WHERE id = ?")
                .param(id)
                .query(PassportRecord.class)
                .optional();
    }

    public Optional<PassportRecord> findByToken(String token) {
        return jdbc.sql("SELECT * FROM passport WHERE reply_token = ?")
                .param(token)
                .query(PassportRecord.class)
                .optional();
    }

    public List<PassportRecord> findByUnload(long unloadId) {
        return jdbc.sql("SELECT * FROM passport WHERE unload_id = ? ORDER BY version")
                .param(unloadId)
                .query(PassportRecord.class)
                .list();
    }

    public List<PassportRecord> findByStatus(String status) {
        return jdbc.sql("SELECT * FROM passport WHERE status = ? ORDER BY id")
                .param(status)
                .query(PassportRecord.class)
                .list();
    }

    /** Passports with these ids, in id order; ids not found are left out. */
    public List<PassportRecord> findAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM passport WHERE id IN (:ids) ORDER BY id")
                .param("ids", ids)
                .query(PassportRecord.class)
                .list();
    }

    /** The highest version drafted from an unload, or empty when none was drafted. */
    public Optional<PassportRecord> latestVersion(long unloadId) {
        return jdbc.sql("SELECT * FROM passport WHERE unload_id = ? ORDER BY version DESC LIMIT 1")
                .param(unloadId)
                .query(PassportRecord.class)
                .optional();
    }

    /**
     * Returns the most recently published passport of a data set that was drafted from another
     * unload than {@code unloadId}.
     */
    public Optional<PassportRecord> latestPublished(String agencyCode, String datasetName, long unloadId) {
        return jdbc.sql("SELECT * FROM passport WHERE agency_code = ? AND dataset_name = ? AND status = ?"
                        + " AND unload_id <> ? ORDER BY published_at DESC, id DESC LIMIT 1")
                .params(agencyCode, datasetName, PassportRecord.PUBLISHED, unloadId)
                .query(PassportRecord.class)
                .optional();
    }

    /** Every passport version, oldest first. */
    public List<PassportRecord> all() {
        return jdbc.sql("SELECT * FROM passport ORDER BY id")
                .query(PassportRecord.class)
                .list();
    }

    public List<PassportRecord> latest(int limit) {
        return jdbc.sql("SELECT * FROM passport ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query(PassportRecord.class)
                .list();
    }

    public List<PassportRecord> forAgency(String agencyCode, int limit) {
        return jdbc.sql("SELECT * FROM passport WHERE agency_code = ? ORDER BY id DESC LIMIT ?")
                .params(agencyCode, limit)
                .query(PassportRecord.class)
                .list();
    }

    public List<StatusCount> countByAgencyAndStatus() {
        return jdbc.sql("SELECT agency_code, status, COUNT(*) AS count FROM passport GROUP BY agency_code, status")
                .query(StatusCount.class)
                .list();
    }

    /** Passports sent for approval before the given time and still waiting for the agency's reply. */
    public List<PassportRecord> sentBefore(OffsetDateTime time) {
        return jdbc.sql("SELECT * FROM passport WHERE status = ? AND sent_at < ? ORDER BY sent_at")
                .params(PassportRecord.SENT, time)
                .query(PassportRecord.class)
                .list();
    }

    public long insertDraft(
            long unloadId,
            String agencyCode,
            String datasetName,
            int version,
            String title,
            String passportJson,
            String datapackageJson) {
        KeyHolder key = new GeneratedKeyHolder();
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("INSERT INTO passport (unload_id, agency_code, dataset_name, version, status, title, passport_json,"
                        + " datapackage_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        unloadId,
                        agencyCode,
                        datasetName,
                        version,
                        PassportRecord.DRAFT,
                        title,
                        passportJson,
                        datapackageJson,
                        now,
                        now)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void updateDocuments(long id, String passportJson) {
        jdbc.sql("UPDATE passport SET passport_json = ?, updated_at = ? WHERE id = ?")
                .params(passportJson, OffsetDateTime.now(), id)
                .update();
    }

    /** Marks a draft for sending by the approval routes, for hubs that do not send drafts automatically. */
    public void requestSend(long id) {
        jdbc.sql("UPDATE passport SET send_requested_at = ?, updated_at = ? WHERE id = ?")
                .params(OffsetDateTime.now(), OffsetDateTime.now(), id)
                .update();
    }

    /**
     * Replaces the passport document while the passport is in one of the given statuses.
     *
     * @return false when the passport had left those statuses, for example because it was sent
     *     meanwhile, and nothing was changed
     */
    public boolean updateDocumentsWhileIn(long id, String passportJson, Collection<String> statuses) {
        String placeholders = String.join(", ", Collections.nCopies(statuses.size(), "?"));
        List<Object> params = new ArrayList<>(List.of(passportJson, OffsetDateTime.now(), id));
        params.addAll(statuses);
        return jdbc.sql("UPDATE passport SET passport_json = ?, updated_at = ? WHERE id = ? AND status IN ("
                                + placeholders + ")")
                        .params(params)
                        .update()
                == 1;
    }

    public void markSent(long id, String replyToken) {
        jdbc.sql("UPDATE passport SET status = ?, reply_token = ?, sent_at = ?, updated_at = ?,"
                        + " send_requested_at = NULL WHERE id = ?")
                .params(PassportRecord.SENT, replyToken, OffsetDateTime.now(), OffsetDateTime.now(), id)
                .update();
    }

    /**
     * Returns a passport the agency sent back to {@code draft}, so it can be edited and sent again.
     *
     * @return false when the passport was no longer in {@code expected}
     */
    public boolean returnToDraft(long id, String expected) {
        return jdbc.sql("UPDATE passport SET status = ?, updated_at = ?" + " WHERE id = ? AND status = ?")
                        .params(PassportRecord.DRAFT, OffsetDateTime.now(), id, expected)
                        .update()
                == 1;
    }

    /**
     * Moves a passport from one status to another.
     *
     * @return false when the passport was no longer in {@code expected}, so a concurrent or
     *     repeated change is not applied twice
     */
    public boolean transition(long id, String expected, String next) {
        String decisionTime = switch (next) {
            case PassportRecord.PUBLISHED -> ", published_at = ?";
            case PassportRecord.APPROVED, PassportRecord.REJECTED, PassportRecord.CHANGES_REQUESTED ->
                ", decided_at = ?";
            default -> "";
        };
        OffsetDateTime now = OffsetDateTime.now();
        List<Object> params = new ArrayList<>(List.of(next, now));
        if (!decisionTime.isEmpty()) {
            params.add(now);
        }
        params.addAll(List.of(id, expected));
        return jdbc.sql("UPDATE passport SET status = ?, updated_at = ?" + decisionTime
                                + " WHERE id = ? AND status = ?")
                        .params(params)
                        .update()
                == 1;
    }
}
