package kz.opendata.hub.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LetterComposerTest {

    private static final String ORIGINAL = "<odh.12-1-ABCDEFGHIJKLMNOPQRSTUVWX@hub.example.kz>";

    @Test
    void threadsReplyKeepingMessageId() throws Exception {
        String messageId = MessageIds.create("12-1-ABCDEFGHIJKLMNOPQRSTUVWX.reminder-1", "hub.example.kz");
        OutgoingLetter letter = letter(messageId, List.of());

        MimeMessage message = LetterComposer.read(LetterComposer.compose(letter, "hub@hub.example.kz"));
        message.saveChanges();

        assertThat(message.getMessageID()).isEqualTo(messageId);
        assertThat(message.getHeader("In-Reply-To", null)).isEqualTo(ORIGINAL);
        assertThat(message.getHeader("References", null)).isEqualTo(ORIGINAL);
        assertThat(message.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(MimeUtility.decodeText(MimeUtility.unfold(message.getHeader("Subject", null))))
                .isEqualTo("[ODH-12-1-ABCDEFGHIJKLMNOPQRSTUVWX] Напоминание: паспорт «Қазақстан»");
        Multipart body = (Multipart) message.getContent();
        assertThat(body.getBodyPart(0).getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat((String) body.getBodyPart(0).getContent()).isEqualTo("Құрметті әріптестер!\n");
    }

    @Test
    void attachesFilesWithCyrillicNames() throws Exception {
        byte[] content = "%PDF-1.7".getBytes(StandardCharsets.US_ASCII);
        OutgoingLetter letter = letter(
                MessageIds.create("commission.package", "hub.example.kz"),
                List.of(new MailAttachment("Пакет комиссии.pdf", "application/pdf", content)));

        MimeMessage message = LetterComposer.read(LetterComposer.compose(letter, "hub@hub.example.kz"));

        Multipart body = (Multipart) message.getContent();
        assertThat(body.getCount()).isEqualTo(2);
        assertThat(body.getBodyPart(1).getFileName()).isEqualTo("Пакет комиссии.pdf");
        assertThat(body.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(content);
    }

    @Test
    void messageIdsStartWithTheHubMark() {
        String id = MessageIds.create("notice", "hub.example.kz");

        assertThat(id).startsWith(MessageIds.MARK + "notice.").endsWith("@hub.example.kz>");
        assertThat(MessageIds.create("notice", "hub.example.kz")).isNotEqualTo(id);
        assertThatThrownBy(() -> MessageIds.create("with space", "hub.example.kz"))
                .hasMessageContaining("label 'with space' is invalid");
    }

    @Test
    void letterWithoutRecipientIsRejected() {
        assertThatThrownBy(() -> new OutgoingLetter(
                        "reminder",
                        null,
                        "passport",
                        "12",
                        "<odh.x@h>",
                        List.of(),
                        List.of(),
                        new Letter("s", "b"),
                        "ru",
                        null,
                        List.of(),
                        OutgoingLetter.AUTO_GENERATED,
                        List.of()))
                .hasMessageContaining("has no recipient");
    }

    private static OutgoingLetter letter(String messageId, List<MailAttachment> attachments) {
        return new OutgoingLetter(
                "reminder",
                12L,
                "passport",
                "12",
                messageId,
                List.of("contact@agency.example.kz"),
                List.of(),
                new Letter(
                        "[ODH-12-1-ABCDEFGHIJKLMNOPQRSTUVWX] Напоминание: паспорт «Қазақстан»",
                        "Құрметті әріптестер!\n"),
                "kk",
                ORIGINAL,
                List.of(ORIGINAL),
                OutgoingLetter.AUTO_GENERATED,
                attachments);
    }
}
