package kz.opendata.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnalysisReportSchemaTest {

    private final ObjectMapper json = new ObjectMapper();
    private final AnalysisService service = new AnalysisService();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"mos/magistrate-courts.csv", "stat-kz/environment-spending.xls", "stat-kz/population.xlsx"})
    void reportMatchesPublishedSchema(String corpusFile) throws IOException {
        Path file = Corpus.file(corpusFile);
        AnalysisReport report = service.analyze(file, file.getFileName().toString());

        JsonNode document = json.valueToTree(report);
        List<Error> errors = schema().validate(document);

        assertThat(errors).isEmpty();
        assertThat(document.get("verdict").isTextual()).isTrue();
    }

    @Test
    void archivedJsonReportMatchesSchema(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("people.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("people.json"));
            zip.write("""
                    [{"fio": "Иванова Наталья Николаевна", "phone": "+7 (727) 272-12-34", "visits": 3},
                     {"fio": "Кузнецов Андрей Сергеевич", "phone": "+7 (727) 272-56-78", "visits": 5}]
                    """.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        AnalysisReport report = service.analyze(file, "people.zip");

        JsonNode document = json.valueToTree(report);

        assertThat(schema().validate(document)).isEmpty();
        assertThat(document.at("/source/entry").asText()).isEqualTo("people.json");
        assertThat(document.at("/source/headerRow").isNull()).isTrue();
        assertThat(document.at("/columns/0/restricted/kind").asText()).isEqualTo("person-name");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"verdict", "rowCount"})
    void schemaRejectsReportWithoutRequiredField(String field) throws IOException {
        Path file = Corpus.file("mos/hospices.csv");
        JsonNode document = json.valueToTree(service.analyze(file, "hospices.csv"));

        ((com.fasterxml.jackson.databind.node.ObjectNode) document).remove(field);

        assertThat(schema().validate(document)).isNotEmpty();
    }

    private static Schema schema() throws IOException {
        try (InputStream in = AnalysisReportSchemaTest.class.getResourceAsStream("/schemas/analysis.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        }
    }
}
