package kz.opendata.hub.analysis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kz.opendata.hub.analysis.Restriction;
import kz.opendata.hub.analysis.detect.RestrictedDataDetector.Finding;
import org.junit.jupiter.api.Test;

/** Full names in Latin letters, as passports and registries spell Kazakh and Russian names. */
class LatinPersonNamesTest {

    private final PersonNameDetector names = PersonNameDetector.withBundledNames();
    private final RestrictedDataDetector detector = new RestrictedDataDetector(ColumnHints.load(null), 3);

    @Test
    void spellsCyrillicNamesAsPassportsDo() {
        // й is "i" (ICAO 9303) or "y", and "кс" is "ks" or "x": four spellings of "Алексей".
        assertThat(LatinNames.spellings("алексей")).contains("aleksei", "aleksey", "alexei", "alexey");
        assertThat(LatinNames.spellings("жанна")).contains("zhanna", "janna");
        assertThat(LatinNames.spellings("мария")).contains("mariia", "mariya", "maria");
        assertThat(LatinNames.spellings("әсел")).contains("asel", "aesel");
    }

    @Test
    void findsSurnameWithGivenName() {
        assertThat(names.matches("Nurlan Abenov")).isTrue();
        assertThat(names.matches("Abenov Nurlan")).isTrue();
        assertThat(names.matches("Aigerim Zhumabekova")).isTrue();
        assertThat(names.matches("Alexander Petrov")).isTrue();
        assertThat(names.matches("Aleksandr Petrov")).isTrue();
        assertThat(names.matches("Alexey Smirnov")).isTrue();
        assertThat(names.matches("Maria Kuznetsova")).isTrue();
        assertThat(names.matches("Yelena Sokolova")).isTrue();
    }

    @Test
    void findsPatronymicsInCapitals() {
        assertThat(names.matches("IVANOVA ANNA SERGEEVNA")).isTrue();
        assertThat(names.matches("KAIRAT NURLANOVICH ABENOV")).isTrue();
        assertThat(names.matches("Abenov Nurlan Serikuly")).isTrue();
        assertThat(names.matches("Abenova Aigerim Serik kyzy")).isTrue();
        assertThat(names.matches("Sokolov Dmitrii Andreevich")).isTrue();
    }

    @Test
    void passesOrganisationsAndPlaces() {
        List<String> notNames = List.of(
                "Kazakhtelecom JSC",
                "Air Astana",
                "Halyk Bank",
                "Kaspi Bank",
                "KEGOC JSC",
                "Tengizchevroil LLP",
                "Astana Motors",
                "Nazarbayev University",
                "Almaly District",
                "North Kazakhstan Region",
                "Almaty",
                "Ust-Kamenogorsk",
                "Saint Petersburg",
                "Roman Empire",
                "Marat Ospanov Street");
        for (String text : notNames) {
            assertThat(names.matches(text)).as(text).isFalse();
        }
    }

    @Test
    void latinNameColumnIsRestricted() {
        List<Finding> findings = evaluate(List.of("Company", "Head", "City"), new String[][] {
            {"Kazakhtelecom JSC", "Nurlan Abenov", "Astana"},
            {"Air Astana", "IVANOVA ANNA SERGEEVNA", "Almaty"},
            {"Halyk Bank", "Aigerim Zhumabekova", "Shymkent"},
            {"Kaspi Bank", "Alexey Smirnov", "Ust-Kamenogorsk"},
            {"KEGOC JSC", "Abenov Nurlan Serikuly", "Karaganda"}
        });

        assertThat(findings.get(0).restriction()).isNull();
        assertThat(findings.get(1).restriction().kind()).isEqualTo("person-name");
        assertThat(findings.get(1).restriction().severity()).isEqualTo(Restriction.SEVERITY_RESTRICTED);
        assertThat(findings.get(2).restriction()).isNull();
    }

    @Test
    void masksLatinNames() {
        assertThat(names.mask("IVANOVA ANNA SERGEEVNA")).isEqualTo("I*** A*** S***");
    }

    private List<Finding> evaluate(List<String> header, String[][] rows) {
        List<ColumnScan> scans = header.stream().map(name -> detector.newScan()).toList();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                scans.get(i).accept(row[i]);
            }
        }
        return detector.evaluate(header, scans);
    }
}
