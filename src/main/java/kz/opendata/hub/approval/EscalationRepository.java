package kz.opendata.hub.approval;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Passports whose approval stayed unanswered after the last reminder. */
@Repository
class EscalationRepository {

    private final JdbcClient jdbc;

    EscalationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(long passportId) {
        return jdbc.sql("SELECT COUNT(*) FROM approval_escalation WHERE passport_id = ?")
                        .param(passportId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(long passportId, OffsetDateTime escalatedAt, int reminders, OffsetDateTime lastContactAt) {
        jdbc.sql("INSERT INTO approval_escalation (passport_id, escalated_at, reminders, last_contact_at)"
                        + " VALUES (?, ?, ?, ?)")
                .params(passportId, escalatedAt, reminders, lastContactAt)
                .update();
    }

    /** Escalations of passports still waiting for the agency's decision, oldest first. */
    List<Escalation> open() {
        return jdbc.sql("SELECT e.passport_id, p.agency_code, p.dataset_name, p.version, p.title, p.sent_at,"
                        + " e.reminders, e.last_contact_at, e.escalated_at FROM approval_escalation e"
                        + " JOIN passport p ON p.id = e.passport_id WHERE p.status = 'sent' ORDER BY e.escalated_at")
                .query(Escalation.class)
                .list();
    }

    /**
     * A passport an analyst should follow up by phone or letter.
     *
     * @param lastContactAt the last reminder, or a later reply from a contact that decided nothing
     */
    record Escalation(
            long passportId,
            String agencyCode,
            String datasetName,
            int version,
            String title,
            OffsetDateTime sentAt,
            int reminders,
            OffsetDateTime lastContactAt,
            OffsetDateTime escalatedAt) {}
}
