package kz.opendata.hub.passport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
     * Phone numbers inside comments do not mark the column, and one IIN in 40 comments stays under
     * the share that does. The control examples quote the comments, and must not show either.
     */
    @Test
    void passportHidesValuesInsideComments() throws Exception {
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
        assertThat(passport.controlExamples().get(0).values())
                .contains("Заявитель ИИН ************ тел. +* (***) ***-**-**");
        for (String document : new String[] {PassportDocuments.PASSPORT_JSON, PassportDocuments.PASSPORT_HTML}) {
            String text = Files.readString(out.resolve(document));
            assertThat(text).as(document).doesNotContain(iin);
            assertThat(text).as(document).doesNotContain("123-45-");
        }
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
