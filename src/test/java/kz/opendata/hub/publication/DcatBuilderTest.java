package kz.opendata.hub.publication;

import static kz.opendata.hub.publication.PublicationFixtures.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DcatBuilderTest {

    private static final String SHA = "a".repeat(64);

    @TempDir
    Path dir;

    private final DcatBuilder builder = new DcatBuilder(
            MAPPER,
            new DcatBuilder.CatalogInfo(
                    "http://127.0.0.1/api/catalog.jsonld",
                    Map.of("ru", "Каталог"),
                    Map.of("ru", "Наборы"),
                    Map.of("ru", "Сервисный интегратор")));

    private ObjectNode dataset() throws Exception {
        Path data = dir.resolve("data.csv");
        Files.writeString(data, "a\r\n1\r\n", StandardCharsets.UTF_8);
        PublicationRequest request = new PublicationRequest(
                "kindergartens",
                PublicationFixtures.passport("approved"),
                PublicationFixtures.datapackage(List.of("a")),
                data,
                SHA,
                "edu-almaty",
                PublicationFixtures.agencyNames());
        return builder.dataset(
                request,
                "http://127.0.0.1/published/kindergartens/",
                "http://127.0.0.1/published/kindergartens/data.csv");
    }

    @Test
    void datasetHasMandatoryProperties() throws Exception {
        ObjectNode dataset = dataset();

        assertThat(dataset.path("@type").asText()).isEqualTo("dcat:Dataset");
        assertThat(dataset.path("@context").path("dcat").asText()).isEqualTo("http://www.w3.org/ns/dcat#");
        assertThat(dataset.path("@context").path("dct").asText()).isEqualTo("http://purl.org/dc/terms/");
        assertThat(languages(dataset.path("dct:title"))).containsExactly("ru", "kk", "en");
        assertThat(textIn(dataset.path("dct:title"), "kk")).isEqualTo("Қала балабақшалары");
        assertThat(textIn(dataset.path("dct:description"), "ru")).isEqualTo("Перечень детских садов с числом мест");
    }

    @Test
    void datasetHasRecommendedProperties() throws Exception {
        ObjectNode dataset = dataset();

        assertThat(dataset.path("dcat:keyword").findValuesAsText("@value"))
                .containsExactly("детские сады", "образование", "балабақша");
        assertThat(dataset.path("dct:publisher").path("dct:identifier").asText())
                .isEqualTo("edu-almaty");
        assertThat(textIn(dataset.path("dct:publisher").path("foaf:name"), "kk"))
                .isEqualTo("Білім басқармасы");
        assertThat(dataset.path("dct:accrualPeriodicity").path("@id").asText())
                .isEqualTo("http://publications.europa.eu/resource/authority/frequency/MONTHLY");
    }

    @Test
    void distributionHasAccessAndDownloadUrls() throws Exception {
        JsonNode distribution = dataset().path("dcat:distribution").get(0);

        assertThat(distribution.path("@type").asText()).isEqualTo("dcat:Distribution");
        assertThat(distribution.path("dcat:accessURL").path("@id").asText())
                .isEqualTo("http://127.0.0.1/published/kindergartens/");
        assertThat(distribution.path("dcat:downloadURL").path("@id").asText())
                .isEqualTo("http://127.0.0.1/published/kindergartens/data.csv");
        assertThat(distribution.path("dcat:mediaType").path("@id").asText())
                .isEqualTo("http://www.iana.org/assignments/media-types/text/csv");
        assertThat(distribution.path("dcat:byteSize").path("@value").asText()).isEqualTo("6");
        assertThat(distribution
                        .path("spdx:checksum")
                        .path("spdx:checksumValue")
                        .path("@value")
                        .asText())
                .isEqualTo(SHA);
    }

    @Test
    void everyFrequencyMapsToEuVocabulary() {
        Map<String, String> expected = Map.of(
                "daily",
                "DAILY",
                "weekly",
                "WEEKLY",
                "monthly",
                "MONTHLY",
                "quarterly",
                "QUARTERLY",
                "half-yearly",
                "ANNUAL_2",
                "yearly",
                "ANNUAL",
                "as-needed",
                "IRREG");

        assertThat(DcatBuilder.FREQUENCIES).isEqualTo(expected);
    }

    @Test
    void catalogListsDatasetsWithMandatoryProperties() throws Exception {
        ObjectNode catalog = builder.catalog(List.of(dataset(), dataset()));

        assertThat(catalog.path("@type").asText()).isEqualTo("dcat:Catalog");
        assertThat(textIn(catalog.path("dct:title"), "ru")).isEqualTo("Каталог");
        assertThat(textIn(catalog.path("dct:description"), "ru")).isEqualTo("Наборы");
        assertThat(textIn(catalog.path("dct:publisher").path("foaf:name"), "ru"))
                .isEqualTo("Сервисный интегратор");
        assertThat(catalog.path("dcat:dataset")).hasSize(2);
        assertThat(catalog.path("dcat:dataset").get(0).has("@context")).isFalse();
        assertThat(catalog.path("dcat:dataset").get(0).path("dct:identifier").asText())
                .isEqualTo("kindergartens");
    }

    private static List<String> languages(JsonNode values) {
        List<String> languages = new ArrayList<>();
        values.forEach(value -> languages.add(value.path("@language").asText()));
        return languages;
    }

    private static String textIn(JsonNode values, String language) {
        for (JsonNode value : values) {
            if (language.equals(value.path("@language").asText())) {
                return value.path("@value").asText();
            }
        }
        return null;
    }
}
