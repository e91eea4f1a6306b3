package kz.opendata.hub.analysis.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MissingValueMarkerTest {

    /** The documented markers, listed here apart from the code. */
    private static final Set<String> MARKERS = Set.of(
            "-",
            "--",
            "—",
            "–",
            "n/a",
            "#n/a",
            "na",
            "#н/д",
            "н/д",
            "нет данных",
            "мәлімет жоқ",
            "деректер жоқ",
            "null",
            "none",
            "...",
            "…");

    @Test
    void firstCharacterCheckMissesNoMarker() {
        List<String> tails =
                MARKERS.stream().map(marker -> marker.substring(1)).distinct().toList();

        for (char c = 1; c < Character.MAX_VALUE; c++) {
            if (Character.isWhitespace(c) || c == '\u00A0' || Character.isSurrogate(c)) {
                continue;
            }
            for (String tail : tails) {
                String text = c + tail;
                boolean expected = MARKERS.contains(text.toLowerCase(Locale.ROOT));

                assertThat(MissingValues.isMissing(text))
                        .as("U+%04X + %s", (int) c, tail)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void markersCountInUpperAndTitleCase() {
        for (String marker : MARKERS) {
            String upper = marker.toUpperCase(Locale.ROOT);
            String title = upper.charAt(0) + marker.substring(1);

            assertThat(MissingValues.isMissing(upper)).as(upper).isTrue();
            assertThat(MissingValues.isMissing(title)).as(title).isTrue();
        }
    }

    @Test
    void valueOrNullDropsMarkers() {
        assertThat(MissingValues.valueOrNull(" Н/Д ")).isNull();
        assertThat(MissingValues.valueOrNull("\u00A0NULL")).isNull();
        assertThat(MissingValues.valueOrNull("Нет данных")).isNull();
        assertThat(MissingValues.valueOrNull("Нет")).isEqualTo("Нет");
        assertThat(MissingValues.valueOrNull(" 12\u00A0500 ")).isEqualTo("12 500");
    }
}
