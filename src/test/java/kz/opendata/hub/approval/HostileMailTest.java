package kz.opendata.hub.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import kz.opendata.hub.store.ApprovalMessageRepository.Entry;
import kz.opendata.hub.store.PassportRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Malformed and malicious replies in the hub's mailbox. Each must end set aside with a reason or
 * recorded for an analyst, decide nothing about the passport, let the approval behind it through,
 * and keep the planted phone number out of the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileMailTest extends HubMailTest {

    /** An invented phone number planted in every hostile message; it must not reach the log. */
    static final String PHONE = "+7 701 555 42 19";

    private static final String SET_ASIDE_FOLDER = "Unreadable";

    @Test
    void forgedTokenSignatureMatchesNothing(CapturedOutput output) throws Exception {
        Sent sent = sendForApproval(HEALTH, "mos/hospices.csv", "hostile-forged-token");
        String token = sent.token();
        char last = token.charAt(token.length() - 1);
        String forged = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        ClientMail reply = ClientMail.from(HEALTH_CONTACT)
                .subject("RE: паспорт [ODH-" + forged + "]", StandardCharsets.UTF_8)
                .text("Согласовано. Тел. " + PHONE);

        deliver(reply.bytes());

        Entry recorded = awaitReceived(reply.messageId());
        assertThat(recorded.decision()).isEqualTo(ApprovalWorkflow.UNMATCHED);
        assertThat(recorded.passportId()).isNull();
        assertDecidedNothingAndApprovalFollows(sent, output);
    }

    @Test
    void unregisteredSenderWithValidTokenDecidesNothing(CapturedOutput output) throws Exception {
        Sent sent = sendForApproval(HEALTH, "mos/kindergartens.csv", "hostile-unregistered");
        ClientMail reply = ClientMail.from("clerk@elsewhere.example.org")
                .subject("RE: " + ApprovalInboxTest.decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .replyTo(sent.requestId())
                .text("Согласовано. Тел. " + PHONE);

        deliver(reply.bytes());

        assertThat(awaitReceived(reply.messageId()).decision()).isEqualTo("not-a-contact");
        assertDecidedNothingAndApprovalFollows(sent, output);
    }

    @Test
    void oversizedAttachmentIsSetAside(CapturedOutput output) throws Exception {
        Sent sent = sendForApproval(HEALTH, "mos/registry-offices.csv", "hostile-oversized");
        // One byte past the default hub.approval.max-attachment-bytes of 5242880.
        byte[] big = new byte[5_242_881];
        Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        ClientMail reply = reply(sent, "Согласовано, правки во вложении. Тел. " + PHONE)
                .attachment(attachmentHeaders("application/json", "passport.json"), big);

        deliver(reply.bytes());

        Entry recorded = awaitReceived(reply.messageId());
        assertThat(recorded.decision()).isEqualTo(ApprovalWorkflow.UNREADABLE);
        assertThat(recorded.note()).contains("5242881 bytes", "passport.json");
        awaitInFolder(SET_ASIDE_FOLDER, reply.messageId());
        assertDecidedNothingAndApprovalFollows(sent, output);
    }

    @Test
    void zipBombAttachmentIsSetAside(CapturedOutput output) throws Exception {
        Sent sent = sendForApproval(HEALTH, "mos/magistrate-courts.csv", "hostile-zip-bomb");
        ClientMail reply = reply(sent, "Согласовано. Тел. " + PHONE)
                .attachment(
                        attachmentHeaders(
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                "passport.docx"),
                        zipBomb());

        deliver(reply.bytes());

        Entry recorded = awaitReceived(reply.messageId());
        assertThat(recorded.decision()).isEqualTo(ApprovalWorkflow.UNREADABLE);
        // Ten times the default hub.approval.max-attachment-bytes of 5242880.
        assertThat(recorded.note()).contains("passport.docx unpacks to more than 52428800 bytes");
        awaitInFolder(SET_ASIDE_FOLDER, reply.messageId());
        assertDecidedNothingAndApprovalFollows(sent, output);
    }

    @Test
    void fiveHundredPartsAreSetAside(CapturedOutput output) throws Exception {
        Sent sent = sendForApproval(STAT, "stat-kz/population-by-region.csv", "hostile-parts");
        ClientMail reply = reply(sent, "Согласовано. Тел. " + PHONE);
        for (int i = 1; i < 500; i++) {
            reply.rawPart("Content-Type: text/plain; charset=us-ascii\r\n\r\npart " + i + "\r\n");
        }

        deliver(reply.bytes());

        Entry recorded = awaitReceived(reply.messageId());
        assertThat(recorded.decision()).isEqualTo(ApprovalWorkflow.UNREADABLE);
        assertThat(recorded.note()).contains("500 MIME parts");
        awaitInFolder(SET_ASIDE_FOLDER, reply.messageId());
        assertDecidedNothingAndApprovalFollows(sent, output);
    }

    @Test
    void longEncodedSubjectIsSetAside(CapturedOutput output) throws Exception {
        Sent sent = sendForApproval(HEALTH, "mos/hospices.csv", "hostile-subject");
        String word = "=?UTF-8?B?" + Base64.getEncoder().encodeToString("да ".getBytes(StandardCharsets.UTF_8)) + "?=";
        String subject = String.join("\r\n ", Collections.nCopies(10_000, word));
        ClientMail reply = ClientMail.from(HEALTH_CONTACT)
                .header("Subject", subject)
                .replyTo(sent.requestId())
                .text("Согласовано. Тел. " + PHONE);

        deliver(reply.bytes());

        Entry recorded = awaitReceived(reply.messageId());
        assertThat(recorded.decision()).isEqualTo(ApprovalWorkflow.UNREADABLE);
        assertThat(recorded.note()).contains("10000 encoded words");
        awaitInFolder(SET_ASIDE_FOLDER, reply.messageId());
        assertDecidedNothingAndApprovalFollows(sent, output);
    }

    @Test
    void nulByteInBodyIsSetAside(CapturedOutput output) throws Exception {
        Sent sent = sendForApproval(HEALTH, "mos/kindergartens.csv", "hostile-nul");
        ClientMail reply = reply(sent, "Согласовано.\u0000 Тел. " + PHONE);

        deliver(reply.bytes());

        Entry recorded = awaitReceived(reply.messageId());
        assertThat(recorded.decision()).isEqualTo(ApprovalWorkflow.UNREADABLE);
        assertThat(recorded.note()).contains("NUL");
        awaitInFolder(SET_ASIDE_FOLDER, reply.messageId());
        assertDecidedNothingAndApprovalFollows(sent, output);
    }

    /**
     * Checks that the passport still waits, that a plain approval sent after the hostile message is
     * applied, and that the planted phone number reached no log line.
     */
    private void assertDecidedNothingAndApprovalFollows(Sent sent, CapturedOutput output) throws Exception {
        assertThat(passports.find(sent.passport().id()).orElseThrow().status()).isEqualTo(PassportRecord.SENT);
        ClientMail approval = reply(sent, "Согласовано.");

        deliver(approval.bytes());

        awaitStatus(sent.passport().id(), PassportRecord.APPROVED);
        assertThat(output.getAll()).doesNotContain(PHONE);
    }

    private static ClientMail reply(Sent sent, String text) throws Exception {
        String contact = sent.passport().agencyCode().equals(STAT) ? STAT_CONTACT : HEALTH_CONTACT;
        return ClientMail.from(contact)
                .subject("RE: " + ApprovalInboxTest.decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .replyTo(sent.requestId())
                .text(text);
    }

    private static List<String> attachmentHeaders(String type, String fileName) {
        return List.of(
                "Content-Type: " + type + "; name=\"" + fileName + "\"",
                "Content-Disposition: attachment; filename=\"" + fileName + "\"");
    }

    /** Builds a .docx-shaped ZIP whose document part inflates from about 200 KB to 200 MB. */
    private static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] block = new byte[1 << 16];
            Arrays.fill(block, (byte) ' ');
            for (int i = 0; i < 3200; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private void awaitInFolder(String folder, String messageId) {
        await().atMost(PATIENCE).until(() -> inFolder(folder, messageId).present());
    }
}
