package kz.opendata.hub.approval;

import static kz.opendata.hub.approval.RawMail.KOI8_R;
import static kz.opendata.hub.approval.RawMail.WINDOWS_1251;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Replies written the way the agencies' mail clients write them. */
class ReplyReaderClientsTest {

    static final String TOKEN = "42-1-ABCDEFGHIJKLMNOPQRSTUVWX";
    static final String REQUEST_ID = "<odh." + TOKEN + "@hub.integrator.example.kz>";

    /** The request as clients quote it: every decision word appears in it. */
    static final String QUOTED_REQUEST_RU = """
            Уважаемые коллеги!

            Бюро национальной статистики: просим рассмотреть и согласовать проект
            технологического паспорта набора открытых данных «Расходы», версия 1.

            Чтобы ответить, нажмите «Ответить» и напишите решение в первой строке:
                «Согласовано» — если паспорт согласован без изменений;
                «Не согласовано» и причины — если паспорт не согласован;
                «Прошу изменить:» и перечень изменений — если нужны исправления.
            """;

    private final ReplyReader reader = new ReplyReader();
    private final DecisionClassifier classifier = new DecisionClassifier();

    @Test
    void readsOutlookRussianReplyWithHeaderBlock() throws Exception {
        String plain = "Не согласовано, прошу убрать столбец «Телефон руководителя».\n\n"
                + "С уважением,\nГлавный специалист отдела\n\n"
                + "________________________________\n"
                + "От: Open Data Hub <opendata@integrator.example.kz>\n"
                + "Отправлено: 1 декабря 2026 г. 10:00\n"
                + "Кому: approvals@stat.example.kz\n"
                + "Тема: [ODH-" + TOKEN + "] Согласование паспорта набора данных «Расходы»\n\n"
                + QUOTED_REQUEST_RU;
        RawMail mail = outlookHeaders("RE: [ODH-" + TOKEN + "] "
                        + RawMail.bWord("windows-1251", "Согласование паспорта".getBytes(WINDOWS_1251)))
                .line("Content-Type: multipart/alternative; boundary=\"_000_DB9PR01MB_\"")
                .line("")
                .line("--_000_DB9PR01MB_")
                .line("Content-Type: text/plain; charset=\"windows-1251\"")
                .line("Content-Transfer-Encoding: quoted-printable")
                .line("")
                .quotedPrintable(plain, WINDOWS_1251)
                .line("--_000_DB9PR01MB_")
                .line("Content-Type: text/html; charset=\"windows-1251\"")
                .line("Content-Transfer-Encoding: quoted-printable")
                .line("")
                .quotedPrintable("<html><body><p>Другой текст в HTML</p></body></html>", WINDOWS_1251)
                .line("--_000_DB9PR01MB_--");

        Reply reply = reader.read(mail.message());

        assertThat(reply.ownText()).isEqualTo("Не согласовано, прошу убрать столбец «Телефон руководителя».");
        assertThat(classifier.classify(reply.ownText()).kind()).isEqualTo(Decision.Kind.REJECTED);
        assertThat(classifier.classify(reply.text()).kind()).isEqualTo(Decision.Kind.UNCLEAR);
        assertThat(reply.text()).contains("«Согласовано» — если паспорт согласован без изменений;");
        assertThat(reply.subject()).isEqualTo("RE: [ODH-" + TOKEN + "] Согласование паспорта");
        assertThat(reply.from()).isEqualTo("approvals@stat.example.kz");
        assertThat(reply.messageId()).isEqualTo("<DB9PR01MB7001@DB9PR01MB7001.eurprd01.prod.outlook.com>");
        assertThat(reply.inReplyTo()).isEqualTo(REQUEST_ID);
        assertThat(reply.references()).containsExactly(REQUEST_ID, "<second@hub.integrator.example.kz>");
        // 12:30 at +05:00 is 07:30 UTC.
        assertThat(reply.sentDate()).isEqualTo(Instant.parse("2026-12-01T07:30:00Z"));
        assertThat(reply.notes()).isEmpty();
    }

    @Test
    void readsOutlookReplyWithOriginalMessageSeparator() throws Exception {
        String plain =
                "Согласовано.\n\n-----Original Message-----\nFrom: Open Data Hub\nSent: Monday\n\n" + QUOTED_REQUEST_RU;
        RawMail mail = outlookHeaders("RE: [ODH-" + TOKEN + "]")
                .line("Content-Type: text/plain; charset=\"utf-8\"")
                .line("Content-Transfer-Encoding: base64")
                .line("")
                .base64(plain, StandardCharsets.UTF_8);

        Reply reply = reader.read(mail.message());

        assertThat(reply.ownText()).isEqualTo("Согласовано.");
    }

