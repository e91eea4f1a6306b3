package kz.opendata.hub.cluster;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The read lock of the unload-intake route, kept in the database so it holds across nodes. */
@Configuration(proxyBeanMethods = false)
class IntakeReadLockConfiguration {

    @Bean
    DatabaseReadLock intakeReadLock(JdbcClient jdbc, ClusterProperties cluster) {
        return new DatabaseReadLock(
                jdbc, Duration.ofMillis(cluster.readLockMaxAgeMs()), Duration.ofMillis(cluster.readLockKeepAliveMs()));
    }
}
