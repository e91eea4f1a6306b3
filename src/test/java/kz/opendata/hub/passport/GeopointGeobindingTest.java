package kz.opendata.hub.passport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.AnalysisService;
import kz.opendata.hub.analysis.ColumnReport;
import kz.opendata.hub.analysis.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Point columns found by the analysis feed the passport's geobinding. */
class GeopointGeobindingTest {

    private final AnalysisService analysis = new AnalysisService();
    private final PassportDrafter drafter =
            new PassportDrafter(CategoryVocabulary.loadDefault(), PassportDrafterTest.CLOCK);

    @TempDir
    Path dir;

    @Test
    void pointColumnIsGeopoint() throws IOException {
        AnalysisReport report = analyse("schools.csv", """
                school,location
                School 1,"51.1605, 71.4704"
                School 2,"43.2380, 76.9450"
                School 3,POINT(69.5901 42.3417)
                School 4,51.2277 51.3865
                """);

        assertThat(meanings(report)).containsEntry("location", "geopoint");
        assertThat(column(report, "location").type()).isEqualTo("string");
    }

    @Test
    void outOfRangePointIsNoGeopoint() throws IOException {
        AnalysisReport report = analyse("schools.csv", """
                school,location
                School 1,"51.1605, 71.4704"
                School 2,"95.0000, 76.9450"
                """);

        assertThat(meanings(report).get("location")).isNull();
    }

    @Test
    void coordinateColumnsInThreeLanguages() throws IOException {
        AnalysisReport report = analyse("schools.csv", """
                school,lat,lon,Широта,Долгота,Ендік,Бойлық
                School 1,51.1605,71.4704,51.1605,71.4704,51.1605,71.4704
                School 2,43.2380,76.9450,43.2380,76.9450,43.2380,76.9450
                """);

        Map<String, String> meanings = meanings(report);
        assertThat(meanings).containsEntry("lat", "latitude");
        assertThat(meanings).containsEntry("lon", "longitude");
        assertThat(meanings).containsEntry("Широта", "latitude");
        assertThat(meanings).containsEntry("Долгота", "longitude");
        assertThat(meanings).containsEntry("Ендік", "latitude");
        assertThat(meanings).containsEntry("Бойлық", "longitude");
    }

    @Test
    void latitudeBeyondNinetyIsNoLatitude() throws IOException {
        AnalysisReport report = analyse("schools.csv", """
                school,lat,lon
                School 1,51.1605,71.4704
                School 2,95.0000,76.9450
                """);

        assertThat(meanings(report).get("lat")).isNull();
        assertThat(meanings(report)).containsEntry("lon", "longitude");
    }

    @Test
    void pointColumnGivesCoordinateGeobinding() throws Exception {
        Path file = Files.writeString(dir.resolve("schools.csv"), """
                school,location
                School 1,"51.1605, 71.4704"
                School 2,"43.2380, 76.9450"
                """);
        AnalysisReport report = analysis.analyze(file, "schools.csv");

        Passport passport;
        try (TableReader rows = analysis.openTable(file, report.source())) {
            passport = drafter.draft(report, null, rows);
        }

        assertThat(passport.geobinding().available()).isTrue();
        assertThat(passport.geobinding().geometryType()).isEqualTo("point");
        assertThat(passport.geobinding().bindingType()).isEqualTo("coordinates");
    }

    private AnalysisReport analyse(String name, String text) throws IOException {
        return analysis.analyze(Files.writeString(dir.resolve(name), text), name);
    }

    private static Map<String, String> meanings(AnalysisReport report) {
        return report.columns().stream()
                .filter(column -> column.semanticType() != null)
                .collect(Collectors.toMap(ColumnReport::name, ColumnReport::semanticType));
    }

    private static ColumnReport column(AnalysisReport report, String name) {
        return report.columns().stream()
                .filter(column -> column.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