    @Test
    void readsMailRuKazakhApprovalInMislabelledCharset() throws Exception {
        // Mail.ru-like client: windows-1251 bytes labelled KOI8-R, quote below an "от ...:" line.
        String plain = "Келісілді.\n\n"
                + "Понедельник, 1 декабря 2026, 10:00 +05:00 от Open Data Hub <opendata@integrator.example.kz>:\n"
                + "> Құрметті әріптестер!\n> «Келісілмеді» және себептері\n\n"
                + "-- \nОтправлено из мобильной Почты Mail.ru\n";
        RawMail mail = basicHeaders("Re: [ODH-" + TOKEN + "]")
                .line("Content-Type: text/plain; charset=koi8-r")
                .line("Content-Transfer-Encoding: 8bit")
                .line("")
                .line(
                        plain.replace("әріптестер", "арiптестер")
                                .replace("Құрметті", "Курметтi")
                                .replace("Келісілмеді» және", "Келiсiлмедi» жане"),
                        WINDOWS_1251);

        Reply reply = reader.read(mail.message());

        assertThat(reply.ownText()).isEqualTo("Келісілді.");
        assertThat(classifier.classify(reply.ownText()))
                .isEqualTo(new Decision(Decision.Kind.APPROVED, "Келісілді.", "kk"));
        assertThat(reply.notes()).containsExactly(ReplyNote.CHARSET_CORRECTED);
    }

    @Test
    void readsKoi8RussianApproval() throws Exception {
        String plain = "Согласовано, замечаний нет.\n\n01.12.2026 10:00, Open Data Hub пишет:\n> Уважаемые коллеги!\n";
        RawMail mail = basicHeaders("Re: [ODH-" + TOKEN + "]")
                .line("Content-Type: text/plain; charset=\"KOI8-R\"")
                .line("Content-Transfer-Encoding: base64")
                .line("")
                .base64(plain, KOI8_R);

        Reply reply = reader.read(mail.message());

        assertThat(reply.ownText()).isEqualTo("Согласовано, замечаний нет.");
        assertThat(reply.notes()).isEmpty();
    }

    @Test
    void readsBodyWithoutCharsetLabel() throws Exception {
        RawMail mail = basicHeaders("Re: [ODH-" + TOKEN + "]")
                .line("Content-Type: text/plain")
                .line("")
                .line("Не согласовано: поле «Адрес» содержит персональные данные.", WINDOWS_1251);

        Reply reply = reader.read(mail.message());

        assertThat(reply.ownText()).isEqualTo("Не согласовано: поле «Адрес» содержит персональные данные.");
        assertThat(reply.notes()).containsExactly(ReplyNote.CHARSET_CORRECTED);
    }

    @Test
    void readsGmailEnglishReplyWithWrappedAttribution() throws Exception {
        String plain = "Approved, thanks\n\n"
                + "On Mon, 1 Dec 2026 at 10:00, Open Data Hub <\nopendata@integrator.example.kz> wrote:\n\n"
                + "> Dear colleagues,\n>\n> \"Not approved\" followed by the reasons\n> \"Approved\" - if\n";
        RawMail mail = basicHeaders("Re: [ODH-" + TOKEN + "] Approval")
                .line("Content-Type: multipart/alternative; boundary=\"000000000000a1b2c3\"")
                .line("")
                .line("--000000000000a1b2c3")
                .line("Content-Type: text/plain; charset=\"UTF-8\"")
                .line("Content-Transfer-Encoding: quoted-printable")
                .line("")
                .quotedPrintable(plain, StandardCharsets.UTF_8)
                .line("--000000000000a1b2c3")
                .line("Content-Type: text/html; charset=\"UTF-8\"")
                .line("")
                .line("<div dir=\"ltr\">Approved, thanks</div>")
                .line("--000000000000a1b2c3--");

        Reply reply = reader.read(mail.message());

        assertThat(reply.ownText()).isEqualTo("Approved, thanks");
        assertThat(classifier.classify(reply.ownText()).kind()).isEqualTo(Decision.Kind.APPROVED);
        assertThat(reply.text()).contains("> \"Not approved\" followed by the reasons");
    }

