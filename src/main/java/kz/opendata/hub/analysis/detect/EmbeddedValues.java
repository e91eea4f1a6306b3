package kz.opendata.hub.analysis.detect;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.opendata.hub.analysis.Iin;

/**
 * Hides restricted values inside longer text, such as an IIN and a phone number in a comment
 * ({@code Заявитель ИИН ... тел. +7 (701) ...}). The detectors judge whole cells, so a free-text
 * column can pass them while some of its cells contain such values. Documents that quote cells,
 * such as a passport's control examples, pass each quoted value through here.
 *
 * <p>Hidden are IINs with valid check digits, payment card numbers that pass the Luhn check,
 * Kazakh IBANs that pass mod-97, phone numbers in the shapes {@link PhoneDetector} accepts, and
 * e-mail addresses. Every letter and digit of such a value becomes {@code *}.
 */
public final class EmbeddedValues {

    /** A run of exactly 12 digits, with no digit right before or after it: an IIN's shape inside text. */
    static final Pattern TWELVE_DIGITS = Pattern.compile("(?<!\\d)\\d{12}(?!\\d)");

    private static final PhoneDetector PHONES = new PhoneDetector();
    private static final PaymentCardDetector CARDS = new PaymentCardDetector();
    private static final IbanDetector IBANS = new IbanDetector();

    /** A candidate pattern of each kind with the test that decides it, most specific first. */
    private static final List<Candidate> CANDIDATES = List.of(
            new Candidate(
                    Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+"), email -> true),
            new Candidate(
                    Pattern.compile("(?i)(?<![\\p{L}\\p{N}])KZ\\d{2}(?: ?[0-9A-Z]){16}(?![\\p{L}\\p{N}])"),
                    IBANS::matches),
            new Candidate(Pattern.compile("(?<!\\d)\\d(?:[ -]?\\d){12,18}(?!\\d)"), CARDS::matches),
            new Candidate(TWELVE_DIGITS, Iin::isValid),
            new Candidate(
                    Pattern.compile("(?<![\\d+])\\+?\\(?\\d[\\d ()-]{5,}\\d(?!\\d)"),
                    phone -> PHONES.matches(phone.strip())));

    private EmbeddedValues() {}

    /** Returns the text with every restricted value inside it hidden, or null for null. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (Candidate candidate : CANDIDATES) {
            masked = candidate.hide(masked);
        }
        return masked;
    }

    private record Candidate(Pattern pattern, Predicate<String> restricted) {

        String hide(String text) {
            Matcher matcher = pattern.matcher(text);
            StringBuilder hidden = new StringBuilder(text.length());
            int from = 0;
            while (matcher.find()) {
                if (restricted.test(matcher.group())) {
                    hidden.append(text, from, matcher.start()).append(stars(matcher.group()));
                    from = matcher.end();
                }
            }
            return from == 0 ? text : hidden.append(text, from, text.length()).toString();
        }

        private static String stars(String value) {
            StringBuilder stars = new StringBuilder(value.length());
            value.codePoints().forEach(c -> stars.appendCodePoint(Character.isLetterOrDigit(c) ? '*' : c));
            return stars.toString();
        }
    }
}
