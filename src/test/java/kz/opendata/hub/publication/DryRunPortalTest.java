package kz.opendata.hub.publication;

import static kz.opendata.hub.publication.PublicationFixtures.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunPortalTest {

    @TempDir
    Path dir;

    @Test
    void recordsEachRequestInMemoryAndLog() throws Exception {
        Path log = dir.resolve("logs/dry-run.jsonl");
        CkanPackageMapper packageMapper = new CkanPackageMapper(MAPPER, PublicationProperties.CkanFieldStyle.CORE);
        DryRunPortal portal = new DryRunPortal(log, MAPPER, packageMapper::toPackage);
        PublicationService service =
                new PublicationService(new PublicationGate(), new OpenDataCsvWriter(), portal, dir.resolve("work"));

        PublicationResult first = service.publish(PublicationFixtures.approvedInput("kindergartens"));
        service.publish(PublicationFixtures.approvedInput("kindergartens"));

        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        JsonNode record = MAPPER.readTree(lines.get(0));
        assertThat(record.path("datasetName").asText()).isEqualTo("kindergartens");
        assertThat(record.path("package").path("title").asText()).isEqualTo("Детские сады города");
        assertThat(record.path("package").path("owner_org").asText()).isEqualTo("edu-almaty");
        assertThat(record.path("dataSha256").asText()).hasSize(64);
        assertThat(record.path("fileName").asText()).isEqualTo("Детские сады.csv");
        assertThat(portal.records()).hasSize(2);
        assertThat(MAPPER.writeValueAsString(portal.records().get(0))).isEqualTo(lines.get(0));
        assertThat(first.changed()).isFalse();
    }
}
