package kz.opendata.hub.publication;

import static kz.opendata.hub.publication.PublicationFixtures.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

    /** Builds a data package whose schema has the given name and type pairs; a null type is omitted. */
    private static ObjectNode datapackage(String... namesAndTypes) {
        ObjectNode datapackage = MAPPER.createObjectNode();
        ArrayNode fields = datapackage
                .putArray("resources")
                .addObject()
                .putObject("schema")
                .putArray("fields");
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            ObjectNode field = fields.addObject().put("name", namesAndTypes[i]);
            if (namesAndTypes[i + 1] != null) {
                field.put("type", namesAndTypes[i + 1]);
            }
        }
        return datapackage;
    }

    @Test
    void sameSchemaHasNoDifference() {
        ObjectNode approved = datapackage("nazvanie", "string", "mest", "integer");

        SchemaDiff.Result diff = SchemaDiff.compare(approved, approved.deepCopy());

        assertThat(diff.isEmpty()).isTrue();
    }

    @Test
    void reportsAddedRemovedAndRetyped() {
        ObjectNode approved = datapackage("nazvanie", "string", "mest", "integer", "adres", "string");
        ObjectNode updated = datapackage("nazvanie", "string", "mest", "number", "sait", "string");

        SchemaDiff.Result diff = SchemaDiff.compare(approved, updated);

        assertThat(diff.added()).containsExactly("sait");
        assertThat(diff.removed()).containsExactly("adres");
        assertThat(diff.retyped()).containsExactly(new SchemaDiff.Retyped("mest", "integer", "number"));
        assertThat(diff.isEmpty()).isFalse();
    }

    @Test
    void missingTypeMeansString() {
        ObjectNode approved = datapackage("nazvanie", null);
        ObjectNode updated = datapackage("nazvanie", "string");

        SchemaDiff.Result diff = SchemaDiff.compare(approved, updated);

        assertThat(diff.isEmpty()).isTrue();
    }

    @Test
    void reorderedFieldsAreNoDifference() {
        ObjectNode approved = datapackage("a", "string", "b", "integer");
        ObjectNode updated = datapackage("b", "integer", "a", "string");

        SchemaDiff.Result diff = SchemaDiff.compare(approved, updated);

        assertThat(diff.isEmpty()).isTrue();
    }
}
