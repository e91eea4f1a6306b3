package kz.opendata.hub.passport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.Verdict;
import kz.opendata.hub.passport.Passport.General;
import kz.opendata.hub.passport.TestUnloads.Column;
import kz.opendata.hub.passport.TestUnloads.Table;

/** Passports drafted from the test unloads, for the renderers' and writers' tests. */
final class TestPassports {

    private static final PassportDrafter DRAFTER =
            new PassportDrafter(CategoryVocabulary.loadDefault(), PassportDrafterTest.CLOCK);

    private TestPassports() {}

    static Passport hospices() throws IOException {
        Table table = TestUnloads.hospices();
        return DRAFTER.draft(TestUnloads.hospicesReport(table), null, table.reader());
    }

    static Passport population() throws IOException {
        Table table = TestUnloads.read("population-by-region.csv", ",");
        AnalysisReport report = TestUnloads.report(
                table,
                "csv",
                Verdict.CANDIDATE,
                List.of(Column.of("region", "string"), Column.of("year", "integer"), Column.of("value", "integer")));
        return DRAFTER.draft(report, null, table.reader());
    }

    static Passport environmentSpending() throws IOException {
        Table table = TestUnloads.read("environment-spending.csv", ",");
        List<Column> columns = new ArrayList<>();
        columns.add(Column.of("region", "string"));
        for (int year = 2005; year <= 2022; year++) {
            columns.add(Column.of("y" + year, "number"));
        }
        Supplier supplier = new Supplier(
                "stat",
                LocalizedText.of(
                        "Ұлттық статистика бюросы", "Бюро национальной статистики", "Bureau of National Statistics"));
        return DRAFTER.draft(TestUnloads.report(table, "csv", Verdict.CANDIDATE, columns), supplier, table.reader());
    }

    static Passport withFullName(Passport passport, Map<String, String> fullName) {
        General general = passport.general();
        return new Passport(
                passport.schemaVersion(),
                passport.id(),
                passport.version(),
                passport.status(),
                passport.source(),
                passport.development(),
                new General(
                        fullName,
                        general.shortName(),
                        general.category(),
                        general.supplier(),
                        general.description(),
                        general.keywords()),
                passport.updating(),
                passport.geobinding(),
                passport.attributes(),
                passport.valueRequirements(),
                passport.controlExamples(),
                passport.excludedColumns(),
                passport.needsReview());
    }

    static Passport withControlExamples(Passport passport, List<Map<String, String>> examples) {
        return new Passport(
                passport.schemaVersion(),
                passport.id(),
                passport.version(),
                passport.status(),
                passport.source(),
                passport.development(),
                passport.general(),
                passport.updating(),
                passport.geobinding(),
                passport.attributes(),
                passport.valueRequirements(),
                examples,
                passport.excludedColumns(),
                passport.needsReview());
    }
}
