package kz.opendata.hub.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import kz.opendata.hub.production.Databases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deadline events recorded inside one transaction, as the daily job records them, on both
 * databases. On PostgreSQL a failed insert would abort the whole transaction.
 */
class DeadlineEventRepositoryTest {

    private static final LocalDate DUE_ON = LocalDate.of(2026, 3, 1);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void repeatedEventLeavesTransactionUsable(String database) {
        DataSource dataSource = Databases.migrated(database, "deadline-events");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long campaignId = campaignWithAgency(jdbc);
        DeadlineEventRepository events = new DeadlineEventRepository(jdbc);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        OffsetDateTime now = OffsetDateTime.now();

        transaction.executeWithoutResult(status -> {
            assertThat(events.recordOnce(campaignId, "agency-d", "analysis-deadline-set", DUE_ON, now, "first"))
                    .isTrue();
            assertThat(events.recordOnce(campaignId, "agency-d", "analysis-deadline-set", DUE_ON, now, "again"))
                    .isFalse();
            assertThat(events.recordOnce(campaignId, "agency-d", "delivery-overdue", DUE_ON, now, "next"))
                    .isTrue();
        });

        assertThat(events.forAgency(campaignId, "agency-d"))
                .extracting(DeadlineEventRepository.DeadlineEvent::evidence)
                .containsExactly("first", "next");
    }

    private static long campaignWithAgency(JdbcClient jdbc) {
        jdbc.sql("INSERT INTO agency (code, language, updated_at) VALUES ('agency-d', 'ru', CURRENT_TIMESTAMP)")
                .update();
        jdbc.sql("INSERT INTO campaign (decision_number, decision_date, authority_reference, created_at)"
                        + " VALUES ('9-DL', DATE '2026-01-10', '04-2/9', CURRENT_TIMESTAMP)")
                .update();
        return jdbc.sql("SELECT id FROM campaign WHERE decision_number = '9-DL'")
                .query(Long.class)
                .single();
    }
}
