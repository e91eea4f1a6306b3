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
        String text = value.toLowerCase(Locale.ROOT);
        boolean flatWord = text.contains("кв")
                || text.contains("пәт")
                || text.contains("apt")
                || text.contains("apartment")
                || text.contains("flat");
        return flatWord && FLAT.matcher(text).find() && BUILDING.matcher(text).find();
    }

    @Override
    public String mask(String value) {
        return Masks.wordInitials(value);
    }
}
