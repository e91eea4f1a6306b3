package kz.opendata.hub.analysis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import kz.opendata.hub.analysis.TestIins;
import org.junit.jupiter.api.Test;

class PreconditionTest {

    private static final List<ValueDetector> DETECTORS =
            new RestrictedDataDetector(ColumnHints.load(null), 3).detectors();

    /** Values each detector recognises, written out or generated with valid check digits. */
    private static final List<String> KNOWN = List.of(
            TestIins.generate(LocalDate.of(1987, 4, 12), true, 12),
            TestIins.generate(LocalDate.of(2005, 6, 1), false, 345).substring(1),
            "Заявитель ИИН " + TestIins.generate(LocalDate.of(1991, 8, 13), true, 4379) + " просит справку",
            "040540001230",
            "KZ86125KZT5004100100",
            "KZ86 125K ZT50 0410 0100",
            "4111 1111 1111 1111",
            "4111-1111-1111-1111",
            "4222222222222",
            "N12345678",
            "N1234567",
            "123456789",
            "45 06 123456",
            "user565@ums-mos.ru",
            "a.b@mail.gov.kz, c@d.kz",
            "+7 (727) 272-12-34",
            "272-12-34",
            "8 701 123 45 67, 272-12-34",
            "87011234567",
            "12.04.1987",
            "г. Алматы, ул. Абая, д. 10, кв. 5",
            "Астана, Абай көшесі 10 үй, 25 пәтер",
            "Иванова Наталья Николаевна",
            "Иванова Н.Н.",
            "Омаров Бауыржан",
            "Nurlan Abenov",
            "IVANOVA ANNA SERGEEVNA",
            "Оплачено картой 4111 1111 1111 1111",
            "Перечислено на счёт KZ86125KZT5004100100",
            "Ответ направлен на ivan.petrov@mail.kz",
            "Перезвонить, тел. 701 123 45 67",
            "Айгуль +7 (701) 123-45-67");

    /** Pieces of the known values and of the text around them in real cells. */
    private static final String[] PIECES = {
        "0",
        "1",
        "4",
        "7",
        "8",
        "12",
        "345",
        "2005",
        "87",
        "701",
        " ",
        "  ",
        "-",
        "(",
        ")",
        "+",
        ",",
        ";",
        ".",
        "@",
        "mail",
        ".kz",
        "KZ",
        "kz",
        "T",
        "N",
        "кв.",
        "кв",
        "пәтер",
        "apt",
        "ул.",
        "д.",
        "Иванова",
        "Наталья",
        "Н.",
        "ович",
        "улы",
        "Nurlan",
        "Abenov",
        "SERGEEVNA",
        "районе",
        "тел. ",
        "карта ",
        "\t",
        "№",
        "١",
        "\u00a0"
    };

    @Test
    void countsOfSampleValues() {
        String[] values = {"+7 (727) 272-12-34", "user565@ums-mos.ru", "районе 5", ""};
        List<List<Object>> expected = List.of(
                List.of(18, 11, false, false),
                List.of(18, 3, true, true),
                List.of(8, 1, false, true),
                List.of(0, 0, false, false));

        for (int i = 0; i < values.length; i++) {
            Precondition.Counts counts = new Precondition.Counts().count(values[i]);
            assertThat(List.<Object>of(counts.length, counts.digits, counts.at, counts.letter))
                    .as(values[i])
                    .isEqualTo(expected.get(i));
        }
    }

    @Test
    void knownMatchesMeetPreconditions() {
        int matches = 0;
        for (String value : KNOWN) {
            matches += checkEveryDetector(value, new int[DETECTORS.size()], new int[DETECTORS.size()]);
        }
        assertThat(matches).as("matches among the known values").isGreaterThanOrEqualTo(KNOWN.size());
    }

