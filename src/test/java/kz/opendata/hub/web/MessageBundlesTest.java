package kz.opendata.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The dashboard's texts exist in every language, so no page shows a bare message key. */
class MessageBundlesTest {

    @Test
    void everyLanguageHasSameKeys() throws IOException {
        Properties english = load("en");
        Properties russian = load("ru");
        Properties kazakh = load("kk");

        assertThat(english).isNotEmpty();
        assertThat(russian.keySet()).isEqualTo(english.keySet());
        assertThat(kazakh.keySet()).isEqualTo(english.keySet());
    }

    @Test
    void noTextIsBlank() throws IOException {
        for (String language : new String[] {"en", "ru", "kk"}) {
            load(language)
                    .forEach((key, text) -> assertThat(text.toString())
                            .as("%s in ui_%s", key, language)
                            .isNotBlank());
        }
    }

    private static Properties load(String language) throws IOException {
        String name = "/messages/ui_" + language + ".properties";
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
