package kz.opendata.hub.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Campaigns and their surveyed agencies. */
@Repository
public class CampaignRepository {

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            String decisionNumber,
            LocalDate decisionDate,
            String authorityReference,
            String title,
            OffsetDateTime createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO campaign (decision_number, decision_date, authority_reference, title, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(decisionNumber, decisionDate, authorityReference, title, createdAt)
                .update(key, "id");
        return key.getKey().longValue();
    }

    void insertAgency(long campaignId, String agencyCode, String letterNumber) {
        jdbc.sql("INSERT INTO campaign_agency (campaign_id, agency_code, letter_number) VALUES (?, ?, ?)")
                .params(campaignId, agencyCode, letterNumber)
                .update();
    }

    public Optional<Campaign> find(long id) {
        return jdbc.sql("SELECT * FROM campaign WHERE id = ?")
                .param(id)
                .query(Campaign.class)
                .optional();
    }

    public boolean exists(String decisionNumber, LocalDate decisionDate) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign WHERE decision_number = ? AND decision_date = ?")
                        .params(decisionNumber, decisionDate)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public List<Campaign> all() {
        return jdbc.sql("SELECT * FROM campaign ORDER BY id")
                .query(Campaign.class)
                .list();
    }

    public List<CampaignAgency> agencies(long campaignId) {
        return jdbc.sql("SELECT * FROM campaign_agency WHERE campaign_id = ? ORDER BY letter_number")
                .param(campaignId)
                .query(CampaignAgency.class)
                .list();
    }

    public Optional<CampaignAgency> agency(long campaignId, String agencyCode) {
        return jdbc.sql("SELECT * FROM campaign_agency WHERE campaign_id = ? AND agency_code = ?")
                .params(campaignId, agencyCode)
                .query(CampaignAgency.class)
                .optional();
    }

    /** Surveyed agencies whose request went out, over all campaigns, oldest request first. */
    public List<CampaignAgency> sentRequests() {
        return jdbc.sql("SELECT * FROM campaign_agency WHERE request_sent_at IS NOT NULL"
                        + " ORDER BY request_sent_at, campaign_id, agency_code")
                .query(CampaignAgency.class)
                .list();
    }

    /** Campaigns that survey the agency, newest first. */
    public List<CampaignAgency> campaignsOf(String agencyCode) {
        return jdbc.sql("SELECT * FROM campaign_agency WHERE agency_code = ? ORDER BY campaign_id DESC")
                .param(agencyCode)
                .query(CampaignAgency.class)
                .list();
    }

    /**
     * Marks the request sent unless another node did so first.
     *
     * @return false when the request was already marked sent
     */
    public boolean markRequestSent(long campaignId, String agencyCode, String messageId, OffsetDateTime sentAt) {
        return jdbc.sql("UPDATE campaign_agency SET request_sent_at = ?, request_message_id = ?"
                                + " WHERE campaign_id = ? AND agency_code = ? AND request_sent_at IS NULL")
                        .params(sentAt, messageId, campaignId, agencyCode)
                        .update()
                == 1;
    }

    public void recordReminder(long campaignId, String agencyCode, OffsetDateTime remindedAt) {
        jdbc.sql("UPDATE campaign_agency SET reminder_count = reminder_count + 1, last_reminded_at = ?"
                        + " WHERE campaign_id = ? AND agency_code = ?")
                .params(remindedAt, campaignId, agencyCode)
                .update();
    }
}
