package kz.opendata.hub.approval;

import static org.assertj.core.api.Assertions.assertThat;

import kz.opendata.hub.approval.Decision.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecisionClassifierTest {

    private final DecisionClassifier classifier = new DecisionClassifier();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Согласовано.                                         | ru
            СОГЛАСОВАНО                                          | ru
            согласовано!!!                                       | ru
            Паспорт согласован, спасибо.                         | ru
            Согласована.                                         | ru
            Согласуем.                                           | ru
            Утверждаем без замечаний.                            | ru
            Не возражаем.                                        | ru
            Замечаний нет.                                       | ru
            Возражений не имеем, согласовываем.                  | ru
            Ничего не имеем против.                              | ru
            Согласовано, спасибо за работу!                      | ru
            Согласовано (ё-ёлка, проверка ё).                    | ru
            Келісілді.                                           | kk
            Келісемін.                                           | kk
            Қарсылық жоқ.                                        | kk
            Келiсiлдi                                            | kk
            Келисилди                                            | kk
            Паспорт келісілген, рахмет.                          | kk
            Approved                                             | en
            Approved, thanks                                     | en
            We approve the passport.                             | en
            Agreed.                                              | en
            No objections.                                       | en
            """)
    void approves(String text, String language) {
        Decision decision = classifier.classify(text);

        assertThat(decision.kind()).isEqualTo(Kind.APPROVED);
        assertThat(decision.language()).isEqualTo(language);
        assertThat(decision.decisiveSentence()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Не согласовано.                                                  | ru
            Не согласовано, прошу убрать столбец «Телефон».                  | ru
            НЕ СОГЛАСОВАН                                                    | ru
            Паспорт не согласован: набор содержит персональные данные.       | ru
            Не согласны с публикацией.                                       | ru
            К сожалению, не можем согласовать.                               | ru
            Отклоняем, данные служебные.                                     | ru
            Возражаем против публикации.                                     | ru
            Келісілмеді.                                                     | kk
            Келіспейміз, деректер қызметтік.                                 | kk
            Келiспеймiз                                                      | kk
            Not approved.                                                    | en
            Not approved: the set holds personal data.                       | en
            Rejected.                                                        | en
            We disagree with publishing this set.                            | en
            We do not approve the passport.                                  | en
            We can't approve it.                                             | en
            """)
    void rejects(String text, String language) {
        Decision decision = classifier.classify(text);

        assertThat(decision.kind()).isEqualTo(Kind.REJECTED);
        assertThat(decision.language()).isEqualTo(language);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Прошу изменить наименование набора.                              | ru
            Прошу исправить тип поля «Дата».                                 | ru
            Просим добавить поле «Район».                                    | ru
            Прошу убрать столбец с телефонами.                               | ru
            Необходимо внести изменения в описание.                          | ru
            Согласовано с замечаниями: уточните периодичность.               | ru
            Согласуем, если уберёте столбец «Адрес».                         | ru
            Согласовано частично.                                            | ru
            Өзгерту қажет: атауын түзету керек.                              | kk
            Сипаттаманы түзетіңіз.                                           | kk
            Please change the update frequency to monthly.                   | en
            Please remove the phone column.                                  | en
            Approved if you add the district column.                         | en
            Approved with comments below.                                    | en
            """)
    void requestsChanges(String text, String language) {
        Decision decision = classifier.classify(text);

        assertThat(decision.kind()).isEqualTo(Kind.CHANGES_REQUESTED);
        assertThat(decision.language()).isEqualTo(language);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            OK
            Ок.
            Да
            Yes
            Спасибо, получили.
            Письмо получено, направили руководству на рассмотрение.
            Это уже согласовано?
            Согласуем позже.
            Будет согласовано на следующей неделе.
            Согласовано. Не согласовано.
            Approved. Not approved.
            Келісілді. Келісілмеді.
            Не согласовано. Согласуем, если уберёте столбец.
            """)
    void leavesUnclearToAnalyst(String text) {
        Decision decision = classifier.classify(text);

        assertThat(decision.kind()).isEqualTo(Kind.UNCLEAR);
        assertThat(decision.decisiveSentence()).isNull();
    }

    @Test
    void leavesEmptyTextUnclear() {
        assertThat(classifier.classify("   ").kind()).isEqualTo(Kind.UNCLEAR);
        assertThat(classifier.classify(null).kind()).isEqualTo(Kind.UNCLEAR);
        assertThat(classifier.classify("").language()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Не согласовано, прошу убрать столбец.   | Не согласовано, прошу убрать столбец.
            Добрый день. Согласовано. Спасибо.       | Согласовано.
            Здравствуйте!\\nПрошу исправить тип.     | Прошу исправить тип.
            """)
    void returnsDecisiveSentence(String text, String sentence) {
        Decision decision = classifier.classify(text.replace("\\n", "\n"));

        assertThat(decision.decisiveSentence()).isEqualTo(sentence);
    }
}
