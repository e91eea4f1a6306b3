package kz.opendata.hub.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ApprovalTextsTest {

    private static final String TOKEN = "42-1-ABCDEFGHIJKLMNOPQRSTUVWX";

    private final ApprovalTexts texts = new ApprovalTexts();
    private final DecisionClassifier classifier = new DecisionClassifier();

    @Test
    void remindsWithTokenAndSendDate() {
        Letter letter =
                texts.reminder("ru", "Бюро национальной статистики", "Расходы", 1, TOKEN, LocalDate.of(2026, 12, 1));

        assertThat(letter.subject())
                .isEqualTo("[ODH-" + TOKEN + "] Напоминание: согласование паспорта набора данных «Расходы»");
        assertThat(letter.body())
                .contains("01.12.2026")
                .contains("«Согласовано» — если")
                .contains("[ODH-" + TOKEN + "]");
    }

    @Test
    void remindsInKazakhAndEnglish() {
        Letter kazakh = texts.reminder("kk", "Статистика бюросы", "Шығыстар", 2, TOKEN, LocalDate.of(2026, 1, 5));
        Letter english = texts.reminder("en", "Statistics bureau", "Spending", 2, TOKEN, LocalDate.of(2026, 1, 5));

        assertThat(kazakh.subject()).startsWith("[ODH-" + TOKEN + "] Еске салу:");
        assertThat(kazakh.body()).contains("05.01.2026").contains("«Келісілді»");
        assertThat(english.subject()).startsWith("[ODH-" + TOKEN + "] Reminder:");
        assertThat(english.body()).contains("05.01.2026").contains("\"Approved\"");
    }

    @Test
    void answersUnregisteredSenderWithoutPassportDetails() {
        Letter letter = texts.unregisteredSender("kk");

        assertThat(letter.subject()).isEqualTo("Жауабыңыз есепке алынбады: жіберушінің мекенжайы тіркелмеген");
        assertThat(letter.body()).doesNotContain("ODH-").contains("тіркелген мекенжайдан");
    }

    @Test
    void answersUnregisteredSenderInAllLanguages() {
        Letter letter = texts.unregisteredSenderAllLanguages();

        assertThat(letter.subject())
                .contains("Жауабыңыз есепке алынбады")
                .contains("Ваш ответ не учтён")
                .contains("Your reply was not counted");
        assertThat(letter.body()).contains("зарегистрированного адреса").contains("registered address");
    }

    @Test
    void requestTextItselfDecidesNothing() {
        // An agency that replies without stripping the quote must not approve by accident.
        for (String language : ApprovalMessages.LANGUAGES) {
            Letter letter = texts.request(ApprovalMailComposerTest.request(language));

            assertThat(classifier.classify(letter.body()).kind()).as(language).isEqualTo(Decision.Kind.UNCLEAR);
        }
    }
}
