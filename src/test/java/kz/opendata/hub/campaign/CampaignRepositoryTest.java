package kz.opendata.hub.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import kz.opendata.hub.production.Databases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Campaigns and their surveyed agencies on both databases the hub runs on. */
class CampaignRepositoryTest {

    private static final LocalDate DECIDED_ON = LocalDate.of(2026, 1, 10);

    // Almaty time, so a database that dropped the offset would shift the instant by five hours.
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 1, 12, 9, 30, 0, 0, ZoneOffset.ofHours(5));

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void campaignIsFoundByIdAndDecision(String database) {
        CampaignRepository campaigns = new CampaignRepository(jdbcWithAgencies(database));

        long first = campaigns.insert("7-OD", DECIDED_ON, "04-2/7 of 2026-01-11", "Survey one", CREATED);
        long second = campaigns.insert("8-OD", DECIDED_ON, "04-2/8", null, CREATED.plusDays(1));

        Campaign stored = campaigns.find(first).orElseThrow();
        assertThat(stored.decisionNumber()).isEqualTo("7-OD");
        assertThat(stored.decisionDate()).isEqualTo(DECIDED_ON);
        assertThat(stored.authorityReference()).isEqualTo("04-2/7 of 2026-01-11");
        assertThat(stored.title()).isEqualTo("Survey one");
        assertThat(stored.createdAt().toInstant()).isEqualTo(CREATED.toInstant());
        assertThat(campaigns.find(second).orElseThrow().title()).isNull();
        assertThat(campaigns.find(second + 100)).isEmpty();
        assertThat(campaigns.exists("7-OD", DECIDED_ON)).isTrue();
        assertThat(campaigns.exists("7-OD", DECIDED_ON.plusDays(1))).isFalse();
        assertThat(campaigns.all()).extracting(Campaign::id).containsExactly(first, second);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void surveyedAgenciesAreListedByLetterNumber(String database) {
        CampaignRepository campaigns = new CampaignRepository(jdbcWithAgencies(database));
        long campaignId = campaigns.insert("7-OD", DECIDED_ON, "04-2/7", "Survey", CREATED);

        campaigns.insertAgency(campaignId, "agency-a", "02-1/7");
        campaigns.insertAgency(campaignId, "agency-b", "02-1/3");

        assertThat(campaigns.agencies(campaignId))
                .extracting(CampaignAgency::agencyCode)
                .containsExactly("agency-b", "agency-a");
        CampaignAgency surveyed = campaigns.agency(campaignId, "agency-a").orElseThrow();
        assertThat(surveyed.letterNumber()).isEqualTo("02-1/7");
        assertThat(surveyed.requestSent()).isFalse();
        assertThat(surveyed.reminderCount()).isZero();
        assertThat(surveyed.lastRemindedAt()).isNull();
        assertThat(campaigns.agency(campaignId, "agency-c")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void requestIsMarkedSentOnce(String database) {
        CampaignRepository campaigns = new CampaignRepository(jdbcWithAgencies(database));
        long campaignId = campaigns.insert("7-OD", DECIDED_ON, "04-2/7", "Survey", CREATED);
        campaigns.insertAgency(campaignId, "agency-a", "02-1/7");
        OffsetDateTime sentAt = CREATED.plusHours(2);

        boolean first = campaigns.markRequestSent(campaignId, "agency-a", "<r1@hub>", sentAt);
        boolean second = campaigns.markRequestSent(campaignId, "agency-a", "<r2@hub>", sentAt.plusHours(1));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        CampaignAgency sent = campaigns.agency(campaignId, "agency-a").orElseThrow();
        assertThat(sent.requestMessageId()).isEqualTo("<r1@hub>");
        assertThat(sent.requestSentAt().toInstant()).isEqualTo(sentAt.toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void sentRequestsAreOrderedByTimeSent(String database) {
        CampaignRepository campaigns = new CampaignRepository(jdbcWithAgencies(database));
        long older = campaigns.insert("7-OD", DECIDED_ON, "04-2/7", "Survey", CREATED);
        long newer = campaigns.insert("8-OD", DECIDED_ON, "04-2/8", "Survey", CREATED);
        campaigns.insertAgency(older, "agency-a", "02-1/1");
        campaigns.insertAgency(older, "agency-b", "02-1/2");
        campaigns.insertAgency(older, "agency-c", "02-1/3");
        campaigns.insertAgency(newer, "agency-a", "02-1/4");
        // 10:30+05:00 is 05:30 UTC, half an hour before 06:00 UTC, though its local time reads later.
        campaigns.markRequestSent(older, "agency-b", "<b@hub>", CREATED.plusHours(1));
        campaigns.markRequestSent(
                newer, "agency-a", "<a2@hub>", OffsetDateTime.of(2026, 1, 12, 6, 0, 0, 0, ZoneOffset.UTC));

        assertThat(campaigns.sentRequests())
                .extracting(CampaignAgency::requestMessageId)
                .containsExactly("<b@hub>", "<a2@hub>");
        assertThat(campaigns.campaignsOf("agency-a"))
                .extracting(CampaignAgency::campaignId)
                .containsExactly(newer, older);
        assertThat(campaigns.campaignsOf("agency-b"))
                .extracting(CampaignAgency::campaignId)
                .containsExactly(older);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void remindersAreCounted(String database) {
        CampaignRepository campaigns = new CampaignRepository(jdbcWithAgencies(database));
        long campaignId = campaigns.insert("7-OD", DECIDED_ON, "04-2/7", "Survey", CREATED);
        campaigns.insertAgency(campaignId, "agency-a", "02-1/7");
        campaigns.insertAgency(campaignId, "agency-b", "02-1/8");

        campaigns.recordReminder(campaignId, "agency-a", CREATED.plusDays(5));
        campaigns.recordReminder(campaignId, "agency-a", CREATED.plusDays(10));

        CampaignAgency reminded = campaigns.agency(campaignId, "agency-a").orElseThrow();
        assertThat(reminded.reminderCount()).isEqualTo(2);
        assertThat(reminded.lastRemindedAt().toInstant())
                .isEqualTo(CREATED.plusDays(10).toInstant());
        assertThat(campaigns.agency(campaignId, "agency-b").orElseThrow().reminderCount())
                .isZero();
    }

    private static JdbcClient jdbcWithAgencies(String database) {
        DataSource dataSource = Databases.migrated(database, "campaign-repository");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO agency (code, language, updated_at) VALUES ('agency-a', 'ru', CURRENT_TIMESTAMP),"
                        + " ('agency-b', 'kk', CURRENT_TIMESTAMP), ('agency-c', 'ru', CURRENT_TIMESTAMP)")
                .update();
        return jdbc;
    }
}
