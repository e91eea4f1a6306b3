package kz.opendata.hub.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import kz.opendata.hub.exchange.InventorySubmissionRepository.InventorySubmission;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Inventory forms that came back from agencies, on both databases. */
class InventorySubmissionRepositoryTest {

    private static final OffsetDateTime SENT = OffsetDateTime.of(2026, 1, 15, 11, 0, 0, 0, ZoneOffset.ofHours(5));

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void inventoryFormsAreListedPerAgency(String database) {
        JdbcClient jdbc = CampaignFixture.jdbcWithCampaign(database, "inventory-submissions");
        long campaignId = CampaignFixture.campaignId(jdbc);
        InventorySubmissionRepository submissions = new InventorySubmissionRepository(jdbc);
        InventorySubmission accepted = new InventorySubmission(
                campaignId,
                "agency-a",
                "form.xlsx",
                "d".repeat(64),
                "mail",
                "<f1@agency>",
                InventorySubmissionRepository.ACCEPTED,
                2,
                11,
                null,
                SENT.plusDays(3));
        InventorySubmission rejected = new InventorySubmission(
                null,
                "agency-a",
                "form (2).xlsx",
                "e".repeat(64),
                "drop",
                "inbox/agency-a/form (2).xlsx",
                InventorySubmissionRepository.REJECTED,
                null,
                null,
                "sheet 2, row 4: field name is missing",
                SENT.plusDays(4));

        long firstId = submissions.insert(accepted);
        long secondId = submissions.insert(rejected);

        assertThat(secondId).isGreaterThan(firstId);
        List<InventorySubmission> stored = submissions.forAgency("agency-a");
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).campaignId()).isEqualTo(campaignId);
        assertThat(stored.get(0).systemCount()).isEqualTo(2);
        assertThat(stored.get(0).fieldCount()).isEqualTo(11);
        assertThat(stored.get(0).receivedAt().toInstant())
                .isEqualTo(SENT.plusDays(3).toInstant());
        assertThat(stored.get(1).campaignId()).isNull();
        assertThat(stored.get(1).systemCount()).isNull();
        assertThat(stored.get(1).errors()).isEqualTo(rejected.errors());
        assertThat(stored.get(1).status()).isEqualTo(InventorySubmissionRepository.REJECTED);
        assertThat(submissions.forAgency("agency-b")).isEmpty();
    }
}
