package kz.opendata.hub.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import kz.opendata.hub.demand.DemandRepository.Outcome;
import kz.opendata.hub.demand.DemandRepository.StoredMatch;
import kz.opendata.hub.production.Databases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Stored requests for data and their matches on both databases. */
class DemandRepositoryTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 2, 10, 12, 0, 0, 0, ZoneOffset.ofHours(5));
    private static final OffsetDateTime REQUESTED = OffsetDateTime.of(2026, 2, 1, 9, 0, 0, 0, ZoneOffset.ofHours(6));

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void sameRequestImportedAgainIsUnchanged(String database) {
        DemandRepository demand = new DemandRepository(JdbcClient.create(Databases.migrated(database, "demand")));
        NewSignal signal = signal("portal", "r-17", 3, REQUESTED);

        Outcome first = demand.upsert(signal, NOW);
        // The same instant written in UTC, as a second source or a server in another zone would send it.
        Outcome second =
                demand.upsert(signal("portal", "r-17", 3, REQUESTED.withOffsetSameInstant(ZoneOffset.UTC)), NOW);

        assertThat(first).isEqualTo(Outcome.INSERTED);
        assertThat(second).isEqualTo(Outcome.UNCHANGED);
        DemandSignal stored = demand.find("portal", "r-17").orElseThrow();
        assertThat(stored.kind()).isEqualTo(DemandSignal.PORTAL_REQUEST);
        assertThat(stored.title()).isEqualTo("Школы по районам");
        assertThat(stored.keywords()).isEqualTo("школы; районы");
        assertThat(stored.columnNames()).isNull();
        assertThat(stored.votes()).isEqualTo(3);
        assertThat(stored.requestedAt().toInstant()).isEqualTo(REQUESTED.toInstant());
        assertThat(stored.importedAt().toInstant()).isEqualTo(NOW.toInstant());
        assertThat(demand.find(stored.id())).contains(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void changedRequestUpdatesItsRow(String database) {
        DemandRepository demand = new DemandRepository(JdbcClient.create(Databases.migrated(database, "demand")));
        demand.upsert(signal("portal", "r-17", 3, REQUESTED), NOW);

        Outcome votes = demand.upsert(signal("portal", "r-17", 5, REQUESTED), NOW.plusDays(1));
        Outcome withoutDate = demand.upsert(signal("portal", "r-17", 5, null), NOW.plusDays(2));
        Outcome unchanged = demand.upsert(signal("portal", "r-17", 5, null), NOW.plusDays(3));

        assertThat(votes).isEqualTo(Outcome.UPDATED);
        assertThat(withoutDate).isEqualTo(Outcome.UPDATED);
        assertThat(unchanged).isEqualTo(Outcome.UNCHANGED);
        DemandSignal stored = demand.find("portal", "r-17").orElseThrow();
        assertThat(stored.votes()).isEqualTo(5);
        assertThat(stored.requestedAt()).isNull();
        assertThat(stored.importedAt().toInstant()).isEqualTo(NOW.toInstant());
        assertThat(stored.updatedAt().toInstant()).isEqualTo(NOW.plusDays(2).toInstant());
        assertThat(demand.all()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void requestsAreListedOldestAndNewestFirst(String database) {
        DemandRepository demand = new DemandRepository(JdbcClient.create(Databases.migrated(database, "demand")));
        demand.upsert(signal("portal", "r-1", 1, null), NOW);
        demand.upsert(signal("upload", "r-1", 1, null), NOW);
        demand.upsert(signal("portal", "r-2", 1, null), NOW);

        assertThat(demand.all())
                .extracting(s -> s.source() + "/" + s.externalId())
                .containsExactly("portal/r-1", "upload/r-1", "portal/r-2");
        assertThat(demand.latest(2))
                .extracting(s -> s.source() + "/" + s.externalId())
                .containsExactly("portal/r-2", "upload/r-1");
        assertThat(demand.find("upload", "r-2")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void matchesAreReplacedAndOrderedByScore(String database) {
        JdbcClient jdbc = JdbcClient.create(Databases.migrated(database, "demand"));
        DemandRepository demand = new DemandRepository(jdbc);
        demand.upsert(signal("portal", "r-1", 1, null), NOW);
        demand.upsert(signal("portal", "r-2", 1, null), NOW);
        long first = demand.find("portal", "r-1").orElseThrow().id();
        long second = demand.find("portal", "r-2").orElseThrow().id();
        long unloadA = unload(jdbc, 'a');
        long unloadB = unload(jdbc, 'b');
        demand.replaceMatches(List.of(new StoredMatch(first, "unload", unloadA, unloadA, 0.1, "old", NOW)));

        demand.replaceMatches(List.of(
                new StoredMatch(first, "unload", unloadB, unloadB, 0.25, "школы (title)", NOW),
                new StoredMatch(first, "passport", 7, unloadA, 0.75, "районы (keywords)", NOW),
                new StoredMatch(second, "unload", unloadA, unloadA, 0.5, "школы (columns)", NOW)));

        List<StoredMatch> ofFirst = demand.matchesOf(first);
        assertThat(ofFirst).extracting(StoredMatch::targetType).containsExactly("passport", "unload");
        assertThat(ofFirst.get(0).score()).isEqualTo(0.75);
        assertThat(ofFirst.get(0).matchedTerms()).isEqualTo("районы (keywords)");
        assertThat(ofFirst.get(0).matchedAt().toInstant()).isEqualTo(NOW.toInstant());
        assertThat(demand.allMatches()).extracting(StoredMatch::score).containsExactly(0.75, 0.5, 0.25);
        assertThat(demand.matchesOf(second + 1)).isEmpty();
    }

    /**
     * Checks that a second transaction requesting the demand lock waits while the first holds it,
     * then goes on once the first commits and reads the match the first stored.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void demandLockMakesSecondTransactionWait(String database) throws Exception {
        DataSource dataSource = Databases.migrated(database, "demand");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        DemandRepository demand = new DemandRepository(jdbc);
        demand.upsert(signal("portal", "r-1", 1, null), NOW);
        long signal = demand.find("portal", "r-1").orElseThrow().id();
        long unload = unload(jdbc, 'a');
        StoredMatch match = new StoredMatch(signal, "unload", unload, unload, 0.5, "школы (title)", NOW);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        CountDownLatch firstHoldsLock = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> transaction.executeWithoutResult(status -> {
                demand.lockSignals();
                demand.replaceMatches(List.of(match));
                firstHoldsLock.countDown();
                await(firstMayCommit);
            }));
            await(firstHoldsLock);
            Future<List<StoredMatch>> second = threads.submit(() -> transaction.execute(status -> {
                demand.lockSignals();
                List<StoredMatch> seen = demand.allMatches();
                demand.replaceMatches(List.of(match));
                return seen;
            }));

            // Without the lock the second transaction would reach its insert and fail or finish here.
            assertThatThrownBy(() -> second.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            firstMayCommit.countDown();
            first.get(30, TimeUnit.SECONDS);
            assertThat(second.get(30, TimeUnit.SECONDS))
                    .extracting(StoredMatch::signalId)
                    .containsExactly(signal);
            assertThat(demand.allMatches()).hasSize(1);
        } finally {
            firstMayCommit.countDown();
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other transaction did not get this far in 30 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static NewSignal signal(String source, String externalId, int votes, OffsetDateTime requestedAt) {
        return new NewSignal(
                source,
                externalId,
                DemandSignal.PORTAL_REQUEST,
                "Школы по районам",
                null,
                List.of("школы", "районы"),
                List.of(),
                null,
                votes,
                requestedAt);
    }

    private static long unload(JdbcClient jdbc, char hash) {
        jdbc.sql("INSERT INTO agency (code, language, updated_at) SELECT 'agency-a', 'ru', CURRENT_TIMESTAMP"
                        + " WHERE NOT EXISTS (SELECT 1 FROM agency)")
                .update();
        jdbc.sql("INSERT INTO unload (agency_code, file_name, sha256, size_bytes, status, received_at, stored_path)"
                        + " VALUES ('agency-a', 'list.csv', ?, 10, 'analysed', CURRENT_TIMESTAMP, 'archive/list.csv')")
                .param(String.valueOf(hash).repeat(64))
                .update();
        return jdbc.sql("SELECT id FROM unload WHERE sha256 = ?")
                .param(String.valueOf(hash).repeat(64))
                .query(Long.class)
                .single();
    }
}
