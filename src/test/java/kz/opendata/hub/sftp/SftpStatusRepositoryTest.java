package kz.opendata.hub.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import kz.opendata.hub.production.Databases;
import kz.opendata.hub.sftp.SftpStatusRepository.SftpStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The state of each agency's SFTP connection on both databases. */
class SftpStatusRepositoryTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 2, 3, 8, 15, 0, 0, ZoneOffset.ofHours(5));

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void connectionStateIsKeptOnePerAgency(String database) {
        SftpStatusRepository statuses = new SftpStatusRepository(jdbcWithAgencies(database));
        SftpProblem hostKey = new SftpProblem("host-key-changed", "m".repeat(4100));

        statuses.save("agency-b", SftpStatusRepository.FAILING, hostKey, NOW);
        statuses.save("agency-a", SftpStatusRepository.NOT_STARTED, null, NOW);
        statuses.save("agency-b", SftpStatusRepository.OK, null, NOW.plusHours(1));
        statuses.save("agency-a", SftpStatusRepository.FAILING, hostKey, NOW.plusHours(2));

        assertThat(statuses.all()).extracting(SftpStatus::agencyCode).containsExactly("agency-a", "agency-b");
        SftpStatus failing = statuses.find("agency-a").orElseThrow();
        assertThat(failing.state()).isEqualTo(SftpStatusRepository.FAILING);
        assertThat(failing.problem()).isEqualTo("host-key-changed");
        assertThat(failing.message()).hasSize(4000);
        assertThat(failing.changedAt().toInstant()).isEqualTo(NOW.plusHours(2).toInstant());
        SftpStatus recovered = statuses.find("agency-b").orElseThrow();
        assertThat(recovered.state()).isEqualTo(SftpStatusRepository.OK);
        assertThat(recovered.problem()).isNull();
        assertThat(recovered.message()).isNull();
        assertThat(statuses.find("agency-c")).isEmpty();
    }

    private static JdbcClient jdbcWithAgencies(String database) {
        DataSource dataSource = Databases.migrated(database, "sftp-repositories");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO agency (code, language, updated_at) VALUES ('agency-a', 'ru', CURRENT_TIMESTAMP),"
                        + " ('agency-b', 'kk', CURRENT_TIMESTAMP), ('agency-c', 'ru', CURRENT_TIMESTAMP)")
                .update();
        return jdbc;
    }
}
