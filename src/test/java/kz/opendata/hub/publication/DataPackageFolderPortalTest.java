package kz.opendata.hub.publication;

import static kz.opendata.hub.publication.PublicationFixtures.MAPPER;
import static kz.opendata.hub.publication.PublicationFixtures.approvedInput;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataPackageFolderPortalTest {

    @TempDir
    Path dir;

    private PublicationService service() {
        DcatBuilder dcat = new DcatBuilder(
                MAPPER,
                new DcatBuilder.CatalogInfo(
                        "http://127.0.0.1/api/catalog.jsonld",
                        Map.of("en", "Catalogue"),
                        Map.of("en", "Sets"),
                        Map.of("en", "Integrator")));
        PortalAdapter portal =
                new DataPackageFolderPortal(dir.resolve("published"), "http://127.0.0.1:8080/published", dcat, MAPPER);
        return new PublicationService(new PublicationGate(), new OpenDataCsvWriter(), portal, dir.resolve("work"));
    }

    @Test
    void writesFourFilesThatParse() throws Exception {
        PublicationResult result = service().publish(approvedInput("kindergartens"));

        Path folder = dir.resolve("published/kindergartens");
        assertThat(result.changed()).isTrue();
        assertThat(result.location()).isEqualTo(folder.toString());
        for (String file : List.of("data.csv", "datapackage.json", "passport.json", "dcat.jsonld")) {
            assertThat(folder.resolve(file)).isRegularFile();
        }
        JsonNode datapackage =
                MAPPER.readTree(folder.resolve("datapackage.json").toFile());
        JsonNode passport = MAPPER.readTree(folder.resolve("passport.json").toFile());
        JsonNode dcat = MAPPER.readTree(folder.resolve("dcat.jsonld").toFile());
        assertThat(passport.path("general").path("fullName").path("kk").asText())
                .isEqualTo("Қала балабақшалары");
        assertThat(dcat.path("@type").asText()).isEqualTo("dcat:Dataset");
        JsonNode resource = datapackage.path("resources").get(0);
        assertThat(resource.path("hash").asText()).isEqualTo("sha256:" + sha256(folder.resolve("data.csv")));
        assertThat(resource.path("bytes").asLong()).isEqualTo(Files.size(folder.resolve("data.csv")));
    }

    @Test
    void secondPublishLeavesFilesUntouched() throws Exception {
        service().publish(approvedInput("kindergartens"));
        Path folder = dir.resolve("published/kindergartens");
        Map<String, FileTime> before = modificationTimes(folder);
        Object folderKey = Files.readAttributes(folder, "basic:fileKey").get("fileKey");

        PublicationResult second = service().publish(approvedInput("kindergartens"));

        assertThat(second.changed()).isFalse();
        assertThat(second.uploadedResources()).isEmpty();
        assertThat(modificationTimes(folder)).isEqualTo(before);
        assertThat(Files.readAttributes(folder, "basic:fileKey").get("fileKey")).isEqualTo(folderKey);
        assertThat(listNames(dir.resolve("published"))).containsExactly("kindergartens");
    }

    @Test
    void changedDataReplacesFolder() throws Exception {
        service().publish(approvedInput("kindergartens"));
        PublicationInput fewerRows = new PublicationInput(
                "kindergartens",
                PublicationFixtures.passport("approved"),
                PublicationFixtures.datapackage(PublicationFixtures.PUBLISHED_FIELDS),
                PublicationFixtures.report(),
                PublicationFixtures.table(PublicationFixtures.rows().subList(0, 2)),
                Set.of(PublicationFixtures.IIN, PublicationFixtures.PHONE),
                Set.of(),
                "edu-almaty",
                Map.of());

        PublicationResult second = service().publish(fewerRows);

        Path data = dir.resolve("published/kindergartens/data.csv");
        assertThat(second.changed()).isTrue();
        assertThat(Files.readAllLines(data)).hasSize(3);
        assertThat(listNames(dir.resolve("published"))).containsExactly("kindergartens");
    }

    @Test
    void interruptedPublicationLeftoversRemoved() throws Exception {
        Path published = dir.resolve("published");
        Files.createDirectories(published.resolve(".kindergartens.tmp-1"));
        Files.writeString(published.resolve(".kindergartens.tmp-1/data.csv"), "partial");
        Files.createDirectories(published.resolve(".kindergartens.old-2"));
        Files.createDirectories(published.resolve(".other-set.tmp-3"));

        service().publish(approvedInput("kindergartens"));

        assertThat(listNames(published)).containsExactly(".other-set.tmp-3", "kindergartens");
        assertThat(listNames(published.resolve("kindergartens")))
                .containsExactly("data.csv", "datapackage.json", "dcat.jsonld", "passport.json");
    }

    @Test
    void workFileDeletedAfterPublish() throws IOException {
        service().publish(approvedInput("kindergartens"));

        assertThat(listNames(dir.resolve("work"))).isEmpty();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static Map<String, FileTime> modificationTimes(Path folder) throws IOException {
        Map<String, FileTime> times = new java.util.TreeMap<>();
        for (String name : listNames(folder)) {
            times.put(name, Files.getLastModifiedTime(folder.resolve(name)));
        }
        return times;
    }

    private static List<String> listNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
