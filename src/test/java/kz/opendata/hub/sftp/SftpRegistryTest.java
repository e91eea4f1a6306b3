package kz.opendata.hub.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.opendata.hub.HubProperties;
import kz.opendata.hub.campaign.TestFolders;
import org.junit.jupiter.api.Test;

/** The sftp blocks of the agency registry file, read and checked at start-up. */
class SftpRegistryTest {

    private static final Path FOLDER = TestFolders.fresh("sftp-registry");

    @Test
    void readsBlockWithDefaultPort() throws IOException {
        SftpRegistry registry = registry("host: sftp.example.kz\nusername: hub\ndirectory: incoming/\n"
                + "passwordEnv: HUB_SFTP_PASSWORD\nknownHostsFile: config/known_hosts\n");

        SftpSettings settings = registry.find("stat-bureau").orElseThrow();

        assertThat(settings.port()).isEqualTo(22);
        assertThat(settings.directory()).isEqualTo("incoming");
        assertThat(settings.knownHostsName()).isEqualTo("sftp.example.kz");
        assertThat(settings.outboxDirectory()).isNull();
        assertThat(registry.find("city-health")).isEmpty();
    }

    @Test
    void rejectsAbsoluteDirectory() {
        assertThatThrownBy(() -> registry(
                        "host: h\nusername: u\ndirectory: /incoming\npasswordEnv: P\n" + "knownHostsFile: k\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("agency 1 (stat-bureau)")
                .hasMessageContaining("sftp.directory must be a folder relative to the account's login folder");
    }

    @Test
    void rejectsBothPasswordAndKey() {
        assertThatThrownBy(() -> registry("host: h\nusername: u\ndirectory: in\npasswordEnv: P\n"
                        + "privateKeyEnv: K\nknownHostsFile: k\n"))
                .hasMessageContaining("give exactly one of sftp.passwordEnv and sftp.privateKeyEnv");
    }

    @Test
    void rejectsMissingKnownHostsFile() {
        assertThatThrownBy(() -> registry("host: h\nusername: u\ndirectory: in\npasswordEnv: P\n"))
                .hasMessageContaining("sftp.knownHostsFile is missing");
    }

    @Test
    void rejectsMisspelledSetting() {
        assertThatThrownBy(
                        () -> registry("host: h\nusername: u\ndirectory: in\npasswordEnv: P\n" + "knownHostFile: k\n"))
                .hasMessageContaining("knownHostFile");
    }

    private static SftpRegistry registry(String sftpBlock) throws IOException {
        String yaml = "agencies:\n  - code: stat-bureau\n    language: kk\n    names: {kk: Бюро}\n    sftp:\n"
                + sftpBlock.indent(6) + "  - code: city-health\n    language: ru\n    names: {ru: Управление}\n";
        Path file = Files.writeString(FOLDER.resolve("agencies.yml"), yaml);
        return new SftpRegistry(new HubProperties(FOLDER, file, "http://localhost:8080"));
    }
}
