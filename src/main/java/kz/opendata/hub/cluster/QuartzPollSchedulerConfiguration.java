package kz.opendata.hub.cluster;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

/**
 * The poll scheduler that routes name with {@code scheduler: "#clusterSafeQuartz"} in place of
 * {@code scheduler: quartz}, on one node as on several.
 */
@Configuration(proxyBeanMethods = false)
class QuartzPollSchedulerConfiguration {

    /**
     * Creates a new scheduler on every lookup, because Camel looks the name up for each endpoint
     * and a scheduler keeps the trigger of one consumer.
     */
    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    ClusterSafeQuartzScheduler clusterSafeQuartz() {
        return new ClusterSafeQuartzScheduler();
    }
}
