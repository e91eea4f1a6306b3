package kz.opendata.hub.demand;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
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
     * Returns whether two terms are the same word, allowing for Russian and Kazakh endings: equal, or
     * sharing a beginning of at least {@value #MIN_STEM} characters that covers three quarters of
     * the shorter term ({@code naselenie} and {@code naseleniia}, {@code oblast} and {@code
     * oblastiam}).
     */
    static boolean sameWord(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int common = commonPrefix(a, b);
        return common >= MIN_STEM && common * 4 >= Math.min(a.length(), b.length()) * 3;
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
