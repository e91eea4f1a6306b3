package kz.opendata.hub.sftp;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Supplies SFTP secrets in place of the process environment, which a running JVM cannot change.
 * Tests put values into {@link #ENVIRONMENT} before the context starts.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecretsConfiguration {

    public static final Map<String, String> ENVIRONMENT = new ConcurrentHashMap<>();

    @Bean
    @Primary
    SftpSecrets testSecrets() {
        return new SftpSecrets() {
            @Override
            public Optional<String> lookup(String environmentVariable) {
                return Optional.ofNullable(ENVIRONMENT.get(environmentVariable));
            }
        };
    }
}
