package kz.opendata.hub.passport;

import java.util.List;
import java.util.Map;

/**
 * Technological passport of an open data set: the document written as {@code passport.json}, the
 * source of truth from which the agency's document and {@code datapackage.json} are rendered.
 *
 * <p>Sections follow the passport form of the rules on analysing state bodies' data: general part
 * (1.1), updating (1.2), geobinding (1.3), structure (2.1), value requirements (2.2) and control
 * examples (3). Every text meant for people is a map from language code (kk, ru, en) to text.
 * Field names are a public contract; a change that renames or removes one raises {@link
 * #SCHEMA_VERSION}.
 *
 * @param id the data set's name on the portal and its folder name: Latin lower-case letters,
 *     digits, {@code -} and {@code _}, 2 to 100 characters
 * @param version 1 for the first draft, raised by each approved change
 * @param source the unload the passport was drafted from
 * @param development city and year of development named in the passport's heading
 * @param controlExamples records keyed by technical name, without restricted columns and without
 *     columns under review; values longer than 500 characters are cut and end with an ellipsis
 * @param excludedColumns source columns left out because they hold restricted data
 * @param needsReview fields the hub guessed or could not fill, which an analyst confirms
 */
public record Passport(
        int schemaVersion,
        String id,
        int version,
        PassportStatus status,
        Origin source,
        Development development,
        General general,
        Updating updating,
        Geobinding geobinding,
        List<Attribute> attributes,
        List<ValueRequirement> valueRequirements,
        List<Map<String, String>> controlExamples,
        List<ExcludedColumn> excludedColumns,
        List<ReviewItem> needsReview) {

    public static final int SCHEMA_VERSION = 1;

    public Passport {
        attributes = List.copyOf(attributes);
        valueRequirements = List.copyOf(valueRequirements);
        controlExamples = List.copyOf(controlExamples);
        excludedColumns = List.copyOf(excludedColumns);
        needsReview = List.copyOf(needsReview);
    }

    /**
     * The unload behind the passport.
     *
     * @param informationSystem name of the agency's information system the unload came from
     * @param sheet sheet name for spreadsheets, null for text formats
     */
    public record Origin(String fileName, String sha256, String sheet, Map<String, String> informationSystem) {}

    /** City and year of development from the passport's heading. */
    public record Development(Map<String, String> city, int year) {}

    /** Basic data, items 1.1.1 to 1.1.6. */
    public record General(
            Map<String, String> fullName,
            Map<String, String> shortName,
            Category category,
            Supplier supplier,
            Map<String, String> description,
            Map<String, List<String>> keywords) {}

    /** A category from the hub's vocabulary of data set categories. */
    public record Category(String code, Map<String, String> name) {}

    /** Updating of data, item 1.2.1. */
    public record Updating(UpdateFrequency frequency) {}

    /**
     * Geobinding, items 1.3.1 to 1.3.4.
     *
     * @param geometryType point, line or polygon; null without geobinding
     * @param bindingType address, coordinates or territorial-code; null without geobinding
     * @param addressAttribute technical name of the attribute that contains the address, or null
     */
    public record Geobinding(boolean available, String geometryType, String bindingType, String addressAttribute) {

        public static final String ADDRESS = "address";
        public static final String COORDINATES = "coordinates";
        public static final String TERRITORIAL_CODE = "territorial-code";
        public static final String POINT = "point";
        public static final String POLYGON = "polygon";

        public static Geobinding none() {
            return new Geobinding(false, null, null, null);
        }
    }

    /**
     * One attribute of the structure, item 2.1.
     *
     * @param number 1-based position among the published attributes
     * @param group true when the attribute groups other attributes; flat tables have none
     * @param type Table Schema type name: string, integer, number, boolean, date, datetime, time,
     *     year, yearmonth, geopoint, geojson
     * @param format Table Schema format of dates and times as found in the unload, such as {@code
     *     %d.%m.%Y}; null for ISO 8601 and for other types
     * @param required true when every record has a value
     * @param unique true when no two records share a value
     */
    public record Attribute(
            int number,
            String technicalName,
            Map<String, String> name,
            boolean group,
            String type,
            String format,
            boolean required,
            boolean unique) {}

    /**
     * An additional requirement on an attribute's values, item 2.2.
     *
     * @param requirement the requirement as people read it
     * @param constraint the same requirement for machines
     */
    public record ValueRequirement(String technicalName, Map<String, String> requirement, Constraint constraint) {}

    /**
     * Machine-readable form of a value requirement; fields that do not apply are null.
     *
     * @param pattern regular expression every value matches in full
     * @param minimum smallest allowed value, written as in the attribute's type
     * @param maximum largest allowed value, written as in the attribute's type
     * @param allowedValues the only values allowed
     */
    public record Constraint(String pattern, String minimum, String maximum, List<String> allowedValues) {}

    /**
     * A source column left out of the passport.
     *
     * @param kind kind of restricted data found, such as person-name or iin
     */
    public record ExcludedColumn(String name, String technicalName, String kind) {}

    /**
     * A field an analyst confirms or fills in before the passport goes to the agency.
     *
     * @param field path of the field, such as {@code general.category} or {@code attributes[2].name}
     * @param reason why the hub could not decide it on its own
     */
    public record ReviewItem(String field, String reason) {}
}
