package kz.opendata.hub.passport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PassportMessagesTest {

    private final PassportMessages messages = new PassportMessages();

    @Test
    void everyLanguageHasSameKeys() {
        var russian = messages.keys(Language.RU).stringPropertyNames();

        assertThat(messages.keys(Language.KK).stringPropertyNames()).isEqualTo(russian);
        assertThat(messages.keys(Language.EN).stringPropertyNames()).isEqualTo(russian);
    }

    @Test
    void replacesPlaceholdersLiterally() {
        assertThat(messages.get(Language.EN, "requirement.range", "1'000", "{1}"))
                .isEqualTo("From 1'000 to {1}");
    }

    @Test
    void readsKazakhLettersIntact() {
        assertThat(messages.get(Language.KK, "section.2")).isEqualTo("2 ҚҰРЫЛЫМНЫҢ СИПАТТАМАСЫ");
    }
}
