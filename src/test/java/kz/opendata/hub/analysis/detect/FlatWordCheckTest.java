package kz.opendata.hub.analysis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FlatWordCheckTest {

    private static final List<String> FLAT_WORDS = List.of("кв", "пәт", "apt", "apartment", "flat");

    @Test
    void findsFlatWordsInAnyCase() {
        assertThat(HomeAddressDetector.mayHaveFlatWord("ул. Абая, д. 10, КВ. 5"))
                .isTrue();
        assertThat(HomeAddressDetector.mayHaveFlatWord("Абай көшесі 10 үй, 5 ПӘТЕР"))
                .isTrue();
        assertThat(HomeAddressDetector.mayHaveFlatWord("10 Main St, Apt 5")).isTrue();
        assertThat(HomeAddressDetector.mayHaveFlatWord("Flat 2, 7 High Street")).isTrue();
        assertThat(HomeAddressDetector.mayHaveFlatWord("ул. Абая, д. 10")).isFalse();
        assertThat(HomeAddressDetector.mayHaveFlatWord("в")).isFalse();
    }

    /**
     * The check may pass texts without a flat word, but never miss one. It compares each letter
     * with its lower and upper case only, so no other character may lower-case to a letter of a
     * flat word's first two.
     */
    @Test
    void onlyCapitalsLowerCaseToStemLetters() {
        String letters = "квпәaptfl";

        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String lower = String.valueOf(c).toLowerCase(Locale.ROOT);
            if (lower.length() == 1 && letters.indexOf(lower.charAt(0)) >= 0) {
                assertThat(c).as("U+%04X", (int) c).isIn(lower.charAt(0), Character.toUpperCase(lower.charAt(0)));
            }
        }
    }

    /** Every character before a stem's second letter that lower-cases to its first letter passes. */
    @Test
    void passesCapitalsOfStemLetters() {
        for (String stem : List.of("кв", "пә", "ap", "fl")) {
            for (char c = 0; c < Character.MAX_VALUE; c++) {
                String text = "1 " + c + stem.charAt(1);
                boolean expected = text.toLowerCase(Locale.ROOT).contains(stem);

                if (expected) {
                    assertThat(HomeAddressDetector.mayHaveFlatWord(text))
                            .as("U+%04X", (int) c)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void passesTextsWithFlatWords() {
        String[] prefixes = {"", "ул. Абая 1, ", "Д. 5 ", "İ"};
        String[] suffixes = {"", " 5", ". 12", "ЕР 3"};

        for (String word : FLAT_WORDS) {
            for (String variant : List.of(word, word.toUpperCase(Locale.ROOT), capitalise(word))) {
                for (String prefix : prefixes) {
                    for (String suffix : suffixes) {
                        String text = prefix + variant + suffix;
                        assertThat(text.toLowerCase(Locale.ROOT)).contains(word);

                        assertThat(HomeAddressDetector.mayHaveFlatWord(text))
                                .as(text)
                                .isTrue();
                    }
                }
            }
        }
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
