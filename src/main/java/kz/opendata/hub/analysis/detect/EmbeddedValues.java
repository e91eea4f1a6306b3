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

    /**
     * A candidate pattern of each kind with the test that decides it, most specific first. Each
     * pattern starts only where a run of its characters starts and has a bounded length, so a long
     * cell is searched in linear time.
     */
    private static final List<Candidate> CANDIDATES = List.of(
            new Candidate(
                    EmailDetector.KIND,
                    Pattern.compile("(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]{1,64}@[\\p{L}\\p{N}-]{1,63}"
                            + "(?:\\.[\\p{L}\\p{N}-]{1,63})+"),
                    email -> true),
            new Candidate(
                    IbanDetector.KIND,
                    Pattern.compile("(?i)(?<![\\p{L}\\p{N}])KZ\\d{2}(?: ?[0-9A-Z]){16}(?![\\p{L}\\p{N}])"),
                    IBANS::matches),
            new Candidate(
                    PaymentCardDetector.KIND, Pattern.compile("(?<!\\d)\\d(?:[ -]?\\d){12,18}(?!\\d)"), CARDS::matches),
            new Candidate(IinDetector.KIND, TWELVE_DIGITS, Iin::isValid),
            new Candidate(
                    PhoneDetector.KIND,
                    Pattern.compile("(?<![\\d+])\\+?\\(?\\d[\\d ()-]{5,22}\\d(?!\\d)"),
                    phone -> PHONES.matches(phone.strip())));

    /**
     * Words that introduce a phone number in Russian, Kazakh and English, in any case and as the
     * start of a longer word: тел, моб, сот, факс, ұялы, байланыс, tel, phone, mob, fax, whatsapp.
     */
    private static final Pattern PHONE_WORD = Pattern.compile(
            "(?iu)(?<!\\p{L})(?:тел|моб|сот|факс|ұялы|байланыс|tel|phone|mob|fax|whats\\s?app|ватсап)[^\\p{N}]{0,12}$");

    /** Characters before a phone number searched for {@link #PHONE_WORD}. */
    private static final int PHONE_WORD_REACH = 40;

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

    /**
     * Returns the first value of the kind inside the text that passes the kind's test, such as an
     * IIN with valid check digits, or null when there is none. The kind is one of email, iban,
     * payment-card, iin and phone.
     */
    static String find(String kind, String text) {
        Matcher matcher = candidate(kind).pattern.matcher(text);
        while (matcher.find()) {
            if (candidate(kind).restricted.test(matcher.group())) {
                return matcher.group();
            }
        }
        return null;
    }

    /**
     * Returns the first phone number inside the text that is written as someone's contact, or null.
     * Masking hides every number of a phone's shape, but a contract number such as
     * {@code 2023-0145-12} has that shape too. A number counts here when it has a plus or a bracket,
     * is 11 digits starting with 7 or 8, or follows a word such as "тел." or "моб.".
     */
    static String findContact(String text) {
        Candidate phones = candidate(PhoneDetector.KIND);
        Matcher matcher = phones.pattern.matcher(text);
        while (matcher.find()) {
            String number = matcher.group();
            if (phones.restricted.test(number)
                    && (isDialledInFull(number) || followsPhoneWord(text, matcher.start()))) {
                return number.strip();
            }
        }
        return null;
    }

    private static boolean followsPhoneWord(String text, int start) {
        return PHONE_WORD
                .matcher(text.substring(Math.max(0, start - PHONE_WORD_REACH), start))
                .find();
    }

    /** Tells whether a number carries a plus or a bracket, or is 11 digits starting with 7 or 8. */
    private static boolean isDialledInFull(String number) {
        if (number.indexOf('+') >= 0 || number.indexOf('(') >= 0) {
            return true;
        }
        String digits = number.replaceAll("\\D", "");
        return digits.length() == 11 && (digits.charAt(0) == '7' || digits.charAt(0) == '8');
    }

    private static Candidate candidate(String kind) {
        for (Candidate candidate : CANDIDATES) {
            if (candidate.kind.equals(kind)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(
                "unknown kind of embedded value '" + kind + "'; use email, iban, payment-card, iin or phone");
    }

    private record Candidate(String kind, Pattern pattern, Predicate<String> restricted) {

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
