package kz.opendata.hub.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import javax.sql.DataSource;
import kz.opendata.hub.production.Databases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The count of failed handling attempts on both databases the hub supports. Each repository
 * instance stands for one hub node, and a new instance for a restarted node.
 */
class HandlingFailureRepositoryTest {

    private static final String MESSAGE = "<failing-1@client.example.kz>";
    private static final String OTHER = "<failing-2@client.example.kz>";
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-01T10:00:00+05:00");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void nodesAndRestartShareOneCount(String database) {
        DataSource dataSource = Databases.migrated(database, "handling-failures");
        HandlingFailureRepository firstNode = new HandlingFailureRepository(JdbcClient.create(dataSource));
        HandlingFailureRepository secondNode = new HandlingFailureRepository(JdbcClient.create(dataSource));

        int first = firstNode.recordFailure(MESSAGE, "IllegalStateException: database down", AT);
        int second = secondNode.recordFailure(MESSAGE, "IllegalStateException: database down", AT.plusMinutes(1));
        HandlingFailureRepository restarted = new HandlingFailureRepository(JdbcClient.create(dataSource));
        int afterRestart = restarted.attempts(MESSAGE);
        int third = restarted.recordFailure(MESSAGE, "IllegalStateException: database down", AT.plusMinutes(2));

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        assertThat(afterRestart).isEqualTo(2);
        assertThat(third).isEqualTo(3);
        assertThat(firstNode.attempts(OTHER)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void clearStartsCountAgain(String database) {
        DataSource dataSource = Databases.migrated(database, "handling-failures");
        HandlingFailureRepository failures = new HandlingFailureRepository(JdbcClient.create(dataSource));
        failures.recordFailure(MESSAGE, "x".repeat(2500), AT);
        failures.recordFailure(OTHER, "IllegalStateException: timed out", AT);

        failures.clear(MESSAGE);
        int again = failures.recordFailure(MESSAGE, "IllegalStateException: timed out", AT.plusMinutes(1));

        assertThat(again).isEqualTo(1);
        assertThat(failures.attempts(OTHER)).isEqualTo(1);
    }
}
