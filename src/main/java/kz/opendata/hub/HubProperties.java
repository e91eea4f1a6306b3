package kz.opendata.hub;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by every feature of the hub.
 *
 * @param dataDir folder that holds drops, archive, quarantine, published sets and the embedded
 *     database
 * @param agenciesFile agency registry loaded at start-up
 * @param baseUrl address where people reach this hub, used in e-mails
 */
@Validated
@ConfigurationProperties("hub")
public record HubProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @NotNull @DefaultValue("config/agencies.yml") Path agenciesFile,
        @NotBlank @DefaultValue("http://localhost:8080") String baseUrl) {

    public Path dropDir() {
        return dataDir.resolve("drop");
    }

    public Path archiveDir() {
        return dataDir.resolve("archive");
    }

    public Path quarantineDir() {
        return dataDir.resolve("quarantine");
    }

    public Path publishedDir() {
        return dataDir.resolve("published");
    }

    public Path workDir() {
        return dataDir.resolve("work");
    }
}
