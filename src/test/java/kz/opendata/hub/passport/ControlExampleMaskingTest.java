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
     * A comment column that carries an IIN and a phone number in every cell passes the detectors,
     * which judge whole cells. Its control examples and documents must still not show them.
     */
    @Test
    void passportHidesIinsInsideComments() throws Exception {
        String[] iins = {
            TestIins.generate(LocalDate.of(1991, 8, 13), true, 4379),
            TestIins.generate(LocalDate.of(1975, 5, 15), false, 3471),
            TestIins.generate(LocalDate.of(1988, 12, 9), true, 5813)
        };
        StringBuilder csv = new StringBuilder("id;comment\n");
        for (int i = 0; i < iins.length; i++) {
            csv.append(i + 1)
                    .append(";Заявитель ИИН ")
                    .append(iins[i])
                    .append(" тел. +7 (701) 123-45-6")
                    .append(i)
                    .append('\n');
        }
        Path file = Files.writeString(dir.resolve("requests.csv"), csv, StandardCharsets.UTF_8);
        AnalysisService analysis = new AnalysisService();
        AnalysisReport report = analysis.analyze(file, "requests.csv");

        Passport passport;
        try (TableReader rows = analysis.openTable(file, report.source())) {
            passport = new PassportDrafter().draft(report, null, rows);
        }
        Path out = dir.resolve("out");
        new PassportDocuments().writeAll(passport, out);

        assertThat(passport.controlExamples()).hasSize(3);
        assertThat(passport.controlExamples().get(0).values())
                .contains("Заявитель ИИН ************ тел. +* (***) ***-**-**");
        for (String document : new String[] {PassportDocuments.PASSPORT_JSON, PassportDocuments.PASSPORT_HTML}) {
            String text = Files.readString(out.resolve(document));
            for (String iin : iins) {
                assertThat(text).as(document).doesNotContain(iin);
            }
            assertThat(text).as(document).doesNotContain("123-45-6");
        }
    }
}
