package kz.opendata.hub.analysis.detect;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
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

    /**
     * An IIN's shape inside text: 12 digits, whole or as two groups of six split by a space, a
     * no-break space or a hyphen, with no digit right before or after.
     */
    private static final Pattern IIN_SHAPE = Pattern.compile("(?<!\\d)\\d{6}[ \u00a0-]?\\d{6}(?!\\d)");

    /** The separator {@link #IIN_SHAPE} allows between the two groups of six digits. */
    private static final Pattern IIN_SEPARATOR = Pattern.compile("[ \u00a0-]");

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
                            + "(?:\\.[\\p{L}\\p{N}-]{1,63})*\\.\\p{L}{2,63}(?![\\p{L}\\p{N}])"),
                    email -> true),
            new Candidate(
                    IbanDetector.KIND,
                    Pattern.compile("(?i)(?<![A-Z0-9])KZ\\d{2}(?: ?[0-9A-Z]){16}(?![A-Z0-9])"),
                    IBANS::matches),
            new Candidate(
                    PaymentCardDetector.KIND, Pattern.compile("(?<!\\d)\\d(?:[ -]?\\d){12,18}(?!\\d)"), CARDS::matches),
            new Candidate(IinDetector.KIND, IIN_SHAPE, iin -> Iin.isValid(iinDigits(iin))),
            new Candidate(
                    PhoneDetector.KIND,
                    Pattern.compile("(?<![\\d+])\\+?\\(?\\d[\\d ()-]{5,22}\\d(?!\\d)"),
                    phone -> PHONES.matches(phone.strip())));

    /**
     * A word that introduces a phone number, in any case, with up to 30 characters other than
     * digits up to the number: тел., телефон, моб., мобильный, сот., сотовый, факс, ұялы, байланыс,
     * tel., telephone, phone, mobile, fax, WhatsApp. Longer words that merely start the same way,
     * such as телевизор or сотрудник, do not count.
     */
    private static final Pattern PHONE_WORD =
            Pattern.compile("(?iu)(?<!\\p{L})(?:тел(?:ефон\\p{L}*)?|моб(?:ильн\\p{L}*)?"
                    + "|сот(?:ов\\p{L}*)?|факс|ұялы|байланыс\\p{L}*|tel(?:ephone)?|phone|mob(?:ile)?|fax|whats\\s?app"
                    + "|ватсап)(?!\\p{L})[^\\p{N}]{0,30}$");

    /** An area code in brackets, such as (727) or (7172). */
    private static final Pattern AREA_CODE = Pattern.compile("\\(\\d{3,5}\\)");

    /** Characters before a phone number searched for {@link #PHONE_WORD}. */
    private static final int PHONE_WORD_REACH = 40;

    private EmbeddedValues() {}

    /** Returns the text with every restricted value inside it hidden, or null for null. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String digits = asciiDigits(text);
        String masked = digits;
        for (Candidate candidate : CANDIDATES) {
            masked = candidate.hide(masked);
        }
        if (digits == text) {
            return masked;
        }
        if (masked.equals(digits)) {
            return text;
        }
        if (masked.length() != text.length()) {
            return masked;
        }
        // Puts the text's own characters back wherever nothing was hidden.
        char[] restored = text.toCharArray();
        for (int i = 0; i < restored.length; i++) {
            if (masked.charAt(i) == '*' && digits.charAt(i) != '*') {
                restored[i] = '*';
            }
        }
        return new String(restored);
    }

    /**
     * Returns the text with decimal digits of other scripts, such as Arabic-Indic ٨٧٠, written as
     * ASCII digits, or the same instance when it has none. The patterns match ASCII digits only.
     */
    private static String asciiDigits(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 127 && Character.isDigit(c)) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = (char) ('0' + Character.digit(c, 10));
            }
        }
        return chars == null ? text : new String(chars);
    }

    /**
     * Returns the first value of the kind inside the text that passes the kind's test, such as an
     * IIN with valid check digits, or null when there is none. The kind is one of email, iban,
     * payment-card, iin and phone.
     */
    static String find(String kind, String text) {
        return candidate(kind).first(text, match -> true);
    }

    /**
     * Returns the first phone number inside the text that is written as someone's contact, or null.
     * Masking hides every number of a phone's shape, but a contract number such as
     * {@code 2023-0145-12} has that shape too. A number counts here when it is dialled in full (see
     * {@link #isDialledInFull}) or follows a word such as "тел." or "моб.".
     */
    static String findContact(String text) {
        String number = candidate(PhoneDetector.KIND)
                .first(text, match -> isDialledInFull(match.group()) || followsPhoneWord(text, match.start()));
        return number == null ? null : number.strip();
    }

    /** Returns an IIN found by {@link #find} as its 12 digits, without a separator between the groups. */
    static String iinDigits(String found) {
        return IIN_SEPARATOR.matcher(found).replaceAll("");
    }

    private static boolean followsPhoneWord(String text, int start) {
        return PHONE_WORD
                .matcher(text.substring(Math.max(0, start - PHONE_WORD_REACH), start))
                .find();
    }

    /**
     * Tells whether a number is dialled in full. That is a plus, an area code of 3 to 5 digits in
     * brackets, or 11 digits that start with 7 or 8 and go on with 7 or 9, as Kazakh and Russian
     * numbers do. Amounts with grouped thousands, such as +1 500 000 000, are not.
     */
    private static boolean isDialledInFull(String number) {
        if (number.indexOf('+') >= 0) {
            return !PhoneShapes.isGroupedThousands(number.strip().substring(1).strip());
        }
        if (AREA_CODE.matcher(number).find()) {
            return true;
        }
        String digits = number.replaceAll("\\D", "");
        return digits.length() == 11
                && (digits.charAt(0) == '7' || digits.charAt(0) == '8')
                && (digits.charAt(1) == '7' || digits.charAt(1) == '9');
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

        /**
         * Returns the first match that passes the kind's test and {@code accepted}, or null. After a
         * match that fails, the search goes on from the next character, as in {@link #hide}.
         */
        String first(String text, Predicate<MatchResult> accepted) {
            Matcher matcher = pattern.matcher(text);
            int from = 0;
            while (from < text.length() && matcher.find(from)) {
                if (restricted.test(matcher.group()) && accepted.test(matcher)) {
                    return matcher.group();
                }
                from = matcher.start() + 1;
            }
            return null;
        }

        /**
         * Hides every match that passes the test. After a match that fails it, the search goes on
         * from the next character, so a number right before a phone number, as in "кабинет 12
         * 87011234567", does not hide the phone number from the search. A phone number found that
         * way, inside the failed match, must be a contact as {@link #findContact} defines it, so
         * the last twelve digits of a card number with a wrong check digit stay.
         */
        String hide(String text) {
            Matcher matcher = pattern.matcher(text);
            StringBuilder hidden = new StringBuilder(text.length());
            int copied = 0;
            int from = 0;
            int failedEnd = -1;
            while (from < text.length() && matcher.find(from)) {
                if (passes(text, matcher, matcher.start() < failedEnd)) {
                    hidden.append(text, copied, matcher.start()).append(stars(matcher.group()));
                    copied = matcher.end();
                    from = matcher.end();
                } else {
                    failedEnd = Math.max(failedEnd, matcher.end());
                    from = matcher.start() + 1;
                }
            }
            return copied == 0
                    ? text
                    : hidden.append(text, copied, text.length()).toString();
        }

        private boolean passes(String text, Matcher matcher, boolean insideFailedMatch) {
            if (!restricted.test(matcher.group())) {
                return false;
            }
            return !insideFailedMatch
                    || !kind.equals(PhoneDetector.KIND)
                    || isDialledInFull(matcher.group())
                    || followsPhoneWord(text, matcher.start());
        }

        private static String stars(String value) {
            StringBuilder stars = new StringBuilder(value.length());
            value.codePoints().forEach(c -> stars.appendCodePoint(Character.isLetterOrDigit(c) ? '*' : c));
            return stars.toString();
        }
    }
}
