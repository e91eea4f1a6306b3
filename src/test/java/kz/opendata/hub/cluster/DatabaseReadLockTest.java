package kz.opendata.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import kz.opendata.hub.production.Databases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The intake read lock as two nodes see it, on both databases. */
class DatabaseReadLockTest {

    private static final Duration MAX_AGE = Duration.ofMinutes(1);
    private static final String FILE = "/data/drop/agency/list.csv";

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void secondNodeCannotTakeHeldLock(String database) {
        JdbcClient jdbc = jdbc(database);
        DatabaseReadLock nodeA = new DatabaseReadLock(jdbc, MAX_AGE, MAX_AGE);
        DatabaseReadLock nodeB = new DatabaseReadLock(jdbc, MAX_AGE, MAX_AGE);

        assertThat(nodeA.add(FILE)).isTrue();

        assertThat(nodeB.add(FILE)).isFalse();
        assertThat(nodeB.contains(FILE)).isTrue();
        assertThat(nodeB.remove(FILE)).isFalse();
        assertThat(nodeA.remove(FILE)).isTrue();
        assertThat(nodeB.add(FILE)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void lockOlderThanMaxAgeIsTakenOverOnce(String database) {
        JdbcClient jdbc = jdbc(database);
        DatabaseReadLock deadNode = new DatabaseReadLock(jdbc, MAX_AGE, MAX_AGE);
        DatabaseReadLock nodeB = new DatabaseReadLock(jdbc, MAX_AGE, MAX_AGE);
        DatabaseReadLock nodeC = new DatabaseReadLock(jdbc, MAX_AGE, MAX_AGE);
        deadNode.add(FILE);
        jdbc.sql("UPDATE intake_read_lock SET locked_at = ?")
                .param(OffsetDateTime.now().minusMinutes(2))
                .update();

        assertThat(nodeB.contains(FILE)).isFalse();
        assertThat(nodeB.add(FILE)).isTrue();

        assertThat(nodeC.add(FILE)).isFalse();
        assertThat(deadNode.remove(FILE)).isFalse();
        assertThat(nodeC.contains(FILE)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void refreshKeepsHeldLockYoung(String database) {
        JdbcClient jdbc = jdbc(database);
        DatabaseReadLock nodeA = new DatabaseReadLock(jdbc, MAX_AGE, MAX_AGE);
        DatabaseReadLock nodeB = new DatabaseReadLock(jdbc, MAX_AGE, MAX_AGE);
        nodeA.add(FILE);
        jdbc.sql("UPDATE intake_read_lock SET locked_at = ?")
                .param(OffsetDateTime.now().minusMinutes(2))
                .update();

        nodeA.refreshHeldLocks();

        assertThat(nodeB.add(FILE)).isFalse();
    }

    private static JdbcClient jdbc(String database) {
        DataSource dataSource = Databases.migrated(database, "read-lock");
        return JdbcClient.create(dataSource);
    }
}
