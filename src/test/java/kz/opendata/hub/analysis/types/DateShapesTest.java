package kz.opendata.hub.analysis.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateShapesTest {

    /** The patterns the scans replace, as ValueParser used them. */
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?:\\s?г\\.?)?");

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    @ParameterizedTest
    @CsvSource({
        "12.03.2024, 2024-03-12",
        "1.2.2024, 2024-02-01",
        "01.12.1999г., 1999-12-01",
        "'01.12.1999 г', 1999-12-01",
        "'5.6.2020\tг.', 2020-06-05"
    })
    void readsDottedDates(String text, String expected) {
        assertThat(DateShapes.isDotted(text)).isTrue();

        assertThat(DateShapes.dotted(text)).isEqualTo(LocalDate.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "123.03.2024",
                "12.03.24",
                "12.03.20245",
                "12.03.2024  г",
                "12.03.2024г..",
                "12-03-2024",
                "12.03.2024x",
                ".03.2024"
            })
    void rejectsOtherDottedShapes(String text) {
        assertThat(DateShapes.isDotted(text)).isFalse();
    }

    @Test
    void readsNonexistentDottedDateAsNull() {
        assertThat(DateShapes.isDotted("31.02.2024")).isTrue();

        assertThat(DateShapes.dotted("31.02.2024")).isNull();
    }

    @Test
    void readsIsoDates() {
        assertThat(DateShapes.isIso("2023-12-31")).isTrue();
        assertThat(DateShapes.iso("2023-12-31")).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(DateShapes.iso("2023-13-01")).isNull();
        assertThat(DateShapes.isIso("2023-1-31")).isFalse();
        assertThat(DateShapes.isIso("2023-12-311")).isFalse();
        assertThat(DateShapes.isIso("2023/12/31")).isFalse();
    }

    @Test
    void findsOnlyPatternSpaces() {
        assertThat(DateShapes.hasPatternSpace("12 марта")).isTrue();
        assertThat(DateShapes.hasPatternSpace("a\u000Bb")).isTrue();
        // A no-break space is whitespace to Character.isWhitespace but not to \s of Java patterns.
        assertThat(DateShapes.hasPatternSpace("12\u00A0марта")).isFalse();
        assertThat(DateShapes.hasPatternSpace("120345")).isFalse();
    }

    @Test
    void patternSpacesMatchJavaPatterns() {
        java.util.regex.Pattern space = java.util.regex.Pattern.compile("\\s");
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            // In a Latin-1 text and in a Cyrillic one, which Java keeps as UTF-16.
            for (String text : new String[] {"ab" + c + "cd", "жы" + c + "л"}) {
                assertThat(DateShapes.hasPatternSpace(text))
                        .as("U+%04X", (int) c)
                        .isEqualTo(space.matcher(text).find());
            }
        }
    }

    @Test
    void scansAgreeWithPatternsOnRandomTexts() {
        SplittableRandom random = new SplittableRandom(7);
        String[] separators = {".", "-", "/", ""};
        String[] suffixes = {"", "г", "г.", " г", "\tг.", "  г", "г..", " ", "\u00A0г", "x"};
        int dotted = 0;
        int iso = 0;

        for (int i = 0; i < 200_000; i++) {
            String text = digits(random)
                    + pick(random, separators)
                    + digits(random)
                    + pick(random, separators)
                    + digits(random)
                    + pick(random, suffixes);

            boolean dottedByPattern = DOTTED.matcher(text).matches();
            boolean isoByPattern = ISO.matcher(text).matches();
            dotted += dottedByPattern ? 1 : 0;
            iso += isoByPattern ? 1 : 0;
            assertThat(DateShapes.isDotted(text)).as(text).isEqualTo(dottedByPattern);
            assertThat(DateShapes.isIso(text)).as(text).isEqualTo(isoByPattern);
            assertThat(DateShapes.hasPatternSpace(text))
                    .as(text)
                    .isEqualTo(Pattern.compile("\\s").matcher(text).find());
        }
        assertThat(dotted).as("texts of the dotted shape among the random ones").isGreaterThan(100);
        assertThat(iso).as("texts of the ISO shape among the random ones").isPositive();
    }

    /** Returns 0 to 5 random digits, so that runs one too short or too long for a shape are common. */
    private static String digits(SplittableRandom random) {
        int count = random.nextInt(6);
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private static String pick(SplittableRandom random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
