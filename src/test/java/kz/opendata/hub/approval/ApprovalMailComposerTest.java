package kz.opendata.hub.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ApprovalMailComposerTest {

    static final String TOKEN = "42-1-ABCDEFGHIJKLMNOPQRSTUVWX";
    static final String PDF_NAME = "Паспорт набора данных «Расходы на охрану окружающей среды», версия 1.pdf";

    private final ApprovalMailComposer composer = new ApprovalMailComposer(new ApprovalTexts());
    private final Session session = Session.getInstance(new Properties());

    static ApprovalRequest request(String language) {
        return new ApprovalRequest(
                42,
                1,
                TOKEN,
                language,
                "Бюро национальной статистики",
                Map.of(
                        "ru", "Расходы на охрану окружающей среды",
                        "kk", "Қоршаған ортаны қорғауға арналған шығыстар",
                        "en", "Environmental protection spending"),
                "opendata@integrator.example.kz",
                List.of("approvals@stat.example.kz", "deputy@stat.example.kz"),
                "hub.integrator.example.kz",
                List.of(
                        new MailAttachment(
                                PDF_NAME, "application/pdf", "%PDF-1.7 passport".getBytes(StandardCharsets.US_ASCII)),
                        new MailAttachment(
                                "passport-42-1.json",
                                "application/json",
                                "{\"id\":42,\"version\":1,\"general\":{\"fullName\":{\"ru\":\"Расходы\"}}}"
                                        .getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void setsTokenSubjectAndMessageId() throws Exception {
        MimeMessage message = composer.compose(request("ru"), session);

        assertThat(message.getSubject())
                .isEqualTo(
                        "[ODH-" + TOKEN + "] Согласование паспорта набора данных «Расходы на охрану окружающей среды»");
        assertThat(message.getMessageID()).isEqualTo("<odh." + TOKEN + "@hub.integrator.example.kz>");
        assertThat(message.getAllRecipients()).hasSize(2);
    }

    @Test
    void keepsMessageIdWhenSavedAgain() throws Exception {
        MimeMessage message = composer.compose(request("ru"), session);

        message.setHeader("X-Camel-Test", "changed");
        message.saveChanges();

        assertThat(message.getMessageID()).isEqualTo("<odh." + TOKEN + "@hub.integrator.example.kz>");
    }

    @Test
    void writesUtf8TextPartFirst() throws Exception {
        MimeMessage message = reparse(composer.compose(request("ru"), session));

        MimeMultipart mixed = (MimeMultipart) message.getContent();
        BodyPart text = mixed.getBodyPart(0);

        assertThat(message.getContentType()).startsWith("multipart/mixed");
        assertThat(text.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat((String) text.getContent())
                .contains("Бюро национальной статистики: просим рассмотреть и согласовать")
                .contains("«Согласовано» — если")
                .contains("«Не согласовано» и причины")
                .contains("«Прошу изменить:»")
                .contains("[ODH-" + TOKEN + "]");
    }

    @Test
    void writesTheAgencyLanguage() throws Exception {
        String kazakh = textOf(composer.compose(request("kk"), session));
        String english = textOf(composer.compose(request("en"), session));

        assertThat(kazakh)
                .contains("«Келісілді» — паспорт")
                .contains("«Келісілмеді»")
                .contains("«Өзгерту қажет:»");
        assertThat(oneLine(kazakh)).contains("«Қоршаған ортаны қорғауға арналған шығыстар»");
        assertThat(english)
                .contains("\"Approved\" - if")
                .contains("\"Not approved\"")
                .contains("\"Please change:\"");
        assertThat(oneLine(english)).contains("\"Environmental protection spending\"");
    }

    @Test
    void wrapsBodyLines() throws Exception {
        String text = textOf(composer.compose(request("kk"), session));

        assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
    }

    @Test
    void keepsTokenReadableInRawSubject() throws Exception {
        MimeMessage message = composer.compose(request("kk"), session);

        String raw = MimeUtility.unfold(message.getHeader("Subject", null));

        assertThat(raw).startsWith("[ODH-" + TOKEN + "] =?UTF-8?B?");
        assertThat(message.getSubject()).startsWith("[ODH-" + TOKEN + "] «Қоршаған ортаны");
    }

    @Test
    void encodesAttachmentNamesPerRfc2231() throws Exception {
        MimeMessage message = composer.compose(request("ru"), session);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        String wire = raw.toString(StandardCharsets.US_ASCII);

        BodyPart pdf = ((MimeMultipart) reparse(message).getContent()).getBodyPart(1);

        // The name is long, so RFC 2231 splits it into numbered segments; the first begins with
        // the charset and the percent-encoded "П" (UTF-8 D0 9F).
        assertThat(wire).contains("filename*0*=UTF-8''%D0%9F");
        assertThat(wire).contains("name*0*=UTF-8''%D0%9F");
        assertThat(wire).doesNotContain("Паспорт");
        assertThat(pdf.getFileName()).isEqualTo(PDF_NAME);
    }

    @Test
    void rejectsUnsupportedLanguage() {
        assertThatThrownBy(() -> request("de"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'de'");
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private String textOf(MimeMessage message) throws Exception {
        return (String)
                ((MimeMultipart) reparse(message).getContent()).getBodyPart(0).getContent();
    }

    private MimeMessage reparse(MimeMessage message) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return new MimeMessage(session, new java.io.ByteArrayInputStream(raw.toByteArray()));
    }
}
