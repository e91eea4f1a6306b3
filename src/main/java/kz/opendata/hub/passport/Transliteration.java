package kz.opendata.hub.passport;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import kz.opendata.hub.analysis.types.OtherScripts;

/**
 * Transliterates Russian and Kazakh Cyrillic to ASCII Latin for technical names and data set
 * names.
 *
 * <p>Russian letters follow the passport transliteration of GOST R 52535.1-2006 (ж zh, х kh, ц ts,
 * щ shch, ю iu, я ia, ъ ie, ь dropped). Kazakh letters take the Kazakh Latin alphabet of 2021 with
 * the diacritics dropped (ә a, ғ g, қ q, ң n, ө o, ұ u, ү u, һ h, і i). Any other non-ASCII text
 * goes through ICU's {@code Any-Latin; Latin-ASCII}.
 */
public final class Transliteration {

    private static final Map<Character, String> LETTERS = Map.ofEntries(
            Map.entry('а', "a"),
            Map.entry('б', "b"),
            Map.entry('в', "v"),
            Map.entry('г', "g"),
            Map.entry('д', "d"),
            Map.entry('е', "e"),
            Map.entry('ё', "e"),
            Map.entry('ж', "zh"),
            Map.entry('з', "z"),
            Map.entry('и', "i"),
            Map.entry('й', "i"),
            Map.entry('к', "k"),
            Map.entry('л', "l"),
            Map.entry('м', "m"),
            Map.entry('н', "n"),
            Map.entry('о', "o"),
            Map.entry('п', "p"),
            Map.entry('р', "r"),
            Map.entry('с', "s"),
            Map.entry('т', "t"),
            Map.entry('у', "u"),
            Map.entry('ф', "f"),
            Map.entry('х', "kh"),
            Map.entry('ц', "ts"),
            Map.entry('ч', "ch"),
            Map.entry('ш', "sh"),
            Map.entry('щ', "shch"),
            Map.entry('ъ', "ie"),
            Map.entry('ы', "y"),
            Map.entry('ь', ""),
            Map.entry('э', "e"),
            Map.entry('ю', "iu"),
            Map.entry('я', "ia"),
            Map.entry('ә', "a"),
            Map.entry('ғ', "g"),
            Map.entry('қ', "q"),
            Map.entry('ң', "n"),
            Map.entry('ө', "o"),
            Map.entry('ұ', "u"),
            Map.entry('ү', "u"),
            Map.entry('һ', "h"),
            Map.entry('і', "i"),
            Map.entry('№', "no"));

    private static final Pattern NOT_NAME_CHARACTERS = Pattern.compile("[^a-z0-9]+");

    private Transliteration() {}

    /**
     * Transliterates text to Latin, keeping case: {@code Жетісу} becomes {@code Zhetisu}, {@code
     * ЖЕТІСУ} becomes {@code ZHETISU}. Characters outside Cyrillic pass through ICU.
     */
    public static String toLatin(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder latin = new StringBuilder(composed.length() + 8);
        for (int i = 0; i < composed.length(); i++) {
            char letter = composed.charAt(i);
            String mapped = LETTERS.get(Character.toLowerCase(letter));
            if (mapped == null) {
                latin.append(letter);
            } else {
                latin.append(matchCase(mapped, letter, i + 1 < composed.length() ? composed.charAt(i + 1) : ' '));
            }
        }
        return OtherScripts.toAscii(latin.toString());
    }

    /**
     * Derives a technical name: Latin lower-case letters and digits joined by {@code _}, such as
     * {@code no_stroki} for {@code № строки}.
     *
     * @return the name, or an empty string when the text has no letter or digit
     */
    public static String technicalName(String text) {
        String latin = toLatin(text).toLowerCase(Locale.ROOT);
        String joined = NOT_NAME_CHARACTERS.matcher(latin).replaceAll("_");
        return trim(joined, '_');
    }

    static String trim(String text, char filler) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == filler) {
            start++;
        }
        while (end > start && text.charAt(end - 1) == filler) {
            end--;
        }
        return text.substring(start, end);
    }

    private static String matchCase(String mapped, char letter, char next) {
        if (!Character.isUpperCase(letter) || mapped.isEmpty()) {
            return mapped;
        }
        if (mapped.length() > 1 && Character.isUpperCase(next)) {
            return mapped.toUpperCase(Locale.ROOT);
        }
        return Character.toUpperCase(mapped.charAt(0)) + mapped.substring(1);
    }
}
