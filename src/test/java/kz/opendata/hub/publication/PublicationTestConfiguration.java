package kz.opendata.hub.publication;

import java.time.Instant;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Puts a clock the test sets and a portal the test switches in front of the hub's own. */
@TestConfiguration(proxyBeanMethods = false)
class PublicationTestConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock(Instant.parse("2031-01-15T04:00:00Z"));
    }

    @Bean
    @Primary
    SwitchablePortal switchablePortal(@Qualifier("portalAdapter") PortalAdapter configured) {
        return new SwitchablePortal(configured);
    }
}
