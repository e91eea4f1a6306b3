package kz.opendata.hub.production;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The two databases the hub runs on, each as a fresh, migrated database: an H2 file under
 * target/ and a database in one embedded PostgreSQL 17 server shared by the test JVM.
 */
public final class Databases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private Databases() {}

    /** A new, empty PostgreSQL database on the shared server, as a JDBC URL for user postgres. */
    public static synchronized String newPostgresUrl() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(Databases::stopPostgres));
            }
            String name = "hub_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database", e);
        }
    }

    /**
     * A fresh database of the given kind ("h2" or "postgresql") with every migration applied. H2
     * waits up to 30 seconds for a row lock, as the hub's configured database does.
     */
    public static DataSource migrated(String kind, String h2Folder) {
        DataSource dataSource = switch (kind) {
            case "h2" ->
                new DriverManagerDataSource(
                        "jdbc:h2:file:./target/" + h2Folder + "/db-"
                                + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet()
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=30000",
                        "sa",
                        "");
            case "postgresql" -> new DriverManagerDataSource(newPostgresUrl(), "postgres", "postgres");
            default -> throw new IllegalArgumentException("unknown database kind " + kind);
        };
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return dataSource;
    }

    private static void stopPostgres() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
