package kz.opendata.hub.passport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Texts of the passport in kk, ru and en, read from {@code templates/passport/messages_*.properties}
 * on the classpath: labels of the passport form and the sentences the drafter writes.
 */
public final class PassportMessages {

    private final Map<Language, Properties> texts = new EnumMap<>(Language.class);

    public PassportMessages() {
        for (Language language : Language.values()) {
            texts.put(language, load(language));
        }
    }

    /**
     * Returns the text with {@code {0}}, {@code {1}}, ... replaced by the arguments.
     *
     * @throws IllegalArgumentException when the key is missing for the language
     */
    public String get(Language language, String key, Object... arguments) {
        String text = texts.get(language).getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("no text '" + key + "' in " + resource(language));
        }
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    /** Returns the text in all three languages, as passports store it. */
    public Map<String, String> all(String key, Object... arguments) {
        return LocalizedText.of(
                get(Language.KK, key, arguments), get(Language.RU, key, arguments), get(Language.EN, key, arguments));
    }

    boolean has(Language language, String key) {
        return texts.get(language).containsKey(key);
    }

    Properties keys(Language language) {
        return texts.get(language);
    }

    private static Properties load(Language language) {
        Properties properties = new Properties();
        try (InputStream input = PassportMessages.class.getResourceAsStream(resource(language))) {
            if (input == null) {
                throw new IllegalStateException(resource(language) + " is missing from the classpath");
            }
            properties.load(new InputStreamReader(input, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource(language), e);
        }
    }

    private static String resource(Language language) {
        return "/templates/passport/messages_" + language.code() + ".properties";
    }
}
