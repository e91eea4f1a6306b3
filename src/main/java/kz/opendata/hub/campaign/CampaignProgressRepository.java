package kz.opendata.hub.campaign;

import java.time.OffsetDateTime;
import java.util.Optional;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.UnloadRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what happened to a surveyed agency's deliveries from the intake, passport and inventory
 * tables. An unload counts for a campaign when the agency delivered it after the campaign was
 * created.
 */
@Repository
class CampaignProgressRepository {

    private final JdbcClient jdbc;

    CampaignProgressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UnloadFacts unloads(String agencyCode, OffsetDateTime since) {
        return jdbc.sql("SELECT COUNT(*) AS unload_count, MIN(received_at) AS first_unload_at,"
                        + " COALESCE(SUM(CASE WHEN status = ? THEN 1 ELSE 0 END), 0) AS analysed_count,"
                        + " COALESCE(SUM(CASE WHEN status = ? THEN 1 ELSE 0 END), 0) AS failed_count,"
                        + " COALESCE(SUM(CASE WHEN status = ? AND verdict LIKE 'candidate%' THEN 1 ELSE 0 END), 0)"
                        + " AS candidate_count"
                        + " FROM unload WHERE agency_code = ? AND received_at >= ?")
                .params(UnloadRecord.ANALYSED, UnloadRecord.FAILED, UnloadRecord.ANALYSED, agencyCode, since)
                .query(UnloadFacts.class)
                .single();
    }

    PassportFacts passports(String agencyCode, OffsetDateTime since) {
        return jdbc.sql("SELECT COUNT(*) AS passport_count,"
                        + " COALESCE(SUM(CASE WHEN p.status IN (?, ?, ?) THEN 1 ELSE 0 END), 0) AS approved_count,"
                        + " COALESCE(SUM(CASE WHEN p.status = ? THEN 1 ELSE 0 END), 0) AS published_count"
                        + " FROM passport p JOIN unload u ON u.id = p.unload_id"
                        + " WHERE p.agency_code = ? AND u.received_at >= ?")
                .params(
                        PassportRecord.APPROVED,
                        PassportRecord.PUBLISHED,
                        PassportRecord.PUBLICATION_FAILED,
                        PassportRecord.PUBLISHED,
                        agencyCode,
                        since)
                .query(PassportFacts.class)
                .single();
    }

    /** When the first accepted inventory form for the campaign came back, if one did. */
    Optional<OffsetDateTime> inventoryReceived(long campaignId, String agencyCode, OffsetDateTime since) {
        return jdbc.sql(
                        "SELECT MIN(received_at) FROM inventory_submission WHERE agency_code = ? AND status = 'accepted'"
                                + " AND (campaign_id = ? OR (campaign_id IS NULL AND received_at >= ?))")
                .params(agencyCode, campaignId, since)
                .query(OffsetDateTime.class)
                .optional();
    }

    /** @param candidateCount analysed unloads whose verdict makes them an open data candidate */
    record UnloadFacts(
            long unloadCount,
            OffsetDateTime firstUnloadAt,
            long analysedCount,
            long failedCount,
            long candidateCount) {}

    record PassportFacts(long passportCount, long approvedCount, long publishedCount) {}
}
