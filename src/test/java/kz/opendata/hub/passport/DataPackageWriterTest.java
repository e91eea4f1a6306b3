package kz.opendata.hub.passport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataPackageWriterTest {

    static final String SCHEMA = "/schemas/datapackage.schema.json";

    private final DataPackageWriter writer = new DataPackageWriter();

    @Test
    void descriptorMatchesDataPackageSchema() throws Exception {
        for (Passport passport :
                List.of(TestPassports.hospices(), TestPassports.population(), TestPassports.environmentSpending())) {
            ObjectNode descriptor = writer.descriptor(passport, Language.RU);

            assertThat(JsonSchemas.errors(SCHEMA, descriptor)).as(passport.id()).isEmpty();
        }
    }

    @Test
    void describesOneCsvResource() throws Exception {
        JsonNode resource = writer.descriptor(TestPassports.hospices(), Language.RU)
                .get("resources")
                .get(0);

        assertThat(resource.get("path").asText()).isEqualTo("data.csv");
        assertThat(resource.get("format").asText()).isEqualTo("csv");
        assertThat(resource.get("mediatype").asText()).isEqualTo("text/csv");
        assertThat(resource.get("encoding").asText()).isEqualTo("utf-8");
        assertThat(resource.get("profile").asText()).isEqualTo("tabular-data-resource");
        assertThat(resource.get("schema").get("missingValues").get(0).asText()).isEmpty();
    }

    @Test
    void leavesRestrictedColumnOutOfFields() throws Exception {
        JsonNode fields = writer.descriptor(TestPassports.hospices(), Language.RU)
                .get("resources")
                .get(0)
                .get("schema")
                .get("fields");

        List<String> names = new ArrayList<>();
        fields.forEach(field -> names.add(field.get("name").asText()));
        // hospices.csv has 8 columns; "Руководитель" holds people's names.
        assertThat(names).hasSize(7).doesNotContain("rukovoditel").contains("nazvanie", "telefon");
        assertThat(fields.get(1).get("title").asText()).isEqualTo("Название");
    }

    @Test
    void writesRangesAsNumbersAndAllowedValues() throws Exception {
        JsonNode fields = writer.descriptor(TestPassports.population(), Language.EN)
                .get("resources")
                .get(0)
                .get("schema")
                .get("fields");

        JsonNode region = fields.get(0).get("constraints");
        JsonNode year = fields.get(1).get("constraints");
        assertThat(region.get("enum")).hasSize(18);
        assertThat(region.get("required").asBoolean()).isTrue();
        assertThat(year.get("minimum").isNumber()).isTrue();
        assertThat(year.get("minimum").asInt()).isEqualTo(2000);
        assertThat(year.get("maximum").asInt()).isEqualTo(2021);
        assertThat(fields.get(2).get("constraints").get("required").asBoolean()).isFalse();
    }

    @Test
    void schemaRejectsUnknownFieldType() throws Exception {
        ObjectNode descriptor = writer.descriptor(TestPassports.hospices(), Language.RU);
        ObjectNode field = (ObjectNode)
                descriptor.get("resources").get(0).get("schema").get("fields").get(0);

        field.put("type", "text");

        assertThat(JsonSchemas.errors(SCHEMA, descriptor)).isNotEmpty();
    }
}
