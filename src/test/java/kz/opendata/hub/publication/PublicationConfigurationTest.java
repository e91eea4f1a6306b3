package kz.opendata.hub.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import kz.opendata.hub.HubProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class PublicationConfigurationTest {

    @TempDir
    Path dir;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({HubProperties.class, PublicationProperties.class})
    static class Settings {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        RefusalListener refusals() {
            return RefusalListener.NONE;
        }
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(JacksonAutoConfiguration.class, ValidationAutoConfiguration.class))
                .withUserConfiguration(Settings.class, PublicationConfiguration.class)
                .withPropertyValues("hub.data-dir=" + dir);
    }

    @Test
    void folderPortalByDefault() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(PortalAdapter.class)).isInstanceOf(DataPackageFolderPortal.class);
            PublicationProperties settings = context.getBean(PublicationProperties.class);
            assertThat(settings.ckan().apiTokenEnv()).isEqualTo("HUB_CKAN_API_TOKEN");
            assertThat(settings.ckan().maxAttempts()).isEqualTo(3);
        });
    }

    @Test
    void dryRunSelectedByHyphenatedName() {
        runner().withPropertyValues("hub.publication.portal=dry-run").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(PortalAdapter.class)).isInstanceOf(DryRunPortal.class);
        });
    }

    @Test
    void ckanWithoutTokenFailsAtStartup() {
        runner().withPropertyValues(
                        "hub.publication.portal=ckan",
                        "hub.publication.ckan.url=http://127.0.0.1:9",
                        "hub.publication.ckan.api-token-env=HUB_TEST_TOKEN_THAT_IS_NEVER_SET")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("HUB_TEST_TOKEN_THAT_IS_NEVER_SET is missing");
                });
    }

    @Test
    void invalidMaxAttemptsFailsAtStartup() {
        runner().withPropertyValues("hub.publication.ckan.max-attempts=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("maxAttempts");
        });
    }
}
