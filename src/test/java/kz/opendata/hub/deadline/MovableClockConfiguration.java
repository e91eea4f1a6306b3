package kz.opendata.hub.deadline;

import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the hub's clock with one the test moves forward. */
@TestConfiguration(proxyBeanMethods = false)
public class MovableClockConfiguration {

    @Bean
    @Primary
    public MovableClock movableClock() {
        return new MovableClock(ZoneId.of("Asia/Almaty"));
    }
}
