package kz.opendata.hub.analysis.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BooleanWordCheckTest {

    /** The documented boolean words, listed here apart from the code. */
    private static final Set<String> WORDS =
            Set.of("true", "false", "yes", "no", "да", "нет", "иә", "ия", "жоқ", "жок", "истина", "ложь");

    @Test
    void firstCharacterCheckMissesNoWord() {
        List<String> tails =
                WORDS.stream().map(word -> word.substring(1)).distinct().toList();

        for (char c = 1; c < Character.MAX_VALUE; c++) {
            if (Character.isWhitespace(c) || Character.isSurrogate(c)) {
                continue;
            }
            for (String tail : tails) {
                String text = c + tail;
                boolean expected = WORDS.contains(text.toLowerCase(Locale.ROOT));

                boolean parsed = ValueParser.parse(text).type() == ValueType.BOOLEAN;

                assertThat(parsed).as("U+%04X + %s", (int) c, tail).isEqualTo(expected);
            }
        }
    }
}
