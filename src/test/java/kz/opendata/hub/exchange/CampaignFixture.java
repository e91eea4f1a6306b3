package kz.opendata.hub.exchange;

import kz.opendata.hub.production.Databases;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A migrated database with agencies agency-a and agency-b and campaign 7-OD, for repository tests. */
final class CampaignFixture {

    private CampaignFixture() {}

    /** Creates a fresh database of the kind ("h2" or "postgresql") holding the two agencies and the campaign. */
    static JdbcClient jdbcWithCampaign(String database, String h2Folder) {
        JdbcClient jdbc = JdbcClient.create(Databases.migrated(database, h2Folder));
        jdbc.sql("INSERT INTO agency (code, language, updated_at) VALUES ('agency-a', 'ru', CURRENT_TIMESTAMP),"
                        + " ('agency-b', 'kk', CURRENT_TIMESTAMP)")
                .update();
        jdbc.sql("INSERT INTO campaign (decision_number, decision_date, authority_reference, created_at)"
                        + " VALUES ('7-OD', DATE '2026-01-10', '04-2/7', CURRENT_TIMESTAMP)")
                .update();
        return jdbc;
    }

    /** Returns the id of campaign 7-OD. */
    static long campaignId(JdbcClient jdbc) {
        return jdbc.sql("SELECT id FROM campaign WHERE decision_number = '7-OD'")
                .query(Long.class)
                .single();
    }
}
