package kz.opendata.hub.analysis.types;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Derives technical names (lower-case Latin, {@code [a-z][a-z0-9_]*}) from header texts.
 *
 * <p>Russian and Kazakh letters go through a fixed table close to the Russian passport
 * transliteration ({@code ж} to {@code zh}, {@code қ} to {@code q}); any other script goes through
 * ICU's {@code Any-Latin; Latin-ASCII}. A blank header becomes {@code column_N} with N the column's
 * 1-based position, a name that starts with a digit gets the prefix {@code column_}, and repeated
 * names get the suffix {@code _2}, {@code _3}.
 */
public final class TechnicalNames {

    static final int MAX_LENGTH = 60;

    private static final Map<Character, String> CYRILLIC = cyrillicTable();

    private TechnicalNames() {}

    /** Names for a whole header, unique within it. */
    public static List<String> assign(List<String> header) {
        List<String> names = new ArrayList<>(header.size());
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String base = of(header.get(i), i + 1);
            String name = base;
            for (int suffix = 2; !taken.add(name); suffix++) {
                name = base + "_" + suffix;
            }
            names.add(name);
        }
        return names;
    }

    /** Derives the technical name of one header text, before it is made unique. */
    static String of(String header, int position) {
        String latin = transliterate(header == null ? "" : header.toLowerCase(Locale.ROOT));
        String name =
                latin.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (name.isEmpty()) {
            return "column_" + position;
        }
        if (!Character.isLetter(name.charAt(0))) {
            name = "column_" + name;
        }
        return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH).replaceAll("_+$", "") : name;
    }

    private static String transliterate(String text) {
        StringBuilder latin = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = CYRILLIC.get(c);
            latin.append(replacement != null ? replacement : String.valueOf(c));
        }
        return OtherScripts.toAscii(latin.toString());
    }

    private static Map<Character, String> cyrillicTable() {
        String[] pairs = {
            "а",
            "a",
            "б",
            "b",
            "в",
            "v",
            "г",
            "g",
            "д",
            "d",
            "е",
            "e",
            "ё",
            "e",
            "ж",
            "zh",
            "з",
            "z",
            "и",
            "i",
            "й",
            "y",
            "к",
            "k",
            "л",
            "l",
            "м",
            "m",
            "н",
            "n",
            "о",
            "o",
            "п",
            "p",
            "р",
            "r",
            "с",
            "s",
            "т",
            "t",
            "у",
            "u",
            "ф",
            "f",
            "х",
            "kh",
            "ц",
            "ts",
            "ч",
            "ch",
            "ш",
            "sh",
            "щ",
            "shch",
            "ъ",
            "",
            "ы",
            "y",
            "ь",
            "",
            "э",
            "e",
            "ю",
            "yu",
            "я",
            "ya",
            // Kazakh letters beyond the Russian alphabet
            "ә",
            "a",
            "ғ",
            "g",
            "қ",
            "q",
            "ң",
            "n",
            "ө",
            "o",
            "ұ",
            "u",
            "ү",
            "u",
            "һ",
            "h",
            "і",
            "i"
        };
        Map<Character, String> table = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            table.put(pairs[i].charAt(0), pairs[i + 1]);
        }
        return Map.copyOf(table);
    }
}
