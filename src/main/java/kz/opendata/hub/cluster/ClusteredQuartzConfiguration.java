package kz.opendata.hub.cluster;

import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.quartz.SchedulerException;
import org.quartz.SchedulerFactory;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the Quartz scheduler of the quartz: endpoints on the JDBC job store in the hub's database,
 * clustered. Every node uses the same scheduler name and a generated instance id; before firing a
 * trigger a node locks the trigger row through QRTZ_LOCKS, so one node fires each tick.
 *
 * <p>NOTE: Quartz keeps schedulers in a JVM-wide map by name, so two nodes must be two JVMs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.cluster.enabled", havingValue = "true")
class ClusteredQuartzConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ClusteredQuartzConfiguration.class);

    @Bean
    SchedulerFactory clusteredQuartzSchedulerFactory(DataSource dataSource, ClusterProperties cluster)
            throws SchedulerException {
        // Quartz finds connection providers by name in a JVM-wide registry, so the name is unique
        // per application context.
        String dataSourceName = "hub-" + UUID.randomUUID();
        DBConnectionManager.getInstance()
                .addConnectionProvider(dataSourceName, new DataSourceConnectionProvider(dataSource));
        LOG.info("Quartz runs clustered on the database as scheduler {}", cluster.schedulerName());
        return new StdSchedulerFactory(quartzProperties(cluster, dataSourceName));
    }

    /** Hands the factory to the quartz component, which creates, starts and stops the scheduler. */
    @Bean
    CamelContextConfiguration clusteredQuartzComponent(SchedulerFactory clusteredQuartzSchedulerFactory) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
                context.getComponent("quartz", QuartzComponent.class)
                        .setSchedulerFactory(clusteredQuartzSchedulerFactory);
            }

            @Override
            public void afterApplicationStart(CamelContext context) {
                // Nothing to do once the routes run.
            }
        };
    }

    static Properties quartzProperties(ClusterProperties cluster, String dataSourceName) {
        Properties properties = new Properties();
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, cluster.schedulerName());
        properties.setProperty(
                StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, StdSchedulerFactory.AUTO_GENERATE_INSTANCE_ID);
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", "4");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        // Reads job data with getBytes, which both PostgreSQL BYTEA and H2 VARBINARY support.
        properties.setProperty(
                "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty(
                "org.quartz.jobStore.clusterCheckinInterval", String.valueOf(cluster.checkinIntervalMs()));
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return properties;
    }
}
