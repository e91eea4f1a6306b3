package kz.opendata.hub.store;

import java.time.OffsetDateTime;
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

    private static String truncate(String evidence) {
        return evidence == null || evidence.length() <= 4000 ? evidence : evidence.substring(0, 4000);
    }

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
