package kz.opendata.hub.analysis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressShapeTest {

    /** The pattern the scan replaces, as EmailDetector used it. */
    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}");

    @ParameterizedTest
    @ValueSource(strings = {"a@b.kz", "aidos.1234@mail.kz", "x_y%z+w-v@sub-1.mail.gov.kz", ".@a.bc"})
    void acceptsAddresses(String text) {
        assertThat(EmailDetector.isAddress(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "@b.kz",
                "a@b",
                "a@.b.kz",
                "a@b..kz",
                "a@b.k",
                "a@b.k2",
                "a@b@c.kz",
                "a b@c.kz",
                "а@b.kz",
                "a@b.kz."
            })
    void rejectsOtherTexts(String text) {
        assertThat(EmailDetector.isAddress(text)).isFalse();
    }

    @Test
    void scanAgreesWithPatternOnRandomTexts() {
        SplittableRandom random = new SplittableRandom(17);
        String[] pieces = {"a", "Zq", "7", ".", ".", "-", "_", "%", "+", "kz", "mail", "ж", " ", "@"};
        String[] ats = {"@", "@", "@", "", "@@"};
        int addresses = 0;

        for (int i = 0; i < 200_000; i++) {
            String text = join(random, pieces, 3) + ats[random.nextInt(ats.length)] + join(random, pieces, 5);

            boolean address = ADDRESS.matcher(text).matches();
            addresses += address ? 1 : 0;
            assertThat(EmailDetector.isAddress(text)).as(text).isEqualTo(address);
        }
        assertThat(addresses).as("addresses among the random texts").isGreaterThan(100);
    }

    private static String join(SplittableRandom random, String[] pieces, int maxPieces) {
        int count = random.nextInt(maxPieces + 1);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < count; i++) {
            joined.append(pieces[random.nextInt(pieces.length)]);
        }
        return joined.toString();
    }

    @Test
    void detectorSplitsListsOfAddresses() {
        EmailDetector detector = new EmailDetector();

        assertThat(detector.matches("a@b.kz; c@d.ru")).isTrue();
        assertThat(detector.matches("a@b.kz,,c@d.ru")).isTrue();
        assertThat(detector.matches("a@b.kz; c@d")).isFalse();
        assertThat(detector.matches(";a@b.kz")).isFalse();
    }
}
