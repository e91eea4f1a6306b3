package kz.opendata.hub.passport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.opendata.hub.analysis.Verdict;
import kz.opendata.hub.passport.TestUnloads.Column;
import kz.opendata.hub.passport.TestUnloads.Table;
import org.junit.jupiter.api.Test;

class PassportSchemaTest {

    static final String SCHEMA = "/schemas/passport.schema.json";

    private final PassportDrafter drafter =
            new PassportDrafter(CategoryVocabulary.loadDefault(), PassportDrafterTest.CLOCK);

    @Test
    void hospicesPassportMatchesSchema() throws Exception {
        Table table = TestUnloads.hospices();

        Passport passport = drafter.draft(TestUnloads.hospicesReport(table), null, table.reader());

        assertThat(JsonSchemas.errors(SCHEMA, tree(passport))).isEmpty();
    }

    @Test
    void wideStatisticsPassportMatchesSchema() throws Exception {
        Table table = TestUnloads.read("environment-spending.csv", ",");
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(null, "string", null, null));
        for (int year = 2005; year <= 2022; year++) {
            columns.add(Column.of(year + "_0", "number"));
        }

        Passport passport = drafter.draft(
                TestUnloads.report(table, "csv", Verdict.CANDIDATE, columns),
                new Supplier(
                        "stat",
                        LocalizedText.of(
                                "Ұлттық статистика бюросы",
                                "Бюро национальной статистики",
                                "Bureau of National Statistics")),
                table.reader());

        assertThat(JsonSchemas.errors(SCHEMA, tree(passport))).isEmpty();
    }

    @Test
    void schemaRejectsUppercaseId() throws Exception {
        Table table = TestUnloads.hospices();
        ObjectNode json = tree(drafter.draft(TestUnloads.hospicesReport(table), null, table.reader()));

        json.put("id", "Hospices");

        assertThat(JsonSchemas.errors(SCHEMA, json)).singleElement().asString().contains("/id");
    }

    @Test
    void schemaRejectsUnknownFrequency() throws Exception {
        Table table = TestUnloads.hospices();
        ObjectNode json = tree(drafter.draft(TestUnloads.hospicesReport(table), null, table.reader()));

        ((ObjectNode) json.get("updating")).put("frequency", "sometimes");

        assertThat(JsonSchemas.errors(SCHEMA, json)).singleElement().asString().contains("/updating/frequency");
    }

    @Test
    void readsBackWhatItWrites() throws Exception {
        Table table = TestUnloads.hospices();
        Passport passport = drafter.draft(TestUnloads.hospicesReport(table), null, table.reader());
        Path file = Files.createDirectories(Path.of("target", "passport-schema-test"))
                .resolve("passport.json");

        PassportJson.write(passport, file);

        assertThat(PassportJson.read(file)).isEqualTo(passport);
    }

    private static ObjectNode tree(Passport passport) {
        JsonNode tree = PassportJson.mapper().valueToTree(passport);
        return (ObjectNode) tree;
    }
}
