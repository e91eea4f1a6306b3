package kz.opendata.hub.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import kz.opendata.hub.agency.Agency.Contact;
import kz.opendata.hub.exchange.InformationSystem.DataField;
import kz.opendata.hub.production.Databases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Request contacts and information systems of the agency registry on both databases. */
class RegistryRepositoryTest {

    private static final String ROLE = RegistryRepository.REQUEST_ROLE;
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 2, 1, 10, 0, 0, 0, ZoneOffset.ofHours(5));
    private static final Contact OFFICE = new Contact("Registry office", "office@agency-a.example.kz");
    private static final Contact DESK = new Contact("Data desk", "desk@agency-a.example.kz");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void contactsAreAddedOnceAndReplaced(String database) {
        RegistryRepository registry = new RegistryRepository(jdbcWithAgencies(database));

        registry.addContact("agency-a", ROLE, OFFICE);
        registry.addContact("agency-a", ROLE, OFFICE);
        registry.addContact("agency-a", ROLE, DESK);
        registry.addContact("agency-a", "approval", OFFICE);

        assertThat(registry.contacts("agency-a", ROLE)).containsExactly(DESK, OFFICE);
        assertThat(registry.contacts("agency-a", "approval")).containsExactly(OFFICE);
        registry.replaceContacts("agency-a", ROLE, List.of(new Contact(null, "new@agency-a.example.kz")));
        assertThat(registry.contacts("agency-a", ROLE)).containsExactly(new Contact(null, "new@agency-a.example.kz"));
        assertThat(registry.contacts("agency-a", "approval")).containsExactly(OFFICE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void contactAddressFindsAgencyIgnoringCase(String database) {
        RegistryRepository registry = new RegistryRepository(jdbcWithAgencies(database));
        registry.addContact("agency-b", "approval", new Contact("Shared", "shared@example.kz"));
        registry.addContact("agency-a", ROLE, new Contact("Shared", "shared@example.kz"));

        assertThat(registry.agencyOfContact("Shared@Example.KZ")).contains("agency-a");
        assertThat(registry.agencyOfContact("nobody@example.kz")).isEmpty();
    }

    /**
     * Another node commits the same contact while this transaction waits to insert it, as two
     * nodes importing one contact list would. On PostgreSQL a failed insert aborts the
     * transaction, so the contacts read afterwards in the same transaction would fail.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void contactAddedByOtherNodeKeepsTransactionUsable(String database) throws Exception {
        DataSource dataSource = Databases.migrated(database, "registry");
        JdbcClient jdbc = withAgencies(dataSource);
        if (database.equals("h2")) {
            // Lets the blocked insert wait up to 30 seconds for the row lock, so a slow machine cannot time it out.
            jdbc.sql("SET DEFAULT_LOCK_TIMEOUT 30000").update();
        }
        RegistryRepository registry = new RegistryRepository(jdbc);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        try (Connection otherNode = dataSource.getConnection()) {
            otherNode.setAutoCommit(false);
            insertContact(otherNode, OFFICE);
            CompletableFuture<List<Contact>> importing =
                    CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
                        registry.addContact("agency-a", ROLE, OFFICE);
                        registry.addContact("agency-a", ROLE, DESK);
                        return registry.contacts("agency-a", ROLE);
                    }));
            await().atMost(Duration.ofSeconds(20)).until(() -> importing.isDone() || waitsForLock(jdbc, database));
            otherNode.commit();

            assertThat(importing.get(20, TimeUnit.SECONDS)).containsExactly(DESK, OFFICE);
        }
        assertThat(registry.contacts("agency-a", ROLE)).containsExactly(DESK, OFFICE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void systemIsReplacedWithAllItsFields(String database) {
        JdbcClient jdbc = jdbcWithAgencies(database);
        RegistryRepository registry = new RegistryRepository(jdbc);
        DataField iin = new DataField("ИИН заявителя", "applicant_iin", "12 digits", "string");
        DataField date = new DataField("Дата", "filed_on", null, "date");
        DataField region = new DataField("Регион", "region_code", "KATO code", "string");

        registry.saveSystem(
                "agency-a", new InformationSystem("E-licence", "Licences", List.of(iin, date)), "registry", NOW);
        registry.saveSystem("agency-a", new InformationSystem("Archive", null, List.of()), "registry", NOW);
        registry.saveSystem(
                "agency-a",
                new InformationSystem("E-licence", "Licences v2", List.of(region, date)),
                "inventory-form",
                NOW.plusDays(1));

        assertThat(registry.systems("agency-a"))
                .containsExactly(
                        new InformationSystem("E-licence", "Licences v2", List.of(region, date)),
                        new InformationSystem("Archive", null, List.of()));
        assertThat(jdbc.sql("SELECT source FROM information_system WHERE name = 'E-licence'")
                        .query(String.class)
                        .single())
                .isEqualTo("inventory-form");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM information_system_field")
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
        assertThat(registry.systems("agency-b")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void deletedSystemTakesItsFields(String database) {
        JdbcClient jdbc = jdbcWithAgencies(database);
        RegistryRepository registry = new RegistryRepository(jdbc);
        DataField field = new DataField("Дата", "filed_on", null, "date");
        registry.saveSystem("agency-a", new InformationSystem("E-licence", null, List.of(field)), "registry", NOW);

        boolean deleted = registry.deleteSystem("agency-a", "E-licence");
        boolean deletedAgain = registry.deleteSystem("agency-a", "E-licence");

        assertThat(deleted).isTrue();
        assertThat(deletedAgain).isFalse();
        assertThat(registry.systems("agency-a")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM information_system_field")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static boolean waitsForLock(JdbcClient jdbc, String database) {
        String sql = database.equals("h2")
                ? "SELECT COUNT(*) FROM information_schema.sessions"
                        + " WHERE executing_statement LIKE 'INSERT INTO agency_contact%'"
                : "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'";
        return jdbc.sql(sql).query(Long.class).single() > 0;
    }

    private static void insertContact(Connection connection, Contact contact) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO agency_contact (agency_code, email, name, role) VALUES ('agency-a', ?, ?, ?)")) {
            insert.setString(1, contact.email());
            insert.setString(2, contact.name());
            insert.setString(3, ROLE);
            insert.executeUpdate();
        }
    }

    private static JdbcClient jdbcWithAgencies(String database) {
        return withAgencies(Databases.migrated(database, "registry"));
    }

    private static JdbcClient withAgencies(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO agency (code, language, updated_at) VALUES ('agency-a', 'ru', CURRENT_TIMESTAMP),"
                        + " ('agency-b', 'kk', CURRENT_TIMESTAMP)")
                .update();
        return jdbc;
    }
}
