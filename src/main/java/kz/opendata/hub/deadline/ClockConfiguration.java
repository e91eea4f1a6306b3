package kz.opendata.hub.deadline;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the hub, in the zone whose calendar days count for deadlines. Campaigns,
 * letters, passports, approvals and publication schedules read it, so tests can move time forward
 * instead of waiting for it.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(DeadlineProperties properties) {
        return Clock.system(properties.zone());
    }
}
