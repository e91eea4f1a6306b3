package kz.opendata.hub.analysis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import kz.opendata.hub.analysis.TestIins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueDetectorsTest {

    private final PersonNameDetector names = PersonNameDetector.withBundledNames();
    private final PhoneDetector phones = new PhoneDetector();
    private final EmailDetector emails = new EmailDetector();
    private final IinDetector iins = new IinDetector();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Иванова Наталья Николаевна",
                "Григорьев Игорь Сергеевич",
                "Наталья Николаевна Иванова",
                "Серікбаев Асхат Нұрланұлы",
                "Серікбаева Айгүл Нұрлан қызы",
                "Иванова Н.Н.",
                "Н. Н. Иванова",
                "Петров Сергей",
                "Айгерим Серікова",
                "Римский-Корсаков Николай Андреевич"
            })
    void recognisesPersonNames(String value) {
        assertThat(names.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Судебный участок №30",
                "Государственное казенное учреждение здравоохранения",
                "Республика Казахстан",
                "Западно-Казахстанская",
                "Тушинский отдел ЗАГС",
                "Нагатинский",
                "Вакансия",
                "Бюджетное Учреждение",
                "ivanova natalia"
            })
    void ignoresOtherText(String value) {
        assertThat(names.matches(value)).isFalse();
    }

    @Test
    void masksNamesToInitialLetters() {
        assertThat(names.mask("Иванова Наталья Николаевна")).isEqualTo("И*** Н*** Н***");
        assertThat(names.mask("Иванова Н.Н.")).isEqualTo("И*** Н*** Н***");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "(499) 672-7602",
                "(495)558-47-73",
                "+7 (727) 272-12-34",
                "8 701 123 45 67",
                "87011234567",
                "272-12-34",
                "(499) 023-51-97; (499) 017-46-57",
                "(499) 330-9559 (499) 926-9805",
                "499)825-22-45"
            })
    void recognisesPhoneNumbers(String value) {
        assertThat(phones.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.03.2024", "2024-03-12", "14901641", "43 558 237 500", "115280", "2005", "№ 30", "нет"})
    void ignoresNumbersThatAreNotPhones(String value) {
        assertThat(phones.matches(value)).isFalse();
    }

    @Test
    void masksPhoneDigits() {
        assertThat(phones.mask("+7 (727) 272-12-02")).isEqualTo("+7 (***) ***-**-02");
        assertThat(phones.mask("(499) 672-7602")).isEqualTo("(***) ***-**02");
    }

    @Test
    void recognisesAndMasksEmails() {
        assertThat(emails.matches("user565@ums-mos.ru")).isTrue();
        assertThat(emails.matches("a.b@mail.gov.kz, c@d.kz")).isTrue();
        assertThat(emails.matches("www.zags.mos.ru/contacts/")).isFalse();
        assertThat(emails.matches("нет")).isFalse();
        assertThat(emails.mask("ivanov@mail.ru")).isEqualTo("i***@m***.ru");
    }

    @Test
    void recognisesGeneratedIinsAndMasksMiddle() {
        String iin = TestIins.generate(LocalDate.of(1987, 4, 12), true, 12);

        assertThat(iin).isEqualTo("870412300129");
        assertThat(iins.matches(iin)).isTrue();
        assertThat(iins.matches("870412300128")).isFalse();
        assertThat(iins.mask(iin)).isEqualTo("87******0129");
    }

    @Test
    void recognisesIinThatLostLeadingZero() {
        String iin = TestIins.generate(LocalDate.of(2005, 6, 1), false, 345);

        assertThat(iin).startsWith("0");
        assertThat(iins.matches(iin.substring(1))).isTrue();
    }
}
