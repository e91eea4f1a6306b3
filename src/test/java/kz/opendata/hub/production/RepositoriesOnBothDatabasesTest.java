package kz.opendata.hub.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRepository;
import kz.opendata.hub.store.ApprovalMessageRepository;
import kz.opendata.hub.store.ApprovalMessageRepository.ApprovalMessage;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.FindingResolutionRepository;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.PublicationRepository;
import kz.opendata.hub.store.PublicationRepository.PublicationRecord;
import kz.opendata.hub.store.UnloadRecord;
import kz.opendata.hub.store.UnloadRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * Every repository against both databases the hub supports: the embedded H2 default and a real
 * PostgreSQL 17 server, each migrated by the same Flyway scripts.
 */
class RepositoriesOnBothDatabasesTest {

    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    private AnnotationConfigApplicationContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void unloadsAreUniquePerAgencyAndHash(String database) {
        UnloadRepository unloads = start(database).getBean(UnloadRepository.class);

        long id = unloads.insertReceived("agency-a", "list.csv", SHA_A, 120, "archive/agency-a/list.csv");
        unloads.markAnalysed(id, "csv", "UTF-8", 7, "candidate", "{\"rowCount\":7}");

        UnloadRecord stored = unloads.findByHash("agency-a", SHA_A).orElseThrow();
        assertThat(stored.id()).isEqualTo(id);
        assertThat(stored.status()).isEqualTo(UnloadRecord.ANALYSED);
        assertThat(stored.rowCount()).isEqualTo(7L);
        assertThat(stored.reportJson()).isEqualTo("{\"rowCount\":7}");
        assertThatThrownBy(() -> unloads.insertReceived("agency-a", "copy.csv", SHA_A, 120, "x"))
                .isInstanceOf(DataIntegrityViolationException.class);
        long other = unloads.insertReceived("agency-b", "list.csv", SHA_A, 120, "archive/agency-b/list.csv");
        unloads.markFailed(other, "empty file", "quarantine/agency-b/list.csv");
        assertThat(unloads.find(other).orElseThrow().status()).isEqualTo(UnloadRecord.FAILED);
        assertThat(unloads.latest(10)).extracting(UnloadRecord::id).containsExactly(other, id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void passportTransitionsApplyOnce(String database) {
        start(database);
        long unloadId = context.getBean(UnloadRepository.class).insertReceived("agency-a", "f.csv", SHA_B, 1, "p");
        PassportRepository passports = context.getBean(PassportRepository.class);

        long id = passports.insertDraft(unloadId, "agency-a", "set-one", 1, "Title", "{}", "{}");

        passports.markSent(id, "token-1");
        assertThat(passports.findByToken("token-1").orElseThrow().id()).isEqualTo(id);
        assertThat(passports.transition(id, PassportRecord.SENT, PassportRecord.APPROVED))
                .isTrue();
        assertThat(passports.transition(id, PassportRecord.SENT, PassportRecord.APPROVED))
                .isFalse();
        assertThat(passports.transition(id, PassportRecord.APPROVED, PassportRecord.PUBLISHED))
                .isTrue();
        PassportRecord published = passports.find(id).orElseThrow();
        assertThat(published.publishedAt()).isNotNull();
        assertThat(published.decidedAt()).isNotNull();
        assertThat(passports.findByStatus(PassportRecord.PUBLISHED)).hasSize(1);
        assertThat(passports.findByUnload(unloadId)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void approvalMessagesAreRecordedOncePerMessageId(String database) {
        start(database);
        long passportId = draft();
        ApprovalMessageRepository messages = context.getBean(ApprovalMessageRepository.class);
        ApprovalMessage out = new ApprovalMessage(
                passportId, ApprovalMessageRepository.OUT, "<m1@hub>", null, null, "s", null, null, null, null);

        messages.insert(out);

        assertThat(messages.exists(ApprovalMessageRepository.OUT, "<m1@hub>")).isTrue();
        assertThat(messages.exists(ApprovalMessageRepository.IN, "<m1@hub>")).isFalse();
        assertThat(messages.passportForOutgoing(List.of("<m1@hub>"))).isEqualTo(passportId);
        assertThat(messages.passportForOutgoing(List.of("<none>", "<m1@hub>"))).isEqualTo(passportId);
        assertThatThrownBy(() -> messages.insert(out)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(messages.forPassport(passportId)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void publicationsResolutionsAndAuditAreStored(String database) {
        start(database);
        long passportId = draft();
        long unloadId = context.getBean(PassportRepository.class)
                .find(passportId)
                .orElseThrow()
                .unloadId();

        context.getBean(PublicationRepository.class)
                .insert(new PublicationRecord(
                        passportId, "set-one", "folder", "published", "p", SHA_A, 3L, null, null));
        FindingResolutionRepository resolutions = context.getBean(FindingResolutionRepository.class);
        resolutions.resolve(unloadId, 2, FindingResolutionRepository.EXCLUDED, "names", "analyst");
        resolutions.resolve(unloadId, 2, FindingResolutionRepository.PUBLISH, "checked", "analyst");
        AuditLog audit = context.getBean(AuditLog.class);
        audit.record("test", "published", "passport", passportId, "x".repeat(5000));

        assertThat(context.getBean(PublicationRepository.class).forPassport(passportId))
                .singleElement()
                .satisfies(p -> assertThat(p.rowCount()).isEqualTo(3L));
        assertThat(resolutions.forUnload(unloadId))
                .singleElement()
                .satisfies(r -> assertThat(r.decision()).isEqualTo(FindingResolutionRepository.PUBLISH));
        assertThat(audit.forSubject("passport", passportId))
                .singleElement()
                .satisfies(e -> assertThat(e.evidence()).hasSize(4000));
        assertThat(audit.latest(5)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void agencySavedTwiceKeepsOneRowAndLatestContacts(String database) {
        start(database);
        AgencyRepository agencies = context.getBean(AgencyRepository.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);

        agencies.save(agency(List.of(new Agency.Contact("A", "a@agency.example.kz"))));
        agencies.save(agency(List.of(
                new Agency.Contact("B", "b@agency.example.kz"), new Agency.Contact("C", "c@agency.example.kz"))));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM agency").query(Long.class).single())
                .isEqualTo(3L);
        assertThat(jdbc.sql("SELECT email FROM agency_contact WHERE agency_code = 'agency-c' ORDER BY email")
                        .query(String.class)
                        .list())
                .containsExactly("b@agency.example.kz", "c@agency.example.kz");
    }

    private long draft() {
        long unloadId = context.getBean(UnloadRepository.class).insertReceived("agency-a", "f.csv", SHA_B, 1, "p");
        return context.getBean(PassportRepository.class)
                .insertDraft(unloadId, "agency-a", "set-one", 1, "T", "{}", "{}");
    }

    private static Agency agency(List<Agency.Contact> contacts) {
        return new Agency("agency-c", "ru", Map.of("ru", "Агентство"), contacts, "agency-c");
    }

    private AnnotationConfigApplicationContext start(String database) {
        DataSource dataSource = Databases.migrated(database, "repositories");
        JdbcClient.create(dataSource)
                .sql("INSERT INTO agency (code, language, updated_at) VALUES ('agency-a', 'ru', CURRENT_TIMESTAMP),"
                        + " ('agency-b', 'kk', CURRENT_TIMESTAMP)")
                .update();
        context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, () -> dataSource);
        context.registerBean(JdbcClient.class, () -> JdbcClient.create(dataSource));
        context.registerBean(DataSourceTransactionManager.class, () -> new DataSourceTransactionManager(dataSource));
        context.register(TransactionSupport.class);
        for (Class<?> repository : List.of(
                UnloadRepository.class,
                PassportRepository.class,
                ApprovalMessageRepository.class,
                PublicationRepository.class,
                FindingResolutionRepository.class,
                AuditLog.class,
                AgencyRepository.class)) {
            context.register(repository);
        }
        context.refresh();
        return context;
    }

    @EnableTransactionManagement
    static class TransactionSupport {}
}
