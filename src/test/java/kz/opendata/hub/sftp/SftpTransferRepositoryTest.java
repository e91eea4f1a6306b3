package kz.opendata.hub.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import kz.opendata.hub.production.Databases;
import kz.opendata.hub.sftp.SftpTransferRepository.SftpTransfer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Files downloaded from agencies' SFTP servers, recorded on both databases. */
class SftpTransferRepositoryTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 2, 3, 8, 15, 0, 0, ZoneOffset.ofHours(5));
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void transferIsStagedOncePerAgencyAndHash(String database) {
        SftpTransferRepository transfers = new SftpTransferRepository(jdbcWithAgencies(database));

        boolean first = transfers.insertStaged("agency-a", SHA_A, 120, "/out/list.csv", "inbox/agency-a/list.csv", NOW);
        boolean again = transfers.insertStaged("agency-a", SHA_A, 120, "/out/copy.csv", "inbox/agency-a/copy.csv", NOW);
        boolean otherAgency =
                transfers.insertStaged("agency-b", SHA_A, 120, "/out/list.csv", "inbox/agency-b/list.csv", NOW);

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(otherAgency).isTrue();
        SftpTransfer stored = transfers.find("agency-a", SHA_A).orElseThrow();
        assertThat(stored.remotePath()).isEqualTo("/out/list.csv");
        assertThat(stored.handoverPath()).isEqualTo("inbox/agency-a/list.csv");
        assertThat(stored.sizeBytes()).isEqualTo(120);
        assertThat(stored.state()).isEqualTo(SftpTransferRepository.STAGED);
        assertThat(stored.downloadedAt().toInstant()).isEqualTo(NOW.toInstant());
        assertThat(stored.handedOverAt()).isNull();
        assertThat(stored.downloadCount()).isEqualTo(1);
        assertThat(transfers.find("agency-a", SHA_B)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void handoverAndRepeatedDownloadsAreRecorded(String database) {
        SftpTransferRepository transfers = new SftpTransferRepository(jdbcWithAgencies(database));
        transfers.insertStaged("agency-a", SHA_A, 120, "/out/a.csv", "inbox/agency-a/a.csv", NOW);
        transfers.insertStaged("agency-a", SHA_B, 80, "/out/b.csv", "inbox/agency-a/b.csv", NOW.plusMinutes(1));
        long id = transfers.find("agency-a", SHA_A).orElseThrow().id();

        transfers.markHandedOver(id, NOW.plusMinutes(2));
        transfers.countDownload(id);
        transfers.countDownload(id);

        SftpTransfer handedOver = transfers.find("agency-a", SHA_A).orElseThrow();
        assertThat(handedOver.state()).isEqualTo(SftpTransferRepository.HANDED_OVER);
        assertThat(handedOver.handedOverAt().toInstant())
                .isEqualTo(NOW.plusMinutes(2).toInstant());
        assertThat(handedOver.downloadCount()).isEqualTo(3);
        assertThat(transfers.forAgency("agency-a"))
                .extracting(SftpTransfer::sha256)
                .containsExactly(SHA_A, SHA_B);
        assertThat(transfers.forAgency("agency-a").get(1).state()).isEqualTo(SftpTransferRepository.STAGED);
        assertThat(transfers.forAgency("agency-b")).isEmpty();
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