    /**
     * A precondition may only leave out values its detector rejects. Random texts built from
     * pieces of real values give every detector matches and every precondition rejections.
     */
    @Test
    void randomMatchesMeetPreconditions() {
        SplittableRandom random = new SplittableRandom(17);
        int[] matches = new int[DETECTORS.size()];
        int[] rejected = new int[DETECTORS.size()];

        for (int i = 0; i < 300_000; i++) {
            String value = i < KNOWN.size() * 50 ? mutate(random, KNOWN.get(i % KNOWN.size())) : randomText(random);
            checkEveryDetector(value, matches, rejected);
        }
        for (int d = 0; d < DETECTORS.size(); d++) {
            ValueDetector detector = DETECTORS.get(d);
            assertThat(matches[d]).as("values %s recognised", detector.kind()).isPositive();
            if (detector.precondition() != Precondition.NONE) {
                assertThat(rejected[d])
                        .as("values the precondition of %s left out", detector.kind())
                        .isPositive();
            }
        }
    }

    /** Returns how many detectors recognise the value, and fails when one recognises a value its precondition excludes. */
    private static int checkEveryDetector(String value, int[] matches, int[] rejected) {
        Precondition.Counts counts = new Precondition.Counts().count(value);
        int matched = 0;
        for (int d = 0; d < DETECTORS.size(); d++) {
            ValueDetector detector = DETECTORS.get(d);
            boolean admitted = detector.precondition().admits(counts);
            if (detector.matches(value)) {
                assertThat(admitted)
                        .as("%s recognises [%s] against its precondition", detector.kind(), value)
                        .isTrue();
                matches[d]++;
                matched++;
            }
            if (!admitted) {
                rejected[d]++;
            }
        }
        return matched;
    }

    /** Replaces, inserts or deletes one character, or keeps the value as it is. */
    private static String mutate(SplittableRandom random, String value) {
        int at = random.nextInt(value.length());
        String piece = PIECES[random.nextInt(PIECES.length)];
        return switch (random.nextInt(4)) {
            case 0 -> value;
            case 1 -> value.substring(0, at) + piece + value.substring(at);
            case 2 -> value.substring(0, at) + value.substring(at + 1);
            default -> value.substring(0, at) + piece + value.substring(at + 1);
        };
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(9);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString().strip();
    }

    /** A character that marks a number as written for dialling, as the phone rules require. */
    private static final Pattern PHONE_MARK = Pattern.compile("[(\\- +]");

    /**
     * Checks the phone detector against its rules on random texts with and without separators.
     * Amounts with a decimal comma are rejected before any split, so the shortcut is covered too.
     */
    @Test
    void phoneDetectorFollowsItsRules() {
        SplittableRandom random = new SplittableRandom(19);
        String[] pieces = {"7", "8", "12", "345", "0000", "619788", "52", " ", "\t", "-", "(", ")", "+", ",", ";", "x"};
        PhoneDetector phones = new PhoneDetector();
        int matched = 0;

        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int count = 1 + random.nextInt(10);
            for (int p = 0; p < count; p++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String value = text.toString().strip();
            boolean expected = isPhoneList(value);
            matched += expected ? 1 : 0;
            assertThat(phones.matches(value)).as("[%s]", value).isEqualTo(expected);
        }
        assertThat(matched).as("phone lists among the random texts").isGreaterThan(1000);
    }

    private static boolean isPhoneList(String value) {
        if (value.chars().anyMatch(Character::isLetter)
                || value.chars().filter(c -> c >= '0' && c <= '9').count() < 7) {
            return false;
        }
        List<String> parts = new ArrayList<>(List.of(PhoneShapesTest.SEPARATORS.split(value)));
        for (String part : parts) {
            String number = part.strip();
            long digits = number.chars().filter(Character::isDigit).count();
            boolean phone = digits == 7
                    ? PhoneShapesTest.LOCAL.matcher(number).matches()
                    : digits >= 10
                            && digits <= 12
                            && ((digits == 11
                                            && PhoneShapesTest.BARE_MOBILE
                                                    .matcher(number)
                                                    .matches())
                                    || (PhoneShapesTest.DIALABLE.matcher(number).matches()
                                            && !PhoneShapesTest.GROUPED_THOUSANDS
                                                    .matcher(number)
                                                    .matches()
                                            && PHONE_MARK.matcher(number).find()));
            if (!phone) {
                return false;
            }
        }
        return true;
    }
}
