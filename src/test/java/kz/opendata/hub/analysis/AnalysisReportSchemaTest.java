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
import java.nio.file.Path;
import java.util.List;
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
