package kz.opendata.hub.analysis.types;

/** Value types, named as in Table Schema. */
public enum ValueType {
    INTEGER("integer"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    DATE("date"),
    DATETIME("datetime"),
    TIME("time"),
    YEAR("year"),
    YEARMONTH("yearmonth"),
    STRING("string");

    private final String schemaName;

    ValueType(String schemaName) {
        this.schemaName = schemaName;
    }

    /** Returns the Table Schema type name. */
    public String schemaName() {
        return schemaName;
    }
}
