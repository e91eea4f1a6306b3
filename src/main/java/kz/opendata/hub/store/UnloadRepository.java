package kz.opendata.hub.store;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Received unloads, unique per agency and content hash. */
@Repository
public class UnloadRepository {

    private final JdbcClient jdbc;

    UnloadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UnloadRecord> find(long id) {
        return jdbc.sql("SELECT * FROM unload WHERE id = ?")
                .param(id)
                .query(UnloadRecord.class)
                .optional();
    }

    public Optional<UnloadRecord> findByHash(String agencyCode, String sha256) {
        return jdbc.sql("SELECT * FROM unload WHERE agency_code = ? AND sha256 = ?")
                .params(agencyCode, sha256)
                .query(UnloadRecord.class)
                .optional();
    }

    public List<UnloadRecord> latest(int limit) {
        return jdbc.sql("SELECT * FROM unload ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query(UnloadRecord.class)
                .list();
    }

    /** Analysed unloads, oldest first. */
    public List<UnloadRecord> findAnalysed() {
        return jdbc.sql("SELECT * FROM unload WHERE status = ? ORDER BY id")
                .param(UnloadRecord.ANALYSED)
                .query(UnloadRecord.class)
                .list();
    }

    /** Replaces the stored analysis report, for a criterion recomputed after the analysis. */
    public void updateReportJson(long id, String reportJson) {
        jdbc.sql("UPDATE unload SET report_json = ? WHERE id = ?")
                .params(reportJson, id)
                .update();
    }

    public List<UnloadRecord> forAgency(String agencyCode, int limit) {
        return jdbc.sql("SELECT * FROM unload WHERE agency_code = ? ORDER BY id DESC LIMIT ?")
                .params(agencyCode, limit)
                .query(UnloadRecord.class)
                .list();
    }

    /**
     * Unloads of these agencies received in a period, oldest first.
     *
     * @param from inclusive start, or null for no lower bound
     * @param to exclusive end, or null for no upper bound
     */
    public List<UnloadRecord> findReceived(List<String> agencyCodes, OffsetDateTime from, OffsetDateTime to) {
        if (agencyCodes.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM unload WHERE agency_code IN (:codes)");
        Map<String, Object> params = new HashMap<>();
        params.put("codes", agencyCodes);
        if (from != null) {
            sql.append(" AND received_at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" AND received_at < :to");
            params.put("to", to);
        }
        return jdbc.sql(sql.append(" ORDER BY id").toString())
                .params(params)
                .query(UnloadRecord.class)
                .list();
    }

    public List<StatusCount> countByAgencyAndStatus() {
        return jdbc.sql("SELECT agency_code, status, COUNT(*) AS count FROM unload GROUP BY agency_code, status")
                .query(StatusCount.class)
                .list();
    }

    /** Analysis reports of every analysed unload, for statistics across unloads. */
    public List<String> analysedReports() {
        return jdbc.sql("SELECT report_json FROM unload WHERE status = ? AND report_json IS NOT NULL")
                .param(UnloadRecord.ANALYSED)
                .query(String.class)
                .list();
    }

    public long insertReceived(String agencyCode, String fileName, String sha256, long sizeBytes, String storedPath) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO unload (agency_code, file_name, sha256, size_bytes, status, received_at, stored_path)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        agencyCode,
                        fileName,
                        sha256,
                        sizeBytes,
                        UnloadRecord.RECEIVED,
                        OffsetDateTime.now(),
                        storedPath)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void markAnalysed(
            long id, String format, String encoding, long rowCount, String verdict, String reportJson) {
        jdbc.sql("UPDATE unload SET status = ?, analysed_at = ?, format = ?, encoding = ?, row_count = ?,"
                        + " verdict = ?, report_json = ?, failure_reason = NULL WHERE id = ?")
                .params(
                        UnloadRecord.ANALYSED,
                        OffsetDateTime.now(),
                        format,
                        encoding,
                        rowCount,
                        verdict,
                        reportJson,
                        id)
                .update();
    }

    /** Records where the unload's file is archived, for a file taken again after an interrupted intake. */
    public void updateStoredPath(long id, String storedPath) {
        jdbc.sql("UPDATE unload SET stored_path = ? WHERE id = ?")
                .params(storedPath, id)
                .update();
    }

    public void markFailed(long id, String reason, String storedPath) {
        jdbc.sql("UPDATE unload SET status = ?, failure_reason = ?, stored_path = ? WHERE id = ?")
                .params(UnloadRecord.FAILED, reason, storedPath, id)
                .update();
    }
}
