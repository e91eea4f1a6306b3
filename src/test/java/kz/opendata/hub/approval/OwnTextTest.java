package kz.opendata.hub.approval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnTextTest {

    private static final String QUOTE = "«Согласовано» — если паспорт согласован без изменений;\n"
            + "«Не согласовано» и причины — если паспорт не согласован;\n";

    @Test
    void cutsOutlookEnglishHeaderBlock() {
        String text = "Approved.\n\nFrom: Open Data Hub <opendata@integrator.example.kz>\n"
                + "Sent: Monday, December 1, 2026 10:00 AM\n"
                + "To: approvals@stat.example.kz\nSubject: [ODH-1-1-X] Approval\n\n" + QUOTE;

        assertThat(OwnText.extract(text)).isEqualTo("Approved.");
    }

    @Test
    void cutsOutlookRussianHeaderBlockWithBoldMarks() {
        String text = "Согласовано.\n\n*От:* Open Data Hub <opendata@integrator.example.kz>\n"
                + "*Отправлено:* 1 декабря 2026 г. 10:00\n*Кому:* approvals@stat.example.kz\n*Тема:* Согласование\n\n"
                + QUOTE;

        assertThat(OwnText.extract(text)).isEqualTo("Согласовано.");
    }

    @Test
    void cutsOutlookKazakhHeaderBlock() {
        String text = "Келісілді.\n\nКімнен: Open Data Hub <opendata@integrator.example.kz>\n"
                + "Жіберілді: 1 желтоқсан 2026 ж. 10:00\nКімге: approvals@stat.example.kz\nТақырып: Келісу\n\n" + QUOTE;

        assertThat(OwnText.extract(text)).isEqualTo("Келісілді.");
    }

    @Test
    void cutsOriginalMessageSeparators() {
        assertThat(OwnText.extract("Approved\n-----Original Message-----\n" + QUOTE))
                .isEqualTo("Approved");
        assertThat(OwnText.extract("Согласовано\n\n-----Исходное сообщение-----\n" + QUOTE))
                .isEqualTo("Согласовано");
        assertThat(OwnText.extract("Согласовано\n-------- Пересылаемое сообщение --------\n" + QUOTE))
                .isEqualTo("Согласовано");
    }

    @Test
    void keepsLoneFromLine() {
        String text = "Прошу исправить поле.\nОт: отдела статистики замечаний нет.";

        assertThat(OwnText.extract(text)).isEqualTo(text);
    }

    @Test
    void dropsQuoteWithRussianAttribution() {
        String text =
                "Не согласовано.\n\n1 декабря 2026 г., в 10:00, Open Data Hub <opendata@integrator.example.kz> пишет:\n"
                        + "> «Согласовано» — если паспорт согласован\n";

        assertThat(OwnText.extract(text)).isEqualTo("Не согласовано.");
    }

    @Test
    void dropsQuoteWithKazakhAttribution() {
        String text = "Келісілді.\n\n2026 ж. 1 жел., 10:00, Open Data Hub жазды:\n> «Келісілмеді» және себептері\n";

        assertThat(OwnText.extract(text)).isEqualTo("Келісілді.");
    }

    @Test
    void dropsGmailAttributionWrappedOverTwoLines() {
        String text = "Approved, thanks\n\nOn Mon, 1 Dec 2026 at 10:00, Open Data Hub <\n"
                + "opendata@integrator.example.kz> wrote:\n\n> \"Not approved\" followed by the reasons\n";

        assertThat(OwnText.extract(text)).isEqualTo("Approved, thanks");
    }

    @Test
    void dropsRussianGmailAttributionWrappedOverTwoLines() {
        String text = "Согласовано\n\nпн, 1 дек. 2026 г. в 10:00, Open Data Hub <\nopendata@integrator.example.kz>:\n\n"
                + "> «Не согласовано» и причины\n";

        assertThat(OwnText.extract(text)).isEqualTo("Согласовано");
    }

    @Test
    void keepsOwnLineWithDigitsAboveAttribution() {
        String text = "Согласовано, версия 2\n"
                + "1 дек. 2026 г., в 10:00, Open Data Hub <opendata@integrator.example.kz> пишет:\n"
                + "> текст\n";

        assertThat(OwnText.extract(text)).isEqualTo("Согласовано, версия 2");
    }

    @Test
    void keepsTextBelowQuote() {
        String text = "On Mon, 1 Dec 2026 at 10:00, Open Data Hub <opendata@integrator.example.kz> wrote:\n"
                + "> Dear colleagues,\n> \"Approved\" - if the passport is approved as drafted;\n\n"
                + "Not approved: remove the phone column.\n";

        assertThat(OwnText.extract(text)).isEqualTo("Not approved: remove the phone column.");
    }

    @Test
    void cutsAtAttributionWithoutQuoteMarks() {
        String text = "Approved\n\nOn Mon, 1 Dec 2026 at 10:00 Open Data Hub wrote:\n"
                + "\"Not approved\" followed by the reasons\n";

        assertThat(OwnText.extract(text)).isEqualTo("Approved");
    }

    @Test
    void cutsSignatures() {
        assertThat(OwnText.extract("Approved\n-- \nStatistics department\n+7 700 000 0000"))
                .isEqualTo("Approved");
        assertThat(OwnText.extract("Согласовано.\n\nС уважением,\nотдел статистики"))
                .isEqualTo("Согласовано.");
        assertThat(OwnText.extract("Келісілді.\nҚұрметпен,\nстатистика бөлімі")).isEqualTo("Келісілді.");
        assertThat(OwnText.extract("Approved.\n\nBest regards,\nStatistics")).isEqualTo("Approved.");
        assertThat(OwnText.extract("Approved\n\nSent from my iPhone")).isEqualTo("Approved");
        assertThat(OwnText.extract("Согласовано\n\nОтправлено с iPhone")).isEqualTo("Согласовано");
        assertThat(OwnText.extract("Согласовано\n\nОтправлено из мобильной Почты Mail.ru"))
                .isEqualTo("Согласовано");
        assertThat(OwnText.extract("Келісілді\n\niPhone-нан жіберілді")).isEqualTo("Келісілді");
    }

    @Test
    void keepsLinesStartingWithThanks() {
        assertThat(OwnText.extract("Спасибо! Согласовано.\n\nС уважением,\nотдел"))
                .isEqualTo("Спасибо! Согласовано.");
    }

    @Test
    void keepsInterleavedOwnLines() {
        String text = "> Версия 1\nСогласовано.\n> «Не согласовано» и причины\nЗамечаний нет.";

        assertThat(OwnText.extract(text)).isEqualTo("Согласовано.\nЗамечаний нет.");
    }

    @Test
    void returnsEmptyForQuoteOnly() {
        assertThat(OwnText.extract("> Согласовано\n> Не согласовано\n")).isEmpty();
        assertThat(OwnText.extract(null)).isEmpty();
    }
}
