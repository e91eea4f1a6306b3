package kz.opendata.hub.analysis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PhoneShapesTest {

    /** The patterns the scans replace, as PhoneDetector used them. */
    static final Pattern LOCAL = Pattern.compile("\\d{3}-\\d{2}-\\d{2}");

    static final Pattern BARE_MOBILE = Pattern.compile("[78]\\d{10}");
    static final Pattern DIALABLE = Pattern.compile("\\+?[0-9][0-9 ()\\-]*[0-9]|\\+?\\([0-9][0-9 ()\\-]*[0-9]");
    static final Pattern GROUPED_THOUSANDS = Pattern.compile("-?\\d{1,3}(?: \\d{3})+");
    static final Pattern SEPARATORS = Pattern.compile("[;,]|(?<=\\d\\d)\\s+(?=[(+])");

    @Test
    void recognisesShapesWorkedByHand() {
        assertThat(PhoneShapes.isLocal("272-12-34")).isTrue();
        assertThat(PhoneShapes.isLocal("272-12-345")).isFalse();
        assertThat(PhoneShapes.isBareMobile("87011234567")).isTrue();
        assertThat(PhoneShapes.isBareMobile("97011234567")).isFalse();
        assertThat(PhoneShapes.isDialable("+7 (727) 272-12-34")).isTrue();
        assertThat(PhoneShapes.isDialable("(499) 672-7602")).isTrue();
        assertThat(PhoneShapes.isDialable("+(1")).isFalse();
        assertThat(PhoneShapes.isDialable("+7 (727) 272-12-3x")).isFalse();
        assertThat(PhoneShapes.isGroupedThousands("43 558 237 500")).isTrue();
        assertThat(PhoneShapes.isGroupedThousands("-1 000")).isTrue();
        assertThat(PhoneShapes.isGroupedThousands("1234 567")).isFalse();
        assertThat(PhoneShapes.isGroupedThousands("123")).isFalse();
    }

    @Test
    void splitsAtCommasSemicolonsAndSpacesAfterNumbers() {
        assertThat(PhoneShapes.split("+7 (727) 272-12-34")).containsExactly("+7 (727) 272-12-34");
        assertThat(PhoneShapes.split("272-12-34 (727) 1")).containsExactly("272-12-34", "(727) 1");
        assertThat(PhoneShapes.split("272-12-34,  +7 701")).containsExactly("272-12-34", "  +7 701");
        assertThat(PhoneShapes.split(";1;;")).containsExactly("", "1");
        assertThat(PhoneShapes.split(";;")).isEmpty();
    }

    @Test
    void scansAgreeWithPatternsOnRandomTexts() {
        SplittableRandom random = new SplittableRandom(11);
        String[] pieces = {"7", "8", "12", "345", "0000", " ", "  ", "\t", "-", "(", ")", "+", ",", ";", "x"};
        int phones = 0;

        for (int i = 0; i < 200_000; i++) {
            String text = randomText(random, pieces, 9);

            boolean dialable = DIALABLE.matcher(text).matches();
            phones += dialable ? 1 : 0;
            assertThat(PhoneShapes.isLocal(text))
                    .as(text)
                    .isEqualTo(LOCAL.matcher(text).matches());
            assertThat(PhoneShapes.isBareMobile(text))
                    .as(text)
                    .isEqualTo(BARE_MOBILE.matcher(text).matches());
            assertThat(PhoneShapes.isDialable(text)).as(text).isEqualTo(dialable);
            assertThat(PhoneShapes.isGroupedThousands(text))
                    .as(text)
                    .isEqualTo(GROUPED_THOUSANDS.matcher(text).matches());
            assertThat(PhoneShapes.split(text)).as(text).containsExactly(SEPARATORS.split(text));
        }
        assertThat(phones).as("dialable texts among the random ones").isGreaterThan(1000);
    }

    @Test
    void shapesWithFixedDigitCountsAgreeWithPatterns() {
        SplittableRandom random = new SplittableRandom(13);
        String[] pieces = {"1", "23", "456", "-", " ", "7", "8"};
        int matches = 0;

        for (int i = 0; i < 100_000; i++) {
            String text = randomText(random, pieces, 7);

            boolean local = LOCAL.matcher(text).matches();
            boolean bare = BARE_MOBILE.matcher(text).matches();
            boolean grouped = GROUPED_THOUSANDS.matcher(text).matches();
            matches += (local ? 1 : 0) + (bare ? 1 : 0) + (grouped ? 1 : 0);
            assertThat(PhoneShapes.isLocal(text)).as(text).isEqualTo(local);
            assertThat(PhoneShapes.isBareMobile(text)).as(text).isEqualTo(bare);
            assertThat(PhoneShapes.isGroupedThousands(text)).as(text).isEqualTo(grouped);
        }
        assertThat(matches)
                .as("local, bare mobile or grouped texts among the random ones")
                .isGreaterThan(100);
    }

    /** Joins up to {@code maxPieces} random pieces, so that near misses of a shape are common. */
    private static String randomText(SplittableRandom random, String[] pieces, int maxPieces) {
        int count = random.nextInt(maxPieces + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }
}
