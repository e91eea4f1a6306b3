package kz.opendata.hub.passport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.Verdict;
import kz.opendata.hub.passport.Passport.Attribute;
import kz.opendata.hub.passport.Passport.ReviewItem;
import kz.opendata.hub.passport.Passport.ValueRequirement;
import kz.opendata.hub.passport.TestUnloads.Column;
import kz.opendata.hub.passport.TestUnloads.ListTableReader;
import kz.opendata.hub.passport.TestUnloads.Table;
import org.junit.jupiter.api.Test;

class PassportDrafterTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);

    private final PassportDrafter drafter = new PassportDrafter(CategoryVocabulary.loadDefault(), CLOCK);

    @Test
    void leavesRestrictedColumnOutOfAttributes() throws Exception {
        Table table = TestUnloads.hospices();

        Passport passport = drafter.draft(TestUnloads.hospicesReport(table), null, table.reader());

        // 8 columns in the header, one of them ("Руководитель") restricted.
        assertThat(passport.attributes()).hasSize(7);
        assertThat(passport.attributes()).extracting(Attribute::technicalName).doesNotContain("rukovoditel");
        assertThat(passport.attributes()).extracting(Attribute::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(passport.excludedColumns()).singleElement().satisfies(column -> {
            assertThat(column.name()).isEqualTo("Руководитель");
            assertThat(column.kind()).isEqualTo("person-name");
        });
    }

    @Test
    void keepsRestrictedValuesOutOfWholePassport() throws Exception {
        Table table = TestUnloads.hospices();

        Passport passport = drafter.draft(TestUnloads.hospicesReport(table), null, table.reader());

        String json = PassportJson.toJson(passport);
        for (String[] row : table.rows()) {
            assertThat(json).doesNotContain(row[4].strip());
            assertThat(json).doesNotContain(row[5].strip());
            assertThat(json).doesNotContain(row[6].strip());
        }
    }

    @Test
    void controlExamplesSkipHiddenColumns() throws Exception {
        Table table = TestUnloads.hospices();

        Passport passport = drafter.draft(TestUnloads.hospicesReport(table), null, table.reader());

        assertThat(passport.controlExamples()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Map<String, String> example = passport.controlExamples().get(i);
            assertThat(example.get("nazvanie")).isEqualTo(table.rows().get(i)[1].strip());
            assertThat(example.get("adres")).isEqualTo(table.rows().get(i)[2].strip());
            assertThat(example).doesNotContainKeys("rukovoditel", "telefon", "faks");
        }
        assertThat(passport.needsReview()).extracting(ReviewItem::field).contains("controlExamples");
    }

    @Test
    void bindsAddressColumnOfHospices() throws Exception {
        Table table = TestUnloads.hospices();

        Passport passport = drafter.draft(TestUnloads.hospicesReport(table), null, table.reader());

        assertThat(passport.geobinding().available()).isTrue();
        assertThat(passport.geobinding().bindingType()).isEqualTo("address");
        assertThat(passport.geobinding().geometryType()).isEqualTo("point");
        assertThat(passport.geobinding().addressAttribute()).isEqualTo("adres");
    }

    @Test
    void draftsHospicesAsHealthDirectoryUpdatedAsNeeded() throws Exception {
        Table table = TestUnloads.hospices();

        Passport passport = drafter.draft(TestUnloads.hospicesReport(table), null, table.reader());

        assertThat(passport.general().category().code()).isEqualTo("health");
        assertThat(passport.updating().frequency()).isEqualTo(UpdateFrequency.AS_NEEDED);
        assertThat(passport.id()).isEqualTo("hospices");
        assertThat(passport.status()).isEqualTo(PassportStatus.DRAFT);
        assertThat(passport.version()).isEqualTo(1);
        assertThat(passport.development().year()).isEqualTo(2025);
        assertThat(passport.source().sha256()).isEqualTo(TestUnloads.sha256(table.bytes()));
    }

    @Test
    void listsUnknownSupplierForReview() throws Exception {
        Table table = TestUnloads.hospices();

        Passport passport = drafter.draft(TestUnloads.hospicesReport(table), null, table.reader());

        assertThat(passport.general().supplier()).isNull();
        assertThat(passport.needsReview())
                .extracting(ReviewItem::field)
                .contains(
                        "general.supplier",
                        "general.fullName",
                        "general.category",
                        "updating.frequency",
                        "source.informationSystem",
                        "development.city");
    }

    @Test
    void prefixesIdWithAgencyCode() throws Exception {
        Table table = TestUnloads.hospices();
        Supplier supplier = new Supplier("MOS-ZDRAV", LocalizedText.of(null, "Департамент здравоохранения", null));

        Passport passport = drafter.draft(TestUnloads.hospicesReport(table), supplier, table.reader());

        assertThat(passport.id()).isEqualTo("mos-zdrav-hospices");
        assertThat(passport.general().supplier()).isEqualTo(supplier);
        assertThat(passport.needsReview()).extracting(ReviewItem::field).doesNotContain("general.supplier");
    }

    @Test
    void flagsPhoneColumnsForReview() throws Exception {
        Table table = TestUnloads.hospices();

        Passport passport = drafter.draft(TestUnloads.hospicesReport(table), null, table.reader());

        // "Телефон" and "Факс" are the 5th and 6th published attributes (0-based 4 and 5).
        assertThat(passport.needsReview()).extracting(ReviewItem::field).contains("attributes[4]", "attributes[5]");
        assertThat(passport.valueRequirements())
                .extracting(ValueRequirement::technicalName)
                .doesNotContain("telefon", "faks");
    }

    @Test
    void infersYearlyRegionalSeriesFromLongTable() throws Exception {
        Table table = TestUnloads.read("population-by-region.csv", ",");
        AnalysisReport report = TestUnloads.report(
                table,
                "csv",
                Verdict.CANDIDATE,
                List.of(Column.of("region", "string"), Column.of("year", "integer"), Column.of("value", "integer")));

        Passport passport = drafter.draft(report, null, table.reader());

        assertThat(passport.updating().frequency()).isEqualTo(UpdateFrequency.YEARLY);
        assertThat(passport.geobinding().bindingType()).isEqualTo("territorial-code");
        assertThat(passport.geobinding().geometryType()).isEqualTo("polygon");
        assertThat(passport.geobinding().addressAttribute()).isNull();
    }

    @Test
    void infersAllowedRegionsAndRanges() throws Exception {
        Table table = TestUnloads.read("population-by-region.csv", ",");
        AnalysisReport report = TestUnloads.report(
                table,
                "csv",
                Verdict.CANDIDATE,
                List.of(Column.of("region", "string"), Column.of("year", "integer"), Column.of("value", "integer")));

        Passport passport = drafter.draft(report, null, table.reader());

        ValueRequirement region = requirement(passport, "region");
        // cut -d, -f1 | sort -u on the data rows gives 18 names.
        assertThat(region.constraint().allowedValues()).hasSize(18).contains("Kazakhstan", "Turkestan_region");
        ValueRequirement year = requirement(passport, "year");
        assertThat(year.constraint().minimum()).isEqualTo("2000");
        assertThat(year.constraint().maximum()).isEqualTo("2021");
        assertThat(year.requirement().get("ru")).isEqualTo("От 2000 до 2021");
        // awk over the third column: smallest 315203, largest 18879552; 17 rows are empty.
        ValueRequirement value = requirement(passport, "value");
        assertThat(value.constraint().minimum()).isEqualTo("315203");
        assertThat(value.constraint().maximum()).isEqualTo("18879552");
        assertThat(passport.attributes().get(2).required()).isFalse();
    }

    @Test
    void infersYearlySeriesFromYearHeaders() throws Exception {
        Table table = TestUnloads.read("environment-spending.csv", ",");
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(null, "string", null, null));
        for (int year = 2005; year <= 2022; year++) {
            columns.add(Column.of("c" + year + "_0", "number"));
        }

        Passport passport =
                drafter.draft(TestUnloads.report(table, "csv", Verdict.CANDIDATE, columns), null, table.reader());

        assertThat(passport.updating().frequency()).isEqualTo(UpdateFrequency.YEARLY);
        assertThat(passport.geobinding().bindingType()).isEqualTo("territorial-code");
        assertThat(passport.attributes().get(0).technicalName()).isEqualTo("column_1");
        assertThat(passport.needsReview()).extracting(ReviewItem::field).contains("attributes[0].name");
        assertThat(passport.controlExamples().get(1).get("column_1")).isEqualTo("Абай");
        assertThat(passport.general().category().code()).isEqualTo("environment");
    }

    @Test
    void readsNoMoreRowsThanSampleLimit() throws Exception {
        Table table = TestUnloads.hospices();
        List<String[]> manyRows = new ArrayList<>();
        for (int i = 0; i < RowSample.MAX_ROWS + 10; i++) {
            manyRows.add(table.rows().get(i % table.rows().size()));
        }
        ListTableReader reader = new ListTableReader(table.header(), manyRows);

        drafter.draft(TestUnloads.hospicesReport(table), null, reader);

        int left = 0;
        while (reader.next() != null) {
            left++;
        }
        assertThat(left).isEqualTo(10);
    }

    @Test
    void marksNotCandidateVerdictForReview() throws Exception {
        Table table = TestUnloads.hospices();
        AnalysisReport candidate = TestUnloads.hospicesReport(table);
        AnalysisReport rejected = new AnalysisReport(
                candidate.schemaVersion(),
                candidate.source(),
                candidate.rowCount(),
                candidate.columns(),
                candidate.criteria(),
                Verdict.NOT_CANDIDATE,
                List.of());

        Passport passport = drafter.draft(rejected, null, table.reader());

        assertThat(passport.needsReview()).extracting(ReviewItem::field).contains("status");
    }

    private static ValueRequirement requirement(Passport passport, String technicalName) {
        return passport.valueRequirements().stream()
                .filter(requirement -> requirement.technicalName().equals(technicalName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no value requirement for " + technicalName));
    }
}
