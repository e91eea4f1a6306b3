package kz.opendata.hub.passport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Splits text into lower-case words and matches them against keyword stems. */
final class Words {

    /** Keywords shorter than this match whole words only, so "суд" does not match "судно". */
    static final int MIN_STEM_LENGTH = 4;

    private Words() {}

    /** Lower-case runs of letters and digits, in order, with repeats. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        String lower = text.toLowerCase(Locale.ROOT).replace('ё', 'е');
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean wordCharacter = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
            if (wordCharacter && start < 0) {
                start = i;
            } else if (!wordCharacter && start >= 0) {
                tokens.add(lower.substring(start, i));
                start = -1;
            }
        }
        return tokens;
    }

    static boolean matches(String token, String keyword) {
        return keyword.length() < MIN_STEM_LENGTH ? token.equals(keyword) : token.startsWith(keyword);
    }

    /** True when a word of the text matches one of the keywords. */
    static boolean containAny(String text, Collection<String> keywords) {
        for (String token : tokens(text)) {
            for (String keyword : keywords) {
                if (matches(token, keyword)) {
                    return true;
                }
            }
        }
        return false;
    }
}
