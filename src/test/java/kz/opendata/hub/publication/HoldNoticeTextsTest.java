package kz.opendata.hub.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HoldNoticeTextsTest {

    private static final SchemaDiff.Result CHANGES = new SchemaDiff.Result(
            List.of("chislo_zhalob"), List.of("raion"), List.of(new SchemaDiff.Retyped("mest", "integer", "string")));

    private static HoldNoticeTexts.Facts facts(String language) {
        return new HoldNoticeTexts.Facts(
                language,
                "Бюро",
                "Обращения",
                "appeals.csv",
                LocalDate.of(2031, 3, 4),
                2,
                CHANGES,
                Map.of("chislo_zhalob", "Число жалоб", "raion", "Район", "mest", "Мест"),
                Map.of("chislo_zhalob", "integer"));
    }

    @Test
    void russianNoticeListsEveryChange() {
        HoldNoticeTexts.Notice notice = HoldNoticeTexts.write(facts("ru"));

        assertThat(notice.subject())
                .isEqualTo("Обновление набора данных «Обращения» не опубликовано: изменилась структура");
        assertThat(notice.body())
                .contains("выгрузка «appeals.csv», полученная 04.03.2031")
                .contains("паспорте версии 2")
                .contains("добавлен столбец «Число жалоб» (chislo_zhalob), тип: целое число")
                .contains("удалён столбец «Район» (raion)")
                .contains("у столбца «Мест» (mest) изменился тип: был «целое число», стал «текст»");
    }

    @Test
    void englishNoticeNamesTypesInWords() {
        HoldNoticeTexts.Notice notice = HoldNoticeTexts.write(facts("en"));

        assertThat(notice.subject())
                .isEqualTo("Update of the data set \"Обращения\" not published: its structure changed");
        assertThat(notice.body())
                .contains("column \"Число жалоб\" (chislo_zhalob) was added, type: integer")
                .contains("column \"Мест\" (mest) changed its type from integer to text");
    }

    @Test
    void kazakhNoticeUsesKazakhBundle() {
        HoldNoticeTexts.Notice notice = HoldNoticeTexts.write(facts("kk"));

        assertThat(notice.subject()).contains("жаңартуы жарияланбады");
        assertThat(notice.body())
                .contains("«Район» (raion) бағаны алынып тасталды")
                .contains("бүтін сан");
    }

    @Test
    void unknownLanguageIsRejected() {
        assertThatThrownBy(() -> HoldNoticeTexts.write(facts("de")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'de'");
    }
}
