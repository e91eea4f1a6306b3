package kz.opendata.hub.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import kz.opendata.hub.production.Databases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Later unloads of published sets, scheduled or held, on both databases. */
class DatasetUpdateRepositoryTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 5, 4, 10, 0, 0, 0, ZoneOffset.ofHours(5));
    private static final String SCHEDULED = DatasetUpdate.SCHEDULED;
    private static final String HELD = DatasetUpdate.HELD;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void updatesAreFoundByIdUnloadAndStatus(String database) {
        JdbcClient jdbc = JdbcClient.create(Databases.migrated(database, "dataset-updates"));
        DatasetUpdateRepository updates = new DatasetUpdateRepository(jdbc);
        long approved = passport(jdbc, unload(jdbc, '0'));
        long firstUnload = unload(jdbc, '1');
        long secondUnload = unload(jdbc, '2');

        long first = update(jdbc, updates, approved, "set-one", firstUnload, SCHEDULED, NOW);
        long second = update(jdbc, updates, approved, "set-one", secondUnload, HELD, NOW.plusDays(1));

        DatasetUpdate stored = updates.find(second).orElseThrow();
        assertThat(stored.datasetName()).isEqualTo("set-one");
        assertThat(stored.agencyCode()).isEqualTo("agency-a");
        assertThat(stored.approvedPassportId()).isEqualTo(approved);
        assertThat(stored.unloadId()).isEqualTo(secondUnload);
        assertThat(stored.draftPassportId()).isNotEqualTo(approved);
        assertThat(stored.schemaChanges()).isEqualTo("{\"added\":[\"region\"]}");
        assertThat(stored.createdAt().toInstant()).isEqualTo(NOW.plusDays(1).toInstant());
        assertThat(stored.decidedAt()).isNull();
        assertThat(updates.findByUnload(firstUnload).map(DatasetUpdate::id)).contains(first);
        assertThat(updates.findByUnload(secondUnload + 1)).isEmpty();
        assertThat(updates.withStatus(SCHEDULED)).extracting(DatasetUpdate::id).containsExactly(first);
        assertThat(updates.withStatus(DatasetUpdate.PUBLISHED)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void earlierUpdatesOfSetAreSelected(String database) {
        JdbcClient jdbc = JdbcClient.create(Databases.migrated(database, "dataset-updates"));
        DatasetUpdateRepository updates = new DatasetUpdateRepository(jdbc);
        long approved = passport(jdbc, unload(jdbc, '0'));
        long unloadOne = unload(jdbc, '1');
        long unloadTwo = unload(jdbc, '2');
        long unloadThree = unload(jdbc, '3');
        long unloadFour = unload(jdbc, '4');
        long one = update(jdbc, updates, approved, "set-one", unloadOne, SCHEDULED, NOW);
        long two = update(jdbc, updates, approved, "set-one", unloadTwo, SCHEDULED, NOW.plusDays(1));
        long three = update(jdbc, updates, approved, "set-one", unloadThree, HELD, NOW.plusDays(2));
        long four = update(jdbc, updates, approved, "set-two", unloadFour, SCHEDULED, NOW.plusDays(3));

        assertThat(updates.latestScheduledPerDataset())
                .extracting(DatasetUpdate::id)
                .containsExactly(two, four);
        assertThat(updates.olderIn("set-one", three, List.of(SCHEDULED, HELD)))
                .extracting(DatasetUpdate::id)
                .containsExactly(one, two);
        assertThat(updates.olderIn("set-one", four, List.of(HELD)))
                .extracting(DatasetUpdate::id)
                .containsExactly(three);
        assertThat(updates.olderIn("set-one", one, List.of(SCHEDULED, HELD))).isEmpty();
        assertThat(updates.fromEarlierUnloadsIn("set-one", unloadThree, List.of(SCHEDULED)))
                .extracting(DatasetUpdate::id)
                .containsExactly(one, two);
        assertThat(updates.fromEarlierUnloadsIn("set-one", unloadTwo, List.of(SCHEDULED, HELD)))
                .extracting(DatasetUpdate::id)
                .containsExactly(one);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void updateSinceTimeIsFoundAcrossOffsets(String database) {
        JdbcClient jdbc = JdbcClient.create(Databases.migrated(database, "dataset-updates"));
        DatasetUpdateRepository updates = new DatasetUpdateRepository(jdbc);
        long approved = passport(jdbc, unload(jdbc, '0'));
        update(jdbc, updates, approved, "set-one", unload(jdbc, '1'), SCHEDULED, NOW);
        update(jdbc, updates, approved, "set-one", unload(jdbc, '2'), HELD, NOW.plusDays(1));
        // The same instants written in UTC. A row counts only when created_at is strictly later.
        OffsetDateTime nowUtc = NOW.withOffsetSameInstant(ZoneOffset.UTC);

        assertThat(updates.existsSince("set-one", nowUtc.minusSeconds(1), List.of(SCHEDULED)))
                .isTrue();
        assertThat(updates.existsSince("set-one", nowUtc, List.of(SCHEDULED))).isFalse();
        assertThat(updates.existsSince("set-one", nowUtc, List.of(SCHEDULED, HELD)))
                .isTrue();
        assertThat(updates.existsSince("set-one", nowUtc.plusDays(1), List.of(HELD)))
                .isFalse();
        assertThat(updates.existsSince("set-two", nowUtc.minusDays(1), List.of(SCHEDULED, HELD)))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void transitionAppliesOnlyFromExpectedStatus(String database) {
        JdbcClient jdbc = JdbcClient.create(Databases.migrated(database, "dataset-updates"));
        DatasetUpdateRepository updates = new DatasetUpdateRepository(jdbc);
        long approved = passport(jdbc, unload(jdbc, '0'));
        long id = update(jdbc, updates, approved, "set-one", unload(jdbc, '1'), HELD, NOW);

        boolean released = updates.transition(id, HELD, DatasetUpdate.RELEASED, NOW.plusHours(3), "analyst");
        boolean releasedAgain = updates.transition(id, HELD, DatasetUpdate.REFUSED, NOW.plusHours(4), "other");

        assertThat(released).isTrue();
        assertThat(releasedAgain).isFalse();
        DatasetUpdate stored = updates.find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(DatasetUpdate.RELEASED);
        assertThat(stored.decidedBy()).isEqualTo("analyst");
        assertThat(stored.decidedAt().toInstant()).isEqualTo(NOW.plusHours(3).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void holdNoticeIsClaimedUntilSent(String database) {
        JdbcClient jdbc = JdbcClient.create(Databases.migrated(database, "dataset-updates"));
        DatasetUpdateRepository updates = new DatasetUpdateRepository(jdbc);
        long approved = passport(jdbc, unload(jdbc, '0'));
        long noticed = update(jdbc, updates, approved, "set-one", unload(jdbc, '1'), HELD, NOW);
        long waiting = update(jdbc, updates, approved, "set-two", unload(jdbc, '2'), HELD, NOW);
        update(jdbc, updates, approved, "set-three", unload(jdbc, '3'), SCHEDULED, NOW);
        Duration timeout = Duration.ofMinutes(10);
        updates.markNoticeSent(noticed, "<notice@hub>", NOW);

        assertThat(updates.heldWithoutNotice()).extracting(DatasetUpdate::id).containsExactly(waiting);
        assertThat(updates.claimNotice(waiting, NOW, timeout)).isTrue();
        assertThat(updates.claimNotice(waiting, NOW.plusMinutes(5), timeout)).isFalse();
        assertThat(updates.claimNotice(waiting, NOW.plusMinutes(11), timeout)).isTrue();
        updates.markNoticeSent(waiting, "<notice-2@hub>", NOW.plusMinutes(12));
        assertThat(updates.claimNotice(waiting, NOW.plusDays(1), timeout)).isFalse();
        assertThat(updates.heldWithoutNotice()).isEmpty();
        DatasetUpdate sent = updates.find(waiting).orElseThrow();
        assertThat(sent.noticeMessageId()).isEqualTo("<notice-2@hub>");
        assertThat(sent.noticeSentAt().toInstant())
                .isEqualTo(NOW.plusMinutes(12).toInstant());
        assertThat(sent.noticeClaimedAt().toInstant())
                .isEqualTo(NOW.plusMinutes(11).toInstant());
    }

    /** Inserts a draft passport of the unload and an update of the set from that unload. */
    private static long update(
            JdbcClient jdbc,
            DatasetUpdateRepository updates,
            long approved,
            String datasetName,
            long unloadId,
            String status,
            OffsetDateTime createdAt) {
        long draft = passport(jdbc, unloadId);
        return updates.insert(
                datasetName, "agency-a", approved, unloadId, draft, status, "{\"added\":[\"region\"]}", createdAt);
    }

    private static long unload(JdbcClient jdbc, char hash) {
        jdbc.sql("INSERT INTO agency (code, language, updated_at) SELECT 'agency-a', 'ru', CURRENT_TIMESTAMP"
                        + " WHERE NOT EXISTS (SELECT 1 FROM agency)")
                .update();
        String sha256 = String.valueOf(hash).repeat(64);
        jdbc.sql("INSERT INTO unload (agency_code, file_name, sha256, size_bytes, status, received_at, stored_path)"
                        + " VALUES ('agency-a', 'list.csv', ?, 10, 'analysed', CURRENT_TIMESTAMP, 'archive/list.csv')")
                .param(sha256)
                .update();
        return jdbc.sql("SELECT id FROM unload WHERE sha256 = ?")
                .param(sha256)
                .query(Long.class)
                .single();
    }

    private static long passport(JdbcClient jdbc, long unloadId) {
        jdbc.sql("INSERT INTO passport (unload_id, agency_code, dataset_name, version, status, passport_json,"
                        + " datapackage_json, created_at, updated_at) VALUES (?, 'agency-a', 'set-one', 1, 'draft',"
                        + " '{}', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .param(unloadId)
                .update();
        return jdbc.sql("SELECT id FROM passport WHERE unload_id = ?")
                .param(unloadId)
                .query(Long.class)
                .single();
    }
}
