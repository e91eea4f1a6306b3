package kz.opendata.hub.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgencyRegistryTest {

    @TempDir
    Path dir;

    @Test
    void readsShippedRegistry() throws IOException {
        List<Agency> agencies = AgencyRegistry.readFile(Path.of("config", "agencies.yml"));

        assertThat(agencies).extracting(Agency::code).containsExactly("stat-bureau", "city-health");
        Agency health = agencies.get(1);
        assertThat(health.language()).isEqualTo("ru");
        assertThat(health.names()).containsKeys("kk", "ru", "en");
        assertThat(health.approvalAddresses())
                .containsExactly("opendata@city-health.example.kz", "deputy@city-health.example.kz");
        assertThat(health.dropFolder()).isEqualTo("city-health");
    }

    @Test
    void contactMatchIgnoresCase() throws IOException {
        Agency health =
                AgencyRegistry.readFile(Path.of("config", "agencies.yml")).get(1);

        assertThat(health.isApprovalContact("OpenData@City-Health.example.kz")).isTrue();
        assertThat(health.isApprovalContact("someone@city-health.example.kz")).isFalse();
        assertThat(health.isApprovalContact(null)).isFalse();
    }

    @Test
    void dropFolderDefaultsToCode() throws IOException {
        Path file = write("""
                agencies:
                  - code: water-committee
                    language: kk
                    names: {kk: Су ресурстары комитеті}
                """);

        Agency agency = AgencyRegistry.readFile(file).get(0);

        assertThat(agency.dropFolder()).isEqualTo("water-committee");
        assertThat(agency.approvalContacts()).isEmpty();
        assertThat(agency.name("en")).isEqualTo("Су ресурстары комитеті");
    }

    @Test
    void rejectsUnknownLanguageNamingTheAgency() throws IOException {
        Path file = write("""
                agencies:
                  - code: water-committee
                    language: de
                    names: {kk: Су ресурстары комитеті}
                """);

        assertThatThrownBy(() -> AgencyRegistry.readFile(file))
                .hasMessageContaining("agency 1 (water-committee)")
                .hasMessageContaining("language must be kk, ru or en");
    }

    @Test
    void rejectsInvalidContactAddress() throws IOException {
        Path file = write("""
                agencies:
                  - code: water-committee
                    language: ru
                    names: {ru: Комитет по водным ресурсам}
                    approvalContacts:
                      - {name: Officer, email: not-an-address}
                """);

        assertThatThrownBy(() -> AgencyRegistry.readFile(file)).hasMessageContaining("invalid e-mail address");
    }

    @Test
    void rejectsMissingFileWithTheSettingToChange() {
        assertThatThrownBy(() -> AgencyRegistry.readFile(dir.resolve("absent.yml")))
                .hasMessageContaining("absent.yml")
                .hasMessageContaining("hub.agencies-file");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("agencies.yml"), yaml, StandardCharsets.UTF_8);
    }
}
