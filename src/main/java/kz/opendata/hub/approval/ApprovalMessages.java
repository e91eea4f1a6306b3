package kz.opendata.hub.approval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Texts of the approval e-mails from the bundle {@code messages/approval} in Kazakh, Russian and
 * English. Placeholders are written {@code {name}} and replaced literally, because {@code
 * MessageFormat} would group the digits of ids and drop apostrophes.
 */
final class ApprovalMessages {

    static final List<String> LANGUAGES = List.of("kk", "ru", "en");

    private static final String BUNDLE = "messages.approval";

    private final ResourceBundle bundle;

    private ApprovalMessages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    static ApprovalMessages of(String language) {
        requireLanguage(language);
        // Without the no-fallback control a JVM running in a Russian locale would serve an
        // English request with the Russian bundle.
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE,
                Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new ApprovalMessages(bundle);
    }

    static void requireLanguage(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException(
                    "language '" + language + "' is not supported;" + " use one of " + LANGUAGES);
        }
    }

    String text(String key, Map<String, String> values) {
        String text = bundle.getString(key);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    String text(String key) {
        return bundle.getString(key);
    }
}
