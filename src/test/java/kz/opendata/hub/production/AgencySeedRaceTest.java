package kz.opendata.hub.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import kz.opendata.hub.HubProperties;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.agency.AgencyRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * Two nodes starting at the same moment both seed the agency registry into one PostgreSQL
 * database. The node that inserts an agency second must still start.
 */
class AgencySeedRaceTest {

    private AnnotationConfigApplicationContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void seedsAgencyInsertedConcurrently() throws Exception {
        DataSource dataSource = Databases.migrated("postgresql", "agency-race");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        AgencyRepository repository = start(dataSource).getBean(AgencyRepository.class);
        HubProperties properties = new HubProperties(
                Path.of("target", "agency-race"), Path.of("config", "agencies.yml"), "http://127.0.0.1");

        try (Connection otherNode = dataSource.getConnection();
                Statement statement = otherNode.createStatement()) {
            otherNode.setAutoCommit(false);
            statement.execute("INSERT INTO agency (code, language, updated_at)"
                    + " VALUES ('stat-bureau', 'kk', CURRENT_TIMESTAMP)");
            CompletableFuture<AgencyRegistry> seeding =
                    CompletableFuture.supplyAsync(() -> newRegistry(properties, repository));
            // The seeding insert waits on the other node's uncommitted row, as it does in production.
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLock(jdbc) > 0);
            otherNode.commit();

            AgencyRegistry registry = seeding.get(30, TimeUnit.SECONDS);

            assertThat(registry.all()).hasSize(2);
        }
        assertThat(jdbc.sql("SELECT name_ru FROM agency WHERE code = 'stat-bureau'")
                        .query(String.class)
                        .single())
                .isEqualTo("Бюро национальной статистики Агентства по стратегическому планированию и реформам"
                        + " Республики Казахстан");
        assertThat(jdbc.sql("SELECT email FROM agency_contact WHERE agency_code = 'stat-bureau' AND role = 'approval'")
                        .query(String.class)
                        .list())
                .containsExactly("opendata@stat-bureau.example.kz");
    }

    private static AgencyRegistry newRegistry(HubProperties properties, AgencyRepository repository) {
        try {
            return new AgencyRegistry(properties, repository);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long waitingOnLock(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND datname = current_database()")
                .query(Long.class)
                .single();
    }

    private AnnotationConfigApplicationContext start(DataSource dataSource) {
        context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, () -> dataSource);
        context.registerBean(JdbcClient.class, () -> JdbcClient.create(dataSource));
        context.registerBean(DataSourceTransactionManager.class, () -> new DataSourceTransactionManager(dataSource));
        context.register(TransactionSupport.class, AgencyRepository.class);
        context.refresh();
        return context;
    }

    @EnableTransactionManagement
    static class TransactionSupport {}
}
