package kz.opendata.hub.deadline;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every campaign, letter and deadline reads, so tests can move time forward instead of
 * waiting for it.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock hubClock(DeadlineProperties properties) {
        return Clock.system(properties.zone());
    }
}
