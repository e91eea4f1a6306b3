package kz.opendata.hub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.ColumnReport;
import kz.opendata.hub.analysis.Criteria;
import kz.opendata.hub.analysis.Criteria.Criterion;
import kz.opendata.hub.analysis.Restriction;
import kz.opendata.hub.analysis.Source;
import kz.opendata.hub.analysis.Verdict;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.UnloadRepository;

/**
 * An analysed unload and its passport draft, written straight into the database. The report is
 * modelled on the Moscow hospice directory in samples/hospices.csv: 8 rows, tab-separated though
 * named .csv, with the heads' full names in "Руководитель" and phone and fax numbers. The
 * evidence is masked as the analysis masks it; no real value appears.
 */
final class HospiceUnload {

    static final String AGENCY = "city-health";
    static final String FILE_NAME = "hospices.csv";
    static final int HEAD_COLUMN = 4;
    static final int PHONE_COLUMN = 5;
    static final int FAX_COLUMN = 6;
    static final String[] HEADER = {
        "№ строки",
        "Название",
        "Адрес",
        "Административный округ",
        "Руководитель",
        "Телефон",
        "Факс",
        "Дополнительная информация"
    };
    static final String[] TECHNICAL_NAMES = {
        "no_stroki",
        "nazvanie",
        "adres",
        "administrativnyi_okrug",
        "rukovoditel",
        "telefon",
        "faks",
        "dopolnitelnaya_informatsiya"
    };

    private HospiceUnload() {}

    /** Inserts the unload and one passport draft; returns {unload id, passport id}. */
    static long[] insert(UnloadRepository unloads, PassportRepository passports, ObjectMapper json, String sha256)
            throws Exception {
        long unloadId = unloads.insertReceived(AGENCY, FILE_NAME, sha256, 4_512, "archive/city-health/" + FILE_NAME);
        unloads.markAnalysed(
                unloadId,
                "csv",
                "UTF-8",
                8,
                Verdict.CANDIDATE_WITHOUT_RESTRICTED_COLUMNS.code(),
                json.writeValueAsString(report(sha256)));
        long passportId = passports.insertDraft(
                unloadId,
                AGENCY,
                "moscow-hospices",
                1,
                "Хосписы Москвы",
                passport(json, 1).toString(),
                "{}");
        return new long[] {unloadId, passportId};
    }

    static AnalysisReport report(String sha256) {
        Source source = new Source(FILE_NAME, sha256, 4_512, "csv", "UTF-8", 0.99, "\t", null, 1);
        List<ColumnReport> columns = List.of(
                column(0, "integer", null, null),
                column(1, "string", null, null),
                column(2, "string", "address", null),
                column(3, "string", null, null),
                column(
                        HEAD_COLUMN,
                        "string",
                        "person-name",
                        new Restriction(
                                "person-name",
                                Restriction.SEVERITY_RESTRICTED,
                                1.0,
                                List.of("И****** Н***** Н*******", "Г******* И**** С*******"))),
                column(
                        PHONE_COLUMN,
                        "string",
                        "phone",
                        new Restriction("phone", Restriction.SEVERITY_REVIEW, 1.0, List.of("(499) ***-**02"))),
                column(
                        FAX_COLUMN,
                        "string",
                        "phone",
                        new Restriction("phone", Restriction.SEVERITY_REVIEW, 1.0, List.of("(499) ***-**01"))),
                column(7, "string", null, null));
        Criteria criteria = new Criteria(
                new Criterion(false, null, List.of("column 5 (Руководитель) holds people's full names")),
                new Criterion(null, null, List.of("no demand signals yet")),
                new Criterion(true, 0.9, List.of("tab-separated text with a header row")),
                new Criterion(null, null, List.of()));
        return new AnalysisReport(
                AnalysisReport.SCHEMA_VERSION,
                source,
                8,
                columns,
                criteria,
                Verdict.CANDIDATE_WITHOUT_RESTRICTED_COLUMNS,
                List.of());
    }

    private static ColumnReport column(int index, String type, String semanticType, Restriction restricted) {
        return new ColumnReport(
                index,
                HEADER[index],
                TECHNICAL_NAMES[index],
                type,
                semanticType,
                0,
                8,
                true,
                false,
                restricted,
                null,
                null,
                null,
                null,
                List.of());
    }

    /** Builds a passport draft without the restricted head column, with texts in three languages. */
    static ObjectNode passport(ObjectMapper json, int version) {
        ObjectNode passport = json.createObjectNode();
        passport.put("schemaVersion", 1)
                .put("id", "moscow-hospices")
                .put("version", version)
                .put("status", "draft");
        ObjectNode general = passport.putObject("general");
        general.putObject("fullName")
                .put("ru", "Хосписы города Москвы")
                .put("kk", "Мәскеу қаласының хоспистері")
                .put("en", "Hospices of Moscow");
        general.putObject("shortName").put("ru", "Хосписы");
        ObjectNode category = general.putObject("category");
        category.put("code", "health");
        category.putObject("name").put("ru", "Здравоохранение");
        general.putObject("supplier").put("code", AGENCY);
        general.putObject("description").put("ru", "Адреса и телефоны хосписов");
        general.putObject("keywords").putArray("ru").add("хосписы").add("здравоохранение");
        passport.putObject("updating").put("frequency", "yearly");
        passport.putObject("geobinding")
                .put("available", true)
                .put("geometryType", "point")
                .put("bindingType", "address")
                .put("addressAttribute", "adres");
        ArrayNode attributes = passport.putArray("attributes");
        int number = 1;
        for (int i = 0; i < HEADER.length; i++) {
            if (i == HEAD_COLUMN) {
                continue;
            }
            ObjectNode attribute = attributes.addObject();
            attribute.put("number", number++).put("technicalName", TECHNICAL_NAMES[i]);
            attribute.putObject("name").put("ru", HEADER[i]);
            attribute
                    .put("group", false)
                    .put("type", i == 0 ? "integer" : "string")
                    .putNull("format")
                    .put("required", true)
                    .put("unique", i < 2);
        }
        passport.putArray("valueRequirements");
        passport.putArray("controlExamples");
        return passport;
    }
}
