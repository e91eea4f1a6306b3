package kz.opendata.hub.publication;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the Table Schema of an approved data package with the schema of an update, so the
 * caller can hold an update whose structure changed until the agency approves the new structure.
 *
 * <p>Fields are matched by name; a renamed field shows as one removed and one added. A field
 * without a {@code type} has Table Schema's default type, {@code string}.
 */
public final class SchemaDiff {

    private SchemaDiff() {}

    /**
     * Differences between two schemas.
     *
     * @param added field names only the new schema has, in its order
     * @param removed field names only the approved schema has, in its order
     * @param retyped fields present in both whose type differs
     */
    public record Result(List<String> added, List<String> removed, List<Retyped> retyped) {

        public Result {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            retyped = List.copyOf(retyped);
        }

        /** Returns true when both schemas have the same fields with the same types. */
        @JsonIgnore
        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && retyped.isEmpty();
        }
    }

    /** A field whose Table Schema type changed. */
    public record Retyped(String name, String approvedType, String newType) {}

    /** Compares the fields of the first resource's schema in each data package. */
    public static Result compare(ObjectNode approvedDatapackage, ObjectNode newDatapackage) {
        Map<String, String> approved = fieldTypes(approvedDatapackage);
        Map<String, String> updated = fieldTypes(newDatapackage);
        List<String> added = new ArrayList<>();
        List<Retyped> retyped = new ArrayList<>();
        updated.forEach((name, type) -> {
            String approvedType = approved.get(name);
            if (approvedType == null) {
                added.add(name);
            } else if (!approvedType.equals(type)) {
                retyped.add(new Retyped(name, approvedType, type));
            }
        });
        List<String> removed = approved.keySet().stream()
                .filter(name -> !updated.containsKey(name))
                .toList();
        return new Result(added, removed, retyped);
    }

    private static Map<String, String> fieldTypes(ObjectNode datapackage) {
        Map<String, String> types = new LinkedHashMap<>();
        JsonNode fields = datapackage.path("resources").path(0).path("schema").path("fields");
        for (JsonNode field : fields) {
            types.put(field.path("name").asText(), field.path("type").asText("string"));
        }
        return types;
    }
}