    @Test
    void readsOutlookHtmlOnlyReply() throws Exception {
        String html = "<html><head><style>p.MsoNormal{margin:0}</style></head><body lang=RU>"
                + "<div class=WordSection1><p class=MsoNormal>Прошу&nbsp;исправить тип поля «Дата»."
                + "<o:p></o:p></p><p class=MsoNormal>С уважением,<br>Отдел статистики</p>"
                + "<div style='border:none;border-top:solid #E1E1E1 1.0pt'><p class=MsoNormal>"
                + "<b>От:</b> Open Data Hub &lt;opendata@integrator.example.kz&gt;<br>"
                + "<b>Отправлено:</b> 1 декабря 2026 г. 10:00<br><b>Кому:</b> approvals@stat.example.kz<br>"
                + "<b>Тема:</b> [ODH-" + TOKEN + "] Согласование</p></div>"
                + "<p class=MsoNormal>«Согласовано» — если паспорт согласован без изменений;</p></div></body></html>";
        RawMail mail = outlookHeaders("RE: [ODH-" + TOKEN + "]")
                .line("Content-Type: text/html; charset=\"utf-8\"")
                .line("Content-Transfer-Encoding: base64")
                .line("")
                .base64(html, StandardCharsets.UTF_8);

        Reply reply = reader.read(mail.message());

        assertThat(reply.ownText()).isEqualTo("Прошу исправить тип поля «Дата».");
        assertThat(classifier.classify(reply.ownText()).kind()).isEqualTo(Decision.Kind.CHANGES_REQUESTED);
        assertThat(reply.text()).contains("От: Open Data Hub").contains("Тема: [ODH-");
        assertThat(reply.notes()).containsExactly(ReplyNote.HTML_ONLY);
    }

    @Test
    void readsGmailHtmlOnlyReplyWithBlockquote() throws Exception {
        String html = "<div dir=\"ltr\">Келісілді. Рахмет!</div><br><div class=\"gmail_quote\">"
                + "<div dir=\"ltr\" class=\"gmail_attr\">Дс, 1 жел. 2026 ж., 10:00 Open Data Hub &lt;"
                + "opendata@integrator.example.kz&gt; жазды:<br></div>"
                + "<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex\">Құрметті әріптестер!<br>"
                + "«Келісілмеді» және себептері</blockquote></div>";
        RawMail mail = basicHeaders("Re: [ODH-" + TOKEN + "]")
                .line("Content-Type: text/html; charset=UTF-8")
                .line("Content-Transfer-Encoding: quoted-printable")
                .line("")
                .quotedPrintable(html, StandardCharsets.UTF_8);

        Reply reply = reader.read(mail.message());

        assertThat(reply.ownText()).isEqualTo("Келісілді. Рахмет!");
        assertThat(reply.text()).contains("> Құрметті әріптестер!");
    }

    private static RawMail basicHeaders(String subject) {
        return new RawMail()
                .line("From: Approvals <Approvals@Stat.Example.KZ>")
                .line("To: opendata@integrator.example.kz")
                .line("Subject: " + subject)
                .line("Date: Mon, 01 Dec 2026 12:30:00 +0500")
                .line("Message-ID: <reply-1@stat.example.kz>")
                .line("In-Reply-To: " + REQUEST_ID)
                .line("MIME-Version: 1.0");
    }

    private static RawMail outlookHeaders(String subject) {
        return new RawMail()
                .line("From: =?windows-1251?B?"
                        + java.util.Base64.getEncoder().encodeToString("Отдел статистики".getBytes(WINDOWS_1251))
                        + "?= <Approvals@stat.example.kz>")
                .line("To: Open Data Hub <opendata@integrator.example.kz>")
                .line("Subject: " + subject)
                .line("Thread-Topic: approval")
                .line("Thread-Index: AdtBQ2x5b3VyIHRocmVhZA==")
                .line("Date: Mon, 1 Dec 2026 12:30:00 +0500")
                .line("Message-ID:")
                .line(" <DB9PR01MB7001@DB9PR01MB7001.eurprd01.prod.outlook.com>")
                .line("References: " + REQUEST_ID)
                .line(" <second@hub.integrator.example.kz>")
                .line("In-Reply-To: " + REQUEST_ID + " (Open Data Hub's message of Mon, 1 Dec 2026)")
                .line("Content-Language: ru-RU")
                .line("MIME-Version: 1.0");
    }
}
