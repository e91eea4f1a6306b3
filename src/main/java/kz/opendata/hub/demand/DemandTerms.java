package kz.opendata.hub.demand;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.opendata.hub.passport.Transliteration;

/**
 * Turns text into comparable terms, the same way for a request and for a data set, so a request
 * written in Cyrillic matches technical names in Latin: {@code Население} and {@code naselenie}
 * give the same term.
 *
 * <p>Text is transliterated with {@link Transliteration}, lower-cased and split at every
 * character other than a Latin letter or digit. Terms shorter than three characters and common
 * words of requests ("data", "please publish", in Russian, Kazakh and English) are dropped.
 */
final class DemandTerms {

    /** Shortest common beginning of two terms that counts as the same word in another form. */
    static final int MIN_STEM = 5;

    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    /** Common words of requests, transliterated as {@link Transliteration} does. */
    private static final Set<String> STOP_WORDS = Set.of(
            // Russian
            "dannye",
            "dannykh",
            "dannym",
            "dannymi",
            "nabor",
            "nabora",
            "nabory",
            "naborov",
            "spisok",
            "spiska",
            "perechen",
            "informatsiia",
            "informatsii",
            "svedeniia",
            "svedenii",
            "otkrytye",
            "otkrytykh",
            "prosim",
            "proshu",
            "opublikovat",
            "publikatsiia",
            "nuzhny",
            "nuzhno",
            "dlia",
            "pri",
            "ili",
            "ikh",
            "eto",
            "kak",
            "chto",
            "vse",
            "vsekh",
            "kotorye",
            "tom",
            "takzhe",
            // Kazakh
            "derekter",
            "derekterdi",
            "zhinaq",
            "zhinagy",
            "ashyq",
            "tizimi",
            "tizim",
            "turaly",
            "zharialau",
            "zhane",
            "boiynsha",
            "otinemiz",
            // English
            "the",
            "and",
            "for",
            "with",
            "data",
            "dataset",
            "datasets",
            "list",
            "please",
            "publish",
            "open",
            "information",
            "about",
            "all");

    /** Shortest stem left after an ending is removed; shorter words keep their ending. */
    static final int MIN_STEM_LENGTH = 3;

    /**
     * Inflectional endings removed before two terms are compared, transliterated as {@link
     * Transliteration} does, longest first: Russian noun and adjective endings, and the Kazakh
     * plural with the possessive or case suffixes that follow it. One ending is removed per term.
     */
    private static final List<String> ENDINGS = Stream.of(
                    // Russian
                    "iami",
                    "ami",
                    "iakh",
                    "akh",
                    "ykh",
                    "ikh",
                    "ogo",
                    "ego",
                    "omu",
                    "emu",
                    "ymi",
                    "imi",
                    "aia",
                    "iaia",
                    "uiu",
                    "iuiu",
                    "oe",
                    "ee",
                    "ye",
                    "ie",
                    "yi",
                    "ii",
                    "oi",
                    "ei",
                    "om",
                    "em",
                    "am",
                    "iam",
                    "ov",
                    "ev",
                    "ia",
                    "iu",
                    "y",
                    "i",
                    "a",
                    "e",
                    "u",
                    "o",
                    // Kazakh: plural alone, then followed by a possessive or case suffix
                    "lar",
                    "ler",
                    "dar",
                    "der",
                    "tar",
                    "ter",
                    "lary",
                    "leri",
                    "dary",
                    "deri",
                    "tary",
                    "teri",
                    "lardyn",
                    "lerdin",
                    "dardyn",
                    "derdin",
                    "tardyn",
                    "terdin",
                    "larga",
                    "lerge",
                    "darga",
                    "derge",
                    "targa",
                    "terge",
                    "lardy",
                    "lerdi",
                    "dardy",
                    "derdi",
                    "tardy",
                    "terdi",
                    "larda",
                    "lerde",
                    "darda",
                    "derde",
                    "tarda",
                    "terde",
                    "lardan",
                    "lerden",
                    "dardan",
                    "derden",
                    "tardan",
                    "terden")
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();

    private DemandTerms() {}

    /** Returns the distinct terms of a text in order of first appearance, or none for null. */
    static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        String latin = Transliteration.toLatin(text).toLowerCase(Locale.ROOT);
        for (String word : SEPARATORS.split(latin)) {
            if (word.length() >= 3 && !STOP_WORDS.contains(word)) {
                terms.add(word);
            }
        }
        return terms;
    }

    /**
     * Returns whether two terms are the same word, allowing for Russian and Kazakh endings: equal,
     * equal once {@link #stem} removed the ending of one or both, or sharing a beginning of at least {@value #MIN_STEM} characters that covers three quarters of
     * the shorter term ({@code naselenie} and {@code naseleniia}, {@code oblast} and {@code
     * oblastiam}).
     */
    static boolean sameWord(String a, String b) {
        String stemA = stem(a);
        String stemB = stem(b);
        if (a.equals(b) || stemA.equals(stemB) || stemA.equals(b) || a.equals(stemB)) {
            return true;
        }
        int common = commonPrefix(a, b);
        return common >= MIN_STEM && common * 4 >= Math.min(a.length(), b.length()) * 3;
    }

    /**
     * Returns the term without its longest inflectional ending, so that short words whose forms
     * share fewer than {@value #MIN_STEM} letters still compare equal: {@code sadov} and {@code
     * sady} give {@code sad}, and {@code balalar} gives {@code bala}.
     */
    static String stem(String term) {
        for (String ending : ENDINGS) {
            if (term.endsWith(ending) && term.length() - ending.length() >= MIN_STEM_LENGTH) {
                return term.substring(0, term.length() - ending.length());
            }
        }
        return term;
    }

    private static int commonPrefix(String a, String b) {
        int length = Math.min(a.length(), b.length());
        int i = 0;
        while (i < length && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
