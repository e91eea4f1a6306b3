package kz.opendata.hub.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import kz.opendata.hub.campaign.CampaignProgressRepository.PassportFacts;
import kz.opendata.hub.campaign.CampaignProgressRepository.UnloadFacts;
import kz.opendata.hub.production.Databases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Delivery counts of a surveyed agency on both databases, read from unload, passport and
 * inventory rows inserted with plain SQL.
 */
class CampaignProgressRepositoryTest {

    // 09:30 in Almaty is 04:30 UTC. The rows below are written in UTC, so each comparison crosses the offset.
    private static final OffsetDateTime SINCE = OffsetDateTime.of(2026, 1, 12, 9, 30, 0, 0, ZoneOffset.ofHours(5));

    private static OffsetDateTime utc(int day, int hour, int minute) {
        return OffsetDateTime.of(2026, 1, day, hour, minute, 0, 0, ZoneOffset.UTC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void unloadsAreCountedFromCampaignStart(String database) {
        JdbcClient jdbc = jdbcWithAgencies(database);
        unload(jdbc, "agency-a", 'a', utc(12, 4, 0), "analysed", "candidate");
        unload(jdbc, "agency-a", 'b', utc(12, 4, 30), "analysed", "candidate-with-findings");
        unload(jdbc, "agency-a", 'c', utc(13, 0, 0), "analysed", "not-candidate");
        unload(jdbc, "agency-a", 'd', utc(14, 0, 0), "failed", null);
        unload(jdbc, "agency-a", 'e', utc(15, 0, 0), "received", null);
        unload(jdbc, "agency-b", 'f', utc(15, 0, 0), "analysed", "candidate");
        CampaignProgressRepository progress = new CampaignProgressRepository(jdbc);

        UnloadFacts facts = progress.unloads("agency-a", SINCE);

        // The unload at 04:00 UTC came before the campaign, but the one at 04:30 UTC counts.
        assertThat(facts.unloadCount()).isEqualTo(4);
        assertThat(facts.firstUnloadAt().toInstant()).isEqualTo(utc(12, 4, 30).toInstant());
        assertThat(facts.analysedCount()).isEqualTo(2);
        assertThat(facts.failedCount()).isEqualTo(1);
        assertThat(facts.candidateCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void agencyWithoutUnloadsHasZeroCounts(String database) {
        CampaignProgressRepository progress = new CampaignProgressRepository(jdbcWithAgencies(database));

        UnloadFacts unloads = progress.unloads("agency-c", SINCE);
        PassportFacts passports = progress.passports("agency-c", SINCE);

        assertThat(unloads).isEqualTo(new UnloadFacts(0, null, 0, 0, 0));
        assertThat(passports).isEqualTo(new PassportFacts(0, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void passportsAreCountedByStatus(String database) {
        JdbcClient jdbc = jdbcWithAgencies(database);
        long before = unload(jdbc, "agency-a", 'a', utc(12, 4, 0), "analysed", "candidate");
        long first = unload(jdbc, "agency-a", 'b', utc(12, 5, 0), "analysed", "candidate");
        long second = unload(jdbc, "agency-a", 'c', utc(13, 5, 0), "analysed", "candidate");
        long other = unload(jdbc, "agency-b", 'd', utc(13, 5, 0), "analysed", "candidate");
        passport(jdbc, before, "agency-a", 1, "approved");
        passport(jdbc, first, "agency-a", 1, "approved");
        passport(jdbc, first, "agency-a", 2, "published");
        passport(jdbc, first, "agency-a", 3, "draft");
        passport(jdbc, second, "agency-a", 1, "publication-failed");
        passport(jdbc, other, "agency-b", 1, "published");

        PassportFacts facts = new CampaignProgressRepository(jdbc).passports("agency-a", SINCE);

        assertThat(facts.passportCount()).isEqualTo(4);
        assertThat(facts.approvedCount()).isEqualTo(3);
        assertThat(facts.publishedCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void inventoryCountsFirstAcceptedFormOfCampaign(String database) {
        JdbcClient jdbc = jdbcWithAgencies(database);
        long campaignId = campaign(jdbc, "7-OD");
        long otherCampaign = campaign(jdbc, "8-OD");
        inventory(jdbc, otherCampaign, "agency-a", "accepted", utc(13, 0, 0));
        inventory(jdbc, null, "agency-a", "accepted", utc(12, 4, 0));
        inventory(jdbc, null, "agency-a", "rejected", utc(14, 0, 0));
        inventory(jdbc, campaignId, "agency-a", "accepted", utc(20, 0, 0));
        inventory(jdbc, null, "agency-a", "accepted", utc(18, 0, 0));
        inventory(jdbc, campaignId, "agency-b", "rejected", utc(18, 0, 0));
        CampaignProgressRepository progress = new CampaignProgressRepository(jdbc);

        OffsetDateTime received =
                progress.inventoryReceived(campaignId, "agency-a", SINCE).orElseThrow();

        assertThat(received.toInstant()).isEqualTo(utc(18, 0, 0).toInstant());
        assertThat(progress.inventoryReceived(campaignId, "agency-b", SINCE)).isEmpty();
    }

    private static long unload(
            JdbcClient jdbc, String agency, char hash, OffsetDateTime receivedAt, String status, String verdict) {
        jdbc.sql("INSERT INTO unload (agency_code, file_name, sha256, size_bytes, status, received_at, stored_path,"
                        + " verdict) VALUES (?, 'list.csv', ?, 10, ?, ?, 'archive/list.csv', ?)")
                .params(agency, String.valueOf(hash).repeat(64), status, receivedAt, verdict)
                .update();
        return jdbc.sql("SELECT id FROM unload WHERE agency_code = ? AND sha256 = ?")
                .params(agency, String.valueOf(hash).repeat(64))
                .query(Long.class)
                .single();
    }

    private static void passport(JdbcClient jdbc, long unloadId, String agency, int version, String status) {
        jdbc.sql("INSERT INTO passport (unload_id, agency_code, dataset_name, version, status, passport_json,"
                        + " datapackage_json, created_at, updated_at)"
                        + " VALUES (?, ?, 'set-one', ?, ?, '{}', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .params(unloadId, agency, version, status)
                .update();
    }

    private static long campaign(JdbcClient jdbc, String decisionNumber) {
        jdbc.sql("INSERT INTO campaign (decision_number, decision_date, authority_reference, created_at)"
                        + " VALUES (?, DATE '2026-01-10', '04-2/7', ?)")
                .params(decisionNumber, SINCE)
                .update();
        return jdbc.sql("SELECT id FROM campaign WHERE decision_number = ?")
                .param(decisionNumber)
                .query(Long.class)
                .single();
    }

    private static void inventory(
            JdbcClient jdbc, Long campaignId, String agency, String status, OffsetDateTime receivedAt) {
        jdbc.sql("INSERT INTO inventory_submission (campaign_id, agency_code, file_name, sha256, channel, status,"
                        + " received_at) VALUES (?, ?, 'form.xlsx', ?, 'mail', ?, ?)")
                .params(campaignId, agency, "0".repeat(64), status, receivedAt)
                .update();
    }

    private static JdbcClient jdbcWithAgencies(String database) {
        DataSource dataSource = Databases.migrated(database, "campaign-progress");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO agency (code, language, updated_at) VALUES ('agency-a', 'ru', CURRENT_TIMESTAMP),"
                        + " ('agency-b', 'kk', CURRENT_TIMESTAMP), ('agency-c', 'ru', CURRENT_TIMESTAMP)")
                .update();
        return jdbc;
    }
}
