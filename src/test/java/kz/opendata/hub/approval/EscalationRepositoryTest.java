package kz.opendata.hub.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import kz.opendata.hub.approval.EscalationRepository.Escalation;
import kz.opendata.hub.production.Databases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Escalated approvals on both databases. */
class EscalationRepositoryTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 20, 9, 0, 0, 0, ZoneOffset.ofHours(5));

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void openEscalationsListPassportsStillSent(String database) {
        JdbcClient jdbc = JdbcClient.create(Databases.migrated(database, "escalations"));
        long later = passport(jdbc, 'a', "sent");
        long earlier = passport(jdbc, 'b', "sent");
        long decided = passport(jdbc, 'c', "approved");
        long notEscalated = passport(jdbc, 'd', "sent");
        EscalationRepository escalations = new EscalationRepository(jdbc);

        escalations.insert(later, NOW, 3, NOW.minusDays(2));
        escalations.insert(earlier, NOW.minusHours(1), 2, NOW.minusDays(5));
        escalations.insert(decided, NOW.minusDays(1), 3, NOW.minusDays(9));

        List<Escalation> open = escalations.open();
        assertThat(open).extracting(Escalation::passportId).containsExactly(earlier, later);
        Escalation first = open.get(0);
        assertThat(first.agencyCode()).isEqualTo("agency-a");
        assertThat(first.datasetName()).isEqualTo("set-b");
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.title()).isEqualTo("Title b");
        assertThat(first.reminders()).isEqualTo(2);
        assertThat(first.sentAt().toInstant()).isEqualTo(NOW.minusDays(20).toInstant());
        assertThat(first.lastContactAt().toInstant()).isEqualTo(NOW.minusDays(5).toInstant());
        assertThat(first.escalatedAt().toInstant()).isEqualTo(NOW.minusHours(1).toInstant());
        assertThat(escalations.exists(later)).isTrue();
        assertThat(escalations.exists(decided)).isTrue();
        assertThat(escalations.exists(notEscalated)).isFalse();
    }

    /** Inserts an unload and one passport of it in the given status, sent twenty days before NOW. */
    static long passport(JdbcClient jdbc, char hash, String status) {
        jdbc.sql("INSERT INTO agency (code, language, updated_at) SELECT 'agency-a', 'ru', CURRENT_TIMESTAMP"
                        + " WHERE NOT EXISTS (SELECT 1 FROM agency)")
                .update();
        String sha256 = String.valueOf(hash).repeat(64);
        jdbc.sql("INSERT INTO unload (agency_code, file_name, sha256, size_bytes, status, received_at, stored_path)"
                        + " VALUES ('agency-a', 'list.csv', ?, 10, 'analysed', CURRENT_TIMESTAMP, 'archive/list.csv')")
                .param(sha256)
                .update();
        jdbc.sql("INSERT INTO passport (unload_id, agency_code, dataset_name, version, status, title, passport_json,"
                        + " datapackage_json, created_at, updated_at, sent_at) SELECT id, 'agency-a', ?, 1, ?, ?,"
                        + " '{}', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ? FROM unload WHERE sha256 = ?")
                .params("set-" + hash, status, "Title " + hash, NOW.minusDays(20), sha256)
                .update();
        return jdbc.sql("SELECT p.id FROM passport p JOIN unload u ON u.id = p.unload_id WHERE u.sha256 = ?")
                .param(sha256)
                .query(Long.class)
                .single();
    }
}
