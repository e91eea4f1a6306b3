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
     * Looks for the first two letters of a flat word ("кв", "пә", "ap", "fl") without the
     * lower-cased copy of the value. Outside U+0130, which no stem contains, lower-casing a string
     * maps each character as {@link Character#toLowerCase(char)} does, so no flat word is missed.
     * Only the listed characters lower-case to a stem's second letter, which the switch tests first,
     * after a single comparison has passed over digits, punctuation and spaces, which sort below them.
     */
    static boolean mayHaveFlatWord(String value) {
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 'L') {
                continue;
            }
            char first = switch (c) {
                case 'в', 'В' -> 'к';
                case 'ә', 'Ә' -> 'п';
                case 'p', 'P' -> 'a';
                case 'l', 'L' -> 'f';
                default -> 0;
            };
            if (first != 0 && Character.toLowerCase(value.charAt(i - 1)) == first) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String mask(String value) {
        return Masks.wordInitials(value);
    }
}
