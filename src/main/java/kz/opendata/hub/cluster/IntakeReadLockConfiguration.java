package kz.opendata.hub.cluster;

import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read lock of the unload-intake route, kept in the database table camel_messageprocessed.
 * A node reads a dropped file only after inserting the file's row, which fails on every other
 * node, and deletes the row once the file was moved out of the drop folder. A row whose node
 * stopped refreshing it is ignored after hub.cluster.read-lock-max-age-ms, so a file whose
 * node crashed is taken by another node (or the same one after a restart).
 */
@Configuration(proxyBeanMethods = false)
class IntakeReadLockConfiguration {

    static final String PROCESSOR_NAME = "unload-intake";

    @Bean
    JdbcOrphanLockAwareIdempotentRepository intakeReadLock(
            DataSource dataSource, CamelContext camelContext, ClusterProperties cluster) {
        JdbcOrphanLockAwareIdempotentRepository repository =
                new JdbcOrphanLockAwareIdempotentRepository(dataSource, PROCESSOR_NAME, camelContext);
        // The table comes from a Flyway migration with a longer message id than Camel's own.
        repository.setCreateTableIfNotExists(false);
        repository.setLockMaxAgeMillis(cluster.readLockMaxAgeMs());
        repository.setLockKeepAliveIntervalMillis(cluster.readLockKeepAliveMs());
        return repository;
    }
}
