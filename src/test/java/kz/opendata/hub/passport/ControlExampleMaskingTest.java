package kz.opendata.hub.passport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.AnalysisService;
import kz.opendata.hub.analysis.TableReader;
import kz.opendata.hub.analysis.TestIins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlExampleMaskingTest {

    @TempDir
    Path dir;

    /**
     * Phone numbers inside comments, and one IIN in 40 of them, mark the column for review, so the
     * control examples leave it out and no document contains either.
     */
    @Test
    void commentsWithContactsAreLeftOut() throws Exception {
        String iin = TestIins.generate(LocalDate.of(1991, 8, 13), true, 4379);
        StringBuilder csv = new StringBuilder("id;comment\n");
        for (int i = 0; i < 40; i++) {
            String applicant = i == 0 ? "Заявитель ИИН " + iin : "Заявитель";
            csv.append(i + 1)
                    .append(';')
                    .append(applicant)
                    .append(" тел. +7 (701) 123-45-")
                    .append(10 + i)
                    .append('\n');
        }
        Path out = dir.resolve("out");

        Passport passport = draft(csv.toString(), out);

        assertThat(passport.controlExamples()).hasSize(3);
        // A review column stays an attribute of the passport but is quoted in no example.
        assertThat(passport.controlExamples())
                .allMatch(example -> example.keySet().equals(Set.of("id")));
        assertThat(passport.excludedColumns()).isEmpty();
        for (String document : new String[] {PassportDocuments.PASSPORT_JSON, PassportDocuments.PASSPORT_HTML}) {
            String text = Files.readString(out.resolve(document));
            assertThat(text).as(document).doesNotContain(iin);
            assertThat(text).as(document).doesNotContain("123-45-");
        }
    }

    /**
     * A contract number of a phone's shape does not mark the column, because no plus, bracket or
     * word such as "тел." makes it a contact. The examples quote the column with the number hidden
     * all the same.
     */
    @Test
    void phoneShapedNumbersAreHiddenInExamples() throws Exception {
        StringBuilder csv = new StringBuilder("id;comment\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i + 1).append(";Договор 2023-0145-").append(10 + i).append(" от 01.02.2024\n");
        }
        Path out = dir.resolve("out");

        Passport passport = draft(csv.toString(), out);

        assertThat(passport.excludedColumns()).isEmpty();
        assertThat(passport.controlExamples().get(0).values()).contains("Договор ****-****-** от 01.02.2024");
        String json = Files.readString(out.resolve(PassportDocuments.PASSPORT_JSON));
        assertThat(json).doesNotContain("2023-0145-");
    }

    /** A pasted document of 300,000 characters is quoted by its first 500 and an ellipsis, with a note to check it. */
    @Test
    void longValueIsCutInExamples() throws Exception {
        String document = "Текст обращения. ".repeat(17_648) + "конец";
        StringBuilder csv = new StringBuilder("id;comment\n");
        for (int i = 0; i < 3; i++) {
            csv.append(i + 1).append(';').append(i == 1 ? document : "Коротко").append('\n');
        }
        Path out = dir.resolve("out");

        Passport passport = draft(csv.toString(), out);

        String quoted = passport.controlExamples().get(1).get("comment");
        assertThat(document).hasSize(300_021);
        assertThat(quoted).hasSize(501);
        assertThat(quoted).isEqualTo(document.substring(0, 500) + "…");
        assertThat(passport.controlExamples().get(0).get("comment")).isEqualTo("Коротко");
        assertThat(passport.needsReview())
                .anySatisfy(item ->
                        assertThat(item.toString()).contains("longer than 500 characters in columns 'comment'"));
        assertThat(Files.readString(out.resolve(PassportDocuments.PASSPORT_JSON)))
                .doesNotContain("конец");
    }

    /**
     * A category column of contract numbers that have a phone's shape keeps no list of allowed
     * values, since the list would quote them, while a plain category column keeps its list.
     */
    @Test
    void allowedValuesQuoteNothingMasked() throws Exception {
        StringBuilder csv = new StringBuilder("id;contract;status\n");
        String[] contracts = {"2023-0145-12", "2023-0146-12", "нет"};
        String[] statuses = {"исполнено", "в работе", "отказано"};
        for (int i = 0; i < 15; i++) {
            csv.append(i + 1)
                    .append(';')
                    .append(contracts[i % 3])
                    .append(';')
                    .append(statuses[i % 3])
                    .append('\n');
        }

        Passport passport = draft(csv.toString(), dir.resolve("out"));

        assertThat(passport.valueRequirements())
                .noneMatch(requirement -> requirement.technicalName().equals("contract"));
        assertThat(passport.valueRequirements())
                .filteredOn(requirement -> requirement.technicalName().equals("status"))
                .singleElement()
                .satisfies(requirement -> assertThat(requirement.constraint().allowedValues())
                        .containsExactly("в работе", "исполнено", "отказано"));
    }

    /** IINs in every comment make the column restricted, so its cells are left out of the examples. */
    @Test
    void iinsInEveryCommentExcludeColumn() throws Exception {
        StringBuilder csv = new StringBuilder("id;comment\n");
        for (int i = 0; i < 3; i++) {
            String iin = TestIins.generate(LocalDate.of(1975 + i, 5, 15), i % 2 == 0, 3471 + i);
            csv.append(i + 1).append(";Заявитель ИИН ").append(iin).append('\n');
        }

        Passport passport = draft(csv.toString(), dir.resolve("out"));

        assertThat(passport.controlExamples()).allMatch(example -> example.size() == 1);
        assertThat(passport.excludedColumns()).hasSize(1);
    }

    private Passport draft(String csv, Path out) throws Exception {
        Path file = Files.writeString(dir.resolve("requests.csv"), csv, StandardCharsets.UTF_8);
        AnalysisService analysis = new AnalysisService();
        AnalysisReport report = analysis.analyze(file, "requests.csv");
        Passport passport;
        try (TableReader rows = analysis.openTable(file, report.source())) {
            passport = new PassportDrafter().draft(report, null, rows);
        }
        new PassportDocuments().writeAll(passport, out);
        return passport;
    }
}
