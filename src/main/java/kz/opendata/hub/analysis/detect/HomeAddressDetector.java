package kz.opendata.hub.analysis.detect;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds addresses down to a flat: a street or building word and a flat number, such as
 * {@code ул. Абая, д. 10, кв. 5} or {@code Абай көшесі 10 үй, 5 пәтер}. An address without a flat
 * number usually belongs to an organisation and does not match.
 */
final class HomeAddressDetector implements ValueDetector {

    static final String KIND = "home-address";

    private static final Pattern FLAT = Pattern.compile(
            "(?iu)(?<![\\p{L}])(кв\\.?|квартира|пәтер|apt\\.?|apartment|flat)\\s*№?\\s*\\d+|\\d+\\s*(пәтер|пәт\\.)");
    private static final Pattern BUILDING = Pattern.compile(
            "(?iu)(?<![\\p{L}])(ул\\.?|улица|пр\\.?|проспект|пр-т|мкр\\.?|микрорайон|д\\.|дом|көшесі|даңғылы|шағын аудан"
                    + "|үй|street|st\\.|avenue|ave\\.)");

    @Override
    public String kind() {
        return KIND;
    }

    /** Returns what every match has: a flat number and the letters of a flat word. */
    @Override
    public Precondition precondition() {
        return Precondition.of(0, Integer.MAX_VALUE, 1, Integer.MAX_VALUE).withLetter();
    }

    @Override
    public boolean matches(String value) {
        if (!mayHaveFlatWord(value)) {
            return false;
        }
        String text = value.toLowerCase(Locale.ROOT);
        boolean flatWord = text.contains("кв")
                || text.contains("пәт")
                || text.contains("apt")
                || text.contains("apartment")
                || text.contains("flat");
        return flatWord && FLAT.matcher(text).find() && BUILDING.matcher(text).find();
    }

    /**
     * Looks for the first two letters of a flat word ("кв", "пә", "ap", "fl") in either case,
     * without the lower-cased copy of the value. The full test lower-cases with {@link
     * String#toLowerCase(Locale)}. The only characters that lower-case to these letters are their
     * own capitals, so comparing with both forms misses no flat word. One comparison passes over
     * digits, punctuation and spaces, which sort below every letter tested.
     */
    static boolean mayHaveFlatWord(String value) {
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 'L') {
                continue;
            }
            boolean stem = switch (c) {
                case 'в', 'В' -> isEither(value.charAt(i - 1), 'к', 'К');
                case 'ә', 'Ә' -> isEither(value.charAt(i - 1), 'п', 'П');
                case 'p', 'P' -> isEither(value.charAt(i - 1), 'a', 'A');
                case 'l', 'L' -> isEither(value.charAt(i - 1), 'f', 'F');
                default -> false;
            };
            if (stem) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEither(char c, char lower, char upper) {
        return c == lower || c == upper;
    }

    @Override
    public String mask(String value) {
        return Masks.wordInitials(value);
    }
}
