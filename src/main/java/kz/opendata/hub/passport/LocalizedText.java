package kz.opendata.hub.passport;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers for text meant for people, which passports store as a map from language code (kk, ru,
 * en) to text. Maps built here keep the order kk, ru, en and leave out blank texts.
 */
public final class LocalizedText {

    private static final String KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

    private LocalizedText() {}

    public static Map<String, String> of(Language language, String text) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(language.code(), text);
        return copyOf(texts);
    }

    public static Map<String, String> of(String kk, String ru, String en) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(Language.KK.code(), kk);
        texts.put(Language.RU.code(), ru);
        texts.put(Language.EN.code(), en);
        return copyOf(texts);
    }

    /** Copies texts into an unmodifiable map ordered kk, ru, en, then any other code. */
    public static Map<String, String> copyOf(Map<String, String> texts) {
        if (texts == null) {
            return Map.of();
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            putIfPresent(ordered, language.code(), texts.get(language.code()));
        }
        texts.forEach((code, text) -> putIfPresent(ordered, code, text));
        return Collections.unmodifiableMap(ordered);
    }

    /**
     * Picks the text in the requested language, else in Russian, Kazakh or English in that order,
     * else any text.
     *
     * @return the text, or null when the map is empty
     */
    public static String pick(Map<String, String> texts, Language language) {
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        for (String code : List.of(language.code(), "ru", "kk", "en")) {
            if (texts.containsKey(code)) {
                return texts.get(code);
            }
        }
        return texts.values().iterator().next();
    }

    /**
     * Guesses the language of a short text such as a column header: Kazakh when it has a letter
     * only Kazakh Cyrillic uses, Russian for other Cyrillic, English otherwise.
     */
    public static Language detect(String text) {
        boolean cyrillic = false;
        for (int i = 0; i < text.length(); i++) {
            char letter = text.charAt(i);
            if (KAZAKH_LETTERS.indexOf(letter) >= 0) {
                return Language.KK;
            }
            cyrillic |= Character.UnicodeBlock.of(letter) == Character.UnicodeBlock.CYRILLIC;
        }
        return cyrillic ? Language.RU : Language.EN;
    }

    private static void putIfPresent(Map<String, String> texts, String code, String text) {
        if (text != null && !text.isBlank() && !texts.containsKey(code)) {
            texts.put(code, text);
        }
    }
}
