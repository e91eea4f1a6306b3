package kz.opendata.hub.analysis.detect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spells Cyrillic given names the ways passports and registries write them in Latin letters.
 *
 * <p>Recent Russian passports follow ICAO Doc 9303 (й as i, ю as iu, я as ia), while older
 * documents and many registries write y, yu, ya, and Kazakh documents drop the diacritics of ә,
 * ғ, қ, ң, ө, ұ, ү. Every combination of those choices is produced, so "Алексей" gives "aleksei",
 * "alexey" and the forms between.
 */
final class LatinNames {

    /** Spellings per Cyrillic letter, most common first; a letter not listed is dropped. */
    private static final Map<Character, List<String>> LETTERS = Map.ofEntries(
            Map.entry('а', List.of("a")),
            Map.entry('б', List.of("b")),
            Map.entry('в', List.of("v")),
            Map.entry('г', List.of("g")),
            Map.entry('д', List.of("d")),
            Map.entry('е', List.of("e")),
            Map.entry('ё', List.of("e", "yo")),
            Map.entry('ж', List.of("zh", "j")),
            Map.entry('з', List.of("z")),
            Map.entry('и', List.of("i")),
            Map.entry('й', List.of("i", "y")),
            Map.entry('к', List.of("k")),
            Map.entry('л', List.of("l")),
            Map.entry('м', List.of("m")),
            Map.entry('н', List.of("n")),
            Map.entry('о', List.of("o")),
            Map.entry('п', List.of("p")),
            Map.entry('р', List.of("r")),
            Map.entry('с', List.of("s")),
            Map.entry('т', List.of("t")),
            Map.entry('у', List.of("u")),
            Map.entry('ф', List.of("f")),
            Map.entry('х', List.of("kh", "h")),
            Map.entry('ц', List.of("ts")),
            Map.entry('ч', List.of("ch")),
            Map.entry('ш', List.of("sh")),
            Map.entry('щ', List.of("shch", "sch")),
            Map.entry('ъ', List.of("", "ie")),
            Map.entry('ы', List.of("y", "i")),
            Map.entry('ь', List.of("")),
            Map.entry('э', List.of("e")),
            Map.entry('ю', List.of("iu", "yu")),
            Map.entry('я', List.of("ia", "ya", "a")),
            Map.entry('ә', List.of("a", "ae")),
            Map.entry('ғ', List.of("g", "gh")),
            Map.entry('қ', List.of("k", "q")),
            Map.entry('ң', List.of("n", "ng")),
            Map.entry('ө', List.of("o", "oe")),
            Map.entry('ұ', List.of("u")),
            Map.entry('ү', List.of("u", "ue")),
            Map.entry('һ', List.of("h")),
            Map.entry('і', List.of("i")));

    /** English forms that no letter-by-letter spelling gives. */
    private static final Map<String, List<String>> ENGLISH_FORMS = Map.of(
            "александр", List.of("alexander"),
            "александра", List.of("alexandra"),
            "михаил", List.of("michael"),
            "евгений", List.of("eugene", "evgeny", "yevgeny"),
            "елена", List.of("yelena"),
            "екатерина", List.of("yekaterina"));

    /** Caps the spellings of one name, since each letter with choices multiplies them. */
    private static final int MAX_SPELLINGS = 64;

    private LatinNames() {}

    /** Returns the Latin spellings of every name, lower case. */
    static Set<String> spell(Set<String> cyrillicNames) {
        Set<String> latin = new HashSet<>();
        for (String name : cyrillicNames) {
            latin.addAll(spellings(name));
            latin.addAll(ENGLISH_FORMS.getOrDefault(name, List.of()));
        }
        return Set.copyOf(latin);
    }

    /** Returns the Latin spellings of one lower-case Cyrillic name. */
    static List<String> spellings(String name) {
        List<String> spelled = List.of("");
        String text = name.replace("кс", "\u0000");
        for (int i = 0; i < text.length(); i++) {
            List<String> choices = choices(text.charAt(i));
            List<String> longer = new ArrayList<>();
            for (String start : spelled) {
                for (String choice : choices) {
                    if (longer.size() < MAX_SPELLINGS) {
                        longer.add(start + choice);
                    }
                }
            }
            spelled = longer;
        }
        return spelled;
    }

    private static List<String> choices(char letter) {
        if (letter == '\u0000') {
            // "кс" is "ks" in transliteration and "x" in the English forms people choose (Alexey).
            return List.of("ks", "x");
        }
        if (letter >= 'a' && letter <= 'z' || letter == '-') {
            return List.of(String.valueOf(letter));
        }
        return LETTERS.getOrDefault(letter, List.of(""));
    }
}
