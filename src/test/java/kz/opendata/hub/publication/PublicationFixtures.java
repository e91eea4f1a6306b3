package kz.opendata.hub.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.ColumnReport;
import kz.opendata.hub.analysis.Restriction;
import kz.opendata.hub.analysis.TableReader;

/**
 * A small kindergarten directory as the analysis would report it: a name, an IIN column found
 * restricted, a remark column, a phone column found for review, and a place count. Every value is
 * invented.
 */
final class PublicationFixtures {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static final int NAME = 0;
    static final int IIN = 1;
    static final int REMARK = 2;
    static final int PHONE = 3;
    static final int PLACES = 4;

    /** The fields a passport drafter keeps: the restricted IIN column is left out. */
    static final List<String> PUBLISHED_FIELDS = List.of("nazvanie", "primechanie", "telefon", "mest");

    private PublicationFixtures() {}

    static AnalysisReport report() {
        List<ColumnReport> columns = List.of(
                column(NAME, "Название", "nazvanie", "string", null),
                column(
                        IIN,
                        "ИИН заведующей",
                        "iin_zaveduyushchei",
                        "string",
                        new Restriction("iin", Restriction.SEVERITY_RESTRICTED, 1.0, List.of("9001********"))),
                column(REMARK, "Примечание", "primechanie", "string", null),
                column(
                        PHONE,
                        "Телефон",
                        "telefon",
                        "string",
                        new Restriction("phone", Restriction.SEVERITY_REVIEW, 0.9, List.of("+7 7**"))),
                column(PLACES, "Мест", "mest", "integer", null));
        return new AnalysisReport(AnalysisReport.SCHEMA_VERSION, null, 4, columns, null, null, List.of());
    }

    static ColumnReport column(int index, String name, String technicalName, String type, Restriction restricted) {
        return new ColumnReport(
                index,
                name,
                technicalName,
                type,
                null,
                0,
                0,
                false,
                false,
                restricted,
                null,
                null,
                null,
                null,
                List.of());
    }

    /** Rows in source order; the IIN values are invented and only shaped like real ones. */
    static List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {
            "Детский сад «Солнышко»", "900101300123", "=HYPERLINK(\"http://x\")", "+7 727 000 0000", "120"
        });
        rows.add(new String[] {"Қарағанды балабақшасы, №5", "850202400456", "-12.5", "8 7212 00 00 00", "-3"});
        rows.add(new String[] {"Ұлытау «Күншуақ»", "770303500789", "@cmd", null, "95"});
        rows.add(new String[] {"Сад \"Берёзка\"\nкорпус 2", "660404600012", "\tTAB", "", ""});
        return rows;
    }

    static TableReader table(List<String[]> rows) {
        Iterator<String[]> iterator = rows.iterator();
        return new TableReader() {
            @Override
            public List<String> header() {
                return report().columns().stream().map(ColumnReport::name).toList();
            }

            @Override
            public String[] next() {
                return iterator.hasNext() ? iterator.next() : null;
            }

            @Override
            public void close() {}
        };
    }

    static ObjectNode passport(String status) {
        ObjectNode passport = MAPPER.createObjectNode();
        passport.put("schemaVersion", 1);
        passport.put("id", "p-17");
        passport.put("version", 3);
        passport.put("status", status);
        ObjectNode general = passport.putObject("general");
        general.putObject("fullName")
                .put("ru", "Детские сады города")
                .put("kk", "Қала балабақшалары")
                .put("en", "City kindergartens");
        general.putObject("shortName").put("ru", "Детские сады");
        general.putObject("description")
                .put("ru", "Перечень детских садов с числом мест")
                .put("kk", "Орын саны бар балабақшалар тізімі");
        general.put("category", "education");
        ObjectNode supplier = general.putObject("supplier");
        supplier.put("code", "edu-almaty");
        supplier.putObject("names").put("ru", "Управление образования").put("kk", "Білім басқармасы");
        ObjectNode keywords = general.putObject("keywords");
        keywords.putArray("ru").add("детские сады").add("образование");
        keywords.putArray("kk").add("балабақша");
        passport.putObject("updating").put("frequency", "monthly");
        passport.putObject("geobinding").put("available", false);
        ArrayNode attributes = passport.putArray("attributes");
        for (int i = 0; i < PUBLISHED_FIELDS.size(); i++) {
            attributes.addObject().put("number", i + 1).put("technicalName", PUBLISHED_FIELDS.get(i));
        }
        passport.putArray("valueRequirements");
        passport.putArray("controlExamples");
        return passport;
    }

    static ObjectNode datapackage(List<String> fieldNames) {
        ObjectNode datapackage = MAPPER.createObjectNode();
        datapackage.put("name", "kindergartens");
        ObjectNode resource = datapackage.putArray("resources").addObject();
        resource.put("name", "data");
        resource.put("path", "data.csv");
        ArrayNode fields = resource.putObject("schema").putArray("fields");
        for (String name : fieldNames) {
            fields.addObject().put("name", name).put("type", "mest".equals(name) ? "integer" : "string");
        }
        return datapackage;
    }

    static Map<String, String> agencyNames() {
        return Map.of("ru", "Управление образования", "kk", "Білім басқармасы");
    }

    /** Builds the input of an approved set with every restricted-data finding resolved. */
    static PublicationInput approvedInput(String datasetName) {
        return new PublicationInput(
                datasetName,
                passport("approved"),
                datapackage(PUBLISHED_FIELDS),
                report(),
                table(rows()),
                Set.of(IIN, PHONE),
                Set.of(),
                "edu-almaty",
                agencyNames());
    }
}
