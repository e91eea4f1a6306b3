package kz.opendata.hub.analysis.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OtherScriptsTest {

    @Test
    void asciiTextComesBackAsItIs() {
        String header = "Region_code; 2024 (%)";

        assertThat(OtherScripts.toAscii(header)).isSameAs(header);
    }

    @Test
    void accentedLatinLosesItsMarks() {
        assertThat(OtherScripts.toAscii("Café Müller, Øresund")).isEqualTo("Cafe Muller, Oresund");
    }

    @Test
    void greekIsSpelledInLatin() {
        assertThat(OtherScripts.toAscii("Αθήνα")).isEqualTo("Athena");
    }

    @Test
    void technicalNameOfGreekHeader() {
        // ICU's Greek-Latin writes eta as e with a macron, which Latin-ASCII turns into e.
        assertThat(TechnicalNames.assign(List.of("Περιοχή", "Café"))).containsExactly("perioche", "cafe");
    }
}
