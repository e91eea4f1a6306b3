package kz.opendata.hub.store;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Append-only record of every state change: who or what acted, when, and the evidence (a file
 * hash, a Message-ID, the decisive sentence of a reply). Evidence never holds restricted values.
 */
@Repository
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String actor, String action, String subjectType, Object subjectId, String evidence) {
        jdbc.sql("INSERT INTO audit_event (occurred_at, actor, action, subject_type, subject_id, evidence)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(OffsetDateTime.now(), actor, action, subjectType, String.valueOf(subjectId), truncate(evidence))
                .update();
    }

    public List<AuditEvent> forSubject(String subjectType, Object subjectId) {
        return jdbc.sql("SELECT * FROM audit_event WHERE subject_type = ? AND subject_id = ? ORDER BY id")
                .params(subjectType, String.valueOf(subjectId))
                .query(AuditEvent.class)
                .list();
    }

    public List<AuditEvent> latest(int limit) {
        return jdbc.sql("SELECT * FROM audit_event ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query(AuditEvent.class)
                .list();
    }

    /** Audit events matching every filter of {@code filter}, newest first. */
    public List<AuditEvent> search(AuditFilter filter, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        addFilter(sql, params, "subject_type = ?", filter.subjectType());
        addFilter(sql, params, "subject_id = ?", filter.subjectId());
        addFilter(sql, params, "action = ?", filter.action());
        addFilter(sql, params, "actor = ?", filter.actor());
        addFilter(sql, params, "occurred_at >= ?", filter.from());
        addFilter(sql, params, "occurred_at < ?", filter.to());
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(AuditEvent.class).list();
    }

    /** Actions that occur in the log, for choosing a filter. */
    public List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_event ORDER BY action")
                .query(String.class)
                .list();
    }

    private static void addFilter(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
    }

    private static String truncate(String evidence) {
        return evidence == null || evidence.length() <= 4000 ? evidence : evidence.substring(0, 4000);
    }

    /**
     * Filters of {@link #search}; a null filter matches every event.
     *
     * @param from earliest time, inclusive
     * @param to latest time, exclusive
     */
    public record AuditFilter(
            String subjectType,
            String subjectId,
            String action,
            String actor,
            OffsetDateTime from,
            OffsetDateTime to) {}

    /** One audit record. */
    public record AuditEvent(
            long id,
            OffsetDateTime occurredAt,
            String actor,
            String action,
            String subjectType,
            String subjectId,
            String evidence) {}
}
