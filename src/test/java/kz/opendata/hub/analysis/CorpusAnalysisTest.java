package kz.opendata.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Analyses every real unload in the test corpus. Row and column counts were counted outside the
 * hub, as the corpus README describes.
 */
class CorpusAnalysisTest {

    private final AnalysisService service = new AnalysisService();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", textBlock = """
            mos/hospices.csv                      | 8   | 8  | tsv  | UTF-8        | TAB | 1
            mos/kindergartens.csv                 | 767 | 8  | tsv  | UTF-8        | TAB | 1
            mos/magistrate-courts.csv             | 438 | 9  | tsv  | UTF-8        | TAB | 1
            mos/registry-offices.csv              | 38  | 5  | tsv  | UTF-8        | TAB | 1
            mos/registry-offices-excel-cp1251.csv | 38  | 5  | csv  | windows-1251 | ;   | 1
            stat-kz/employment-applicants.csv     | 21  | 18 | csv  | UTF-8        | ,   | 1
            stat-kz/environment-spending.csv      | 22  | 19 | csv  | UTF-8        | ,   | 1
            stat-kz/population-by-region.csv      | 396 | 3  | csv  | UTF-8        | ,   | 1
            stat-kz/water-regulations.csv         | 112 | 5  | csv  | UTF-8        | ,   | 1
            """)
    void readsTextUnload(
            String file, long rows, int columns, String format, String encoding, String delimiter, int headerRow)
            throws IOException {
        AnalysisReport report = analyze(file);

        assertThat(report.rowCount()).isEqualTo(rows);
        assertThat(report.columns()).hasSize(columns);
        assertThat(report.source().format()).isEqualTo(format);
        assertThat(report.source().encoding()).isEqualTo(encoding);
        assertThat(report.source().delimiter()).isEqualTo(delimiter.equals("TAB") ? "\t" : delimiter);
        assertThat(report.source().headerRow()).isEqualTo(headerRow);
        assertThat(report.source().sheet()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", textBlock = """
            stat-kz/environment-spending.xls       | 22 | 19 | xls  | ООС           | 3
            stat-kz/environment-spending-part2.xls | 22 | 19 | xls  | ООС           | 3
            stat-kz/population.xlsx                | 18 | 23 | xlsx | Population_KZ | 6
            stat-kz/water-basins.xlsx              | 8  | 9  | xlsx | Basins_KZ     | 2
            stat-kz/employment-applicants.xlsx     | 19 | 22 | xlsx | raw           | 2
            """)
    void readsSpreadsheetUnload(String file, long rows, int columns, String format, String sheet, int headerRow)
            throws IOException {
        AnalysisReport report = analyze(file);

        assertThat(report.rowCount()).isEqualTo(rows);
        assertThat(report.columns()).hasSize(columns);
        assertThat(report.source().format()).isEqualTo(format);
        assertThat(report.source().sheet()).isEqualTo(sheet);
        assertThat(report.source().headerRow()).isEqualTo(headerRow);
        assertThat(report.source().encoding()).isNull();
    }

    @Test
    void xlsHeaderBelowTitleRows() throws IOException {
        AnalysisReport report = analyze("stat-kz/environment-spending.xls");

        List<String> names = report.columns().stream().map(ColumnReport::name).toList();
        assertThat(names.get(0)).isEmpty();
        assertThat(names.subList(1, 19)).first().isEqualTo("2005");
        assertThat(names).last().isEqualTo("2022");
        assertThat(report.columns().get(0).technicalName()).isEqualTo("column_1");
        assertThat(problemCodes(report)).contains("rows-above-header", "blank-header");
    }

    @Test
    void environmentSpendingTreatsDashAsMissing() throws IOException {
        // Row "Абай" has "-" for 2005..2021 and a value for 2022; five regions are "-" in 2005:
        // Абай, Жетісу, Туркестанская, Ұлытау and г.Шымкент.
        AnalysisReport report = analyze("stat-kz/environment-spending.xls");

        ColumnReport year2005 = report.columns().get(1);
        assertThat(year2005.nullCount()).isEqualTo(5);
        assertThat(year2005.type()).isEqualTo("number");
        assertThat(year2005.required()).isFalse();
        assertThat(report.columns().get(18).nullCount()).isEqualTo(1);
    }

    @Test
    void hospiceHeadsAndTheirPhonesAreRestricted() throws IOException {
        AnalysisReport report = analyze("mos/hospices.csv");

        Map<String, Restriction> restricted = restrictionsByName(report);
        assertThat(restricted.get("Руководитель").kind()).isEqualTo("person-name");
        assertThat(restricted.get("Руководитель").severity()).isEqualTo(Restriction.SEVERITY_RESTRICTED);
        assertThat(restricted.get("Руководитель").evidence()).allMatch(sample -> sample.matches("(\\S\\*\\*\\* ?){3}"));
        assertThat(restricted.get("Телефон").kind()).isEqualTo("phone");
        assertThat(restricted.get("Телефон").severity()).isEqualTo(Restriction.SEVERITY_RESTRICTED);
        assertThat(restricted.get("Факс").kind()).isEqualTo("phone");
        assertThat(restricted).doesNotContainKeys("Название", "Адрес");
        assertThat(report.criteria().restrictedData().pass()).isFalse();
        assertThat(report.verdict()).isEqualTo(Verdict.CANDIDATE_WITHOUT_RESTRICTED_COLUMNS);
    }

    @Test
    void magistrateJudgesPhonesAndEmailsAreRestricted() throws IOException {
        AnalysisReport report = analyze("mos/magistrate-courts.csv");

        Map<String, Restriction> restricted = restrictionsByName(report);
        assertThat(restricted.get("Судья").kind()).isEqualTo("person-name");
        assertThat(restricted.get("Телефон").kind()).isEqualTo("phone");
        assertThat(restricted.get("Факс").kind()).isEqualTo("phone");
        assertThat(restricted.get("Адрес электронной почты").kind()).isEqualTo("email");
        assertThat(restricted.values()).allMatch(r -> r.severity().equals(Restriction.SEVERITY_RESTRICTED));
        assertThat(restricted.get("Адрес электронной почты").evidence())
                .allMatch(e -> e.matches(".\\*\\*\\*@.\\*\\*\\*\\.\\w+"));
        assertThat(report.criteria().restrictedData().reasons())
                .anyMatch(reason -> reason.contains("Судья"))
                .anyMatch(reason -> reason.contains("Адрес электронной почты"));
        assertThat(report.verdict()).isEqualTo(Verdict.CANDIDATE_WITHOUT_RESTRICTED_COLUMNS);
    }

    @Test
    void restrictedColumnsShowNoValues() throws IOException {
        AnalysisReport report = analyze("mos/magistrate-courts.csv");

        for (ColumnReport column : report.restrictedColumns()) {
            assertThat(column.topValues()).as(column.name()).isEmpty();
            assertThat(column.min()).as(column.name()).isNull();
            assertThat(column.max()).as(column.name()).isNull();
        }
    }

    @Test
    void institutionPhonesWithoutNamedPeopleNeedReview() throws IOException {
        AnalysisReport report = analyze("mos/kindergartens.csv");

        Restriction phone = restrictionsByName(report).get("Номер телефона секретаря");
        assertThat(phone.kind()).isEqualTo("phone");
        assertThat(phone.severity()).isEqualTo(Restriction.SEVERITY_REVIEW);
        assertThat(report.restrictedColumns()).isEmpty();
        assertThat(report.verdict()).isEqualTo(Verdict.CANDIDATE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "stat-kz/environment-spending.xls",
        "stat-kz/environment-spending-part2.xls",
        "stat-kz/environment-spending.csv",
        "stat-kz/population.xlsx",
        "stat-kz/population-by-region.csv",
        "stat-kz/water-basins.xlsx",
        "stat-kz/water-regulations.csv",
        "stat-kz/employment-applicants.csv",
        "stat-kz/employment-applicants.xlsx"
    })
    void statisticsTablesHoldNoRestrictedData(String file) throws IOException {
        AnalysisReport report = analyze(file);

        assertThat(report.columns()).allMatch(column -> column.restricted() == null);
        assertThat(report.criteria().restrictedData().pass()).isTrue();
        assertThat(report.verdict()).isEqualTo(Verdict.CANDIDATE);
    }

    @Test
    void cp1251CopyMatchesUtf8Original() throws IOException {
        AnalysisReport original = analyze("mos/registry-offices.csv");
        AnalysisReport excelCopy = analyze("mos/registry-offices-excel-cp1251.csv");

        assertThat(excelCopy.columns())
                .extracting(ColumnReport::name)
                .containsExactlyElementsOf(
                        original.columns().stream().map(ColumnReport::name).toList());
        assertThat(excelCopy.columns())
                .extracting(ColumnReport::distinctCount)
                .containsExactlyElementsOf(original.columns().stream()
                        .map(ColumnReport::distinctCount)
                        .toList());
    }

    @Test
    void populationSheetKeepsRegionsAndDropsTitles() throws IOException {
        AnalysisReport report = analyze("stat-kz/population.xlsx");

        ColumnReport regions = report.columns().get(0);
        assertThat(regions.name()).isEqualTo("Regions_KZ");
        assertThat(regions.technicalName()).isEqualTo("regions_kz");
        assertThat(regions.unique()).isTrue();
        ColumnReport year2021 = report.columns().get(22);
        assertThat(year2021.name()).isEqualTo("2021");
        assertThat(year2021.type()).isEqualTo("integer");
    }

    @Test
    void waterRegulationsReportsUnitsInsideNumbers() throws IOException {
        // One cell of the limit column reads "7.0 (mg-eq./L)"; the other 111 are numbers.
        AnalysisReport report = analyze("stat-kz/water-regulations.csv");

        assertThat(report.columns().get(2).type()).isEqualTo("string");
        assertThat(report.problems())
                .anyMatch(p -> p.code().equals("mixed-types") && p.message().contains("111 of 112"));
    }

    @Test
    void reportsFileDigestAndSize() throws IOException {
        // Computed with sha256sum and stat on the corpus copies.
        AnalysisReport text = analyze("mos/hospices.csv");
        AnalysisReport workbook = analyze("stat-kz/population.xlsx");

        assertThat(text.source().sha256())
                .isEqualTo("835bef9349ad7afda20f5f5fb834e15651916d00f8a1b995bf0c913bed382ef7");
        assertThat(text.source().sizeBytes()).isEqualTo(3470);
        assertThat(workbook.source().sha256())
                .isEqualTo("c779bad1f1c4d1b684fc699730bf689e59a0798a2fa9c2ba9cc2ade0f2a3e3b2");
        assertThat(workbook.source().sizeBytes()).isEqualTo(85252);
    }

    @Test
    void recognisesYearsAndWebSites() throws IOException {
        AnalysisReport population = analyze("stat-kz/population-by-region.csv");
        AnalysisReport kindergartens = analyze("mos/kindergartens.csv");

        assertThat(population.columns().get(1).type()).isEqualTo("year");
        assertThat(population.columns().get(1).min()).isEqualTo("2000");
        assertThat(population.columns().get(1).max()).isEqualTo("2021");
        ColumnReport site = kindergartens.columns().get(7);
        assertThat(site.name()).isEqualTo("Сайт");
        assertThat(site.semanticType()).isEqualTo("url");
    }

    @Test
    void technicalNamesAreLatinAndUnique() throws IOException {
        AnalysisReport report = analyze("mos/magistrate-courts.csv");

        List<String> names =
                report.columns().stream().map(ColumnReport::technicalName).toList();
        assertThat(names).allMatch(name -> name.matches("[a-z][a-z0-9_]*"));
        assertThat(names).doesNotHaveDuplicates();
        assertThat(names).contains("no_stroki", "sudya", "telefon", "faks");
    }

    private AnalysisReport analyze(String file) throws IOException {
        Path path = Corpus.file(file);
        return service.analyze(path, path.getFileName().toString());
    }

    private static Map<String, Restriction> restrictionsByName(AnalysisReport report) {
        return report.columns().stream()
                .filter(column -> column.restricted() != null)
                .collect(Collectors.toMap(ColumnReport::name, ColumnReport::restricted));
    }

    private static List<String> problemCodes(AnalysisReport report) {
        return report.problems().stream().map(Problem::code).toList();
    }
}
