package kz.opendata.hub.passport;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;

/** Validates documents against the JSON Schemas the hub ships under {@code schemas/}. */
public final class JsonSchemas {

    private JsonSchemas() {}

    public static List<String> errors(String schemaResource, JsonNode document) throws IOException {
        try (InputStream input = JsonSchemas.class.getResourceAsStream(schemaResource)) {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Objects.requireNonNull(input, schemaResource));
            return schema.validate(document).stream().map(Error::toString).toList();
        }
    }
}
