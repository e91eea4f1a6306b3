package kz.opendata.hub.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/** Hands Quartz connections from the hub's own pool, so Quartz needs no JDBC settings of its own. */
record DataSourceConnectionProvider(DataSource dataSource) implements ConnectionProvider {

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
        // The pool belongs to Spring, which closes it.
    }

    @Override
    public void initialize() {
        // The pool is already running.
    }
}
