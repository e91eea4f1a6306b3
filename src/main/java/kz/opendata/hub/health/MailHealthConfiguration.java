package kz.opendata.hub.health;

import java.time.Duration;
import kz.opendata.hub.mail.MailProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health of the mail servers of the approval loop, shown as components smtp and imap of
 * /actuator/health. A server that does not answer makes its component DOWN; one that answers with
 * something other than a mail greeting makes it OUT_OF_SERVICE.
 */
@Configuration(proxyBeanMethods = false)
class MailHealthConfiguration {

    @Bean
    HealthIndicator smtpHealthIndicator(MailProperties mail, @Value("${hub.health.timeout:2s}") Duration timeout) {
        MailProperties.Server smtp = mail.smtp();
        return new ServerGreetingProbe(smtp.host(), smtp.port(), "smtps".equals(smtp.protocol()), "220", timeout);
    }

    @Bean
    HealthIndicator imapHealthIndicator(MailProperties mail, @Value("${hub.health.timeout:2s}") Duration timeout) {
        MailProperties.Server imap = mail.imap();
        return new ServerGreetingProbe(imap.host(), imap.port(), "imaps".equals(imap.protocol()), "* OK", timeout);
    }
}
