package kz.opendata.hub.exchange;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Texts of the letters and forms in one language, read from
 * {@code templates/letters/letters[_kk|_ru].properties}.
 */
public final class LetterTexts {

    private static final String BUNDLE = "templates.letters.letters";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Map<String, LetterTexts> BY_LANGUAGE = new ConcurrentHashMap<>();

    private final String language;
    private final ResourceBundle bundle;

    private LetterTexts(String language) {
        this.language = language;
        // English lives in the base file; the control keeps the JVM's default locale out of the lookup.
        Locale locale = "en".equals(language) ? Locale.ROOT : Locale.forLanguageTag(language);
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /**
     * Returns the texts of a language.
     *
     * @param language kk, ru or en
     * @throws IllegalArgumentException for any other language code
     */
    public static LetterTexts of(String language) {
        if (!"kk".equals(language) && !"ru".equals(language) && !"en".equals(language)) {
            throw new IllegalArgumentException("Letters exist in kk, ru and en only, not in '" + language + "'");
        }
        return BY_LANGUAGE.computeIfAbsent(language, LetterTexts::new);
    }

    public String language() {
        return language;
    }

    /** Formats the text under the key with the arguments. */
    public String text(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0
                ? pattern.replace("''", "'")
                : new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }

    public static String date(LocalDate date) {
        return date.format(DATE);
    }
}
