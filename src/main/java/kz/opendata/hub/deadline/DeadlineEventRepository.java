package kz.opendata.hub.deadline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Deadline events, each recorded once per campaign, agency and kind. */
@Repository
public class DeadlineEventRepository {

    public static final String ANALYSIS_DEADLINE_SET = "analysis-deadline-set";
    public static final String ANALYSIS_DUE_SOON = "analysis-due-soon";
    public static final String ANALYSIS_OVERDUE = "analysis-overdue";
    public static final String DELIVERY_OVERDUE = "delivery-overdue";

    private final JdbcClient jdbc;

    DeadlineEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the event unless it was recorded before.
     *
     * <p>The daily job calls this for every known event inside one transaction, so a repeated event
     * must not fail the insert: on PostgreSQL a unique violation aborts the whole transaction.
     * The job runs on one node at a time, so the check and the insert do not race.
     *
     * @return true when this call recorded it
     */
    boolean recordOnce(
            long campaignId, String agencyCode, String kind, LocalDate dueOn, OffsetDateTime now, String evidence) {
        return jdbc.sql("INSERT INTO deadline_event (campaign_id, agency_code, kind, due_on, occurred_at, evidence)"
                                + " SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM deadline_event"
                                + " WHERE campaign_id = ? AND agency_code = ? AND kind = ?)")
                        .params(campaignId, agencyCode, kind, dueOn, now, evidence, campaignId, agencyCode, kind)
                        .update()
                == 1;
    }

    public List<DeadlineEvent> forAgency(long campaignId, String agencyCode) {
        return jdbc.sql("SELECT campaign_id, agency_code, kind, due_on, occurred_at, evidence FROM deadline_event"
                        + " WHERE campaign_id = ? AND agency_code = ? ORDER BY id")
                .params(campaignId, agencyCode)
                .query(DeadlineEvent.class)
                .list();
    }

    /** One recorded deadline event. */
    public record DeadlineEvent(
            long campaignId,
            String agencyCode,
            String kind,
            LocalDate dueOn,
            OffsetDateTime occurredAt,
            String evidence) {}
}
