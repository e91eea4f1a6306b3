package kz.opendata.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReidentificationRiskTest {

    @TempDir
    Path dir;

    private final AnalysisService service = new AnalysisService();

    @Test
    void flagsRareCombinationOfQuasiIdentifiers() throws IOException {
        // Ten women aged 30-39 in Бостандыкский район and one man aged 70-79 in Медеуский район:
        // the man is alone in his group, so the smallest group has 1 row and 1 of 11 rows is at risk.
        StringBuilder csv = new StringBuilder("Пол,Возраст,Район,Диагноз\n");
        for (int i = 0; i < 10; i++) {
            csv.append("Ж,30-39,Бостандыкский,J45\n");
        }
        csv.append("М,70-79,Медеуский,I21\n");
        Path file = Files.writeString(dir.resolve("patients.csv"), csv);

        AnalysisReport report = service.analyze(file, "patients.csv");

        assertThat(report.problems())
                .filteredOn(p -> p.code().equals("re-identification-risk"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("as small as 1 rows", "1 of 11 rows"));
        for (int column = 0; column < 3; column++) {
            Restriction restriction = report.columns().get(column).restricted();
            assertThat(restriction.kind()).isEqualTo("quasi-identifier");
            assertThat(restriction.severity()).isEqualTo(Restriction.SEVERITY_REVIEW);
            assertThat(restriction.share()).isEqualTo(0.091);
        }
        assertThat(report.columns().get(3).restricted()).isNull();
        assertThat(report.verdict()).isEqualTo(Verdict.CANDIDATE);
    }

    @Test
    void largeGroupsCarryNoRisk() throws IOException {
        StringBuilder csv = new StringBuilder("Пол,Район,Обращений\n");
        for (int i = 0; i < 12; i++) {
            csv.append(i % 2 == 0 ? "Ж" : "М").append(",Алмалинский,").append(i).append('\n');
        }
        Path file = Files.writeString(dir.resolve("requests.csv"), csv);

        AnalysisReport report = service.analyze(file, "requests.csv");

        assertThat(report.problems()).extracting(Problem::code).doesNotContain("re-identification-risk");
        assertThat(report.columns()).allMatch(column -> column.restricted() == null);
    }
}
