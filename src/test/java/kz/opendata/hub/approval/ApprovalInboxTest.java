package kz.opendata.hub.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.opendata.hub.store.ApprovalMessageRepository.Entry;
import kz.opendata.hub.store.AuditLog.AuditEvent;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.web.PassportEditor;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Agencies' replies as real clients send them, read from the hub's mailbox over IMAP. */
class ApprovalInboxTest extends HubMailTest {

    @Autowired
    CamelContext camel;

    @Autowired
    FailingHandler failing;

    @Autowired
    MailOutbox outbox;

    @Autowired
    PassportEditor editor;

    @Autowired
    HandlingFailureRepository failureCounts;

    @Autowired
    ObjectMapper json;

    @Test
    void outlookRejectionQuotingApprovalIsRejected() throws Exception {
        Sent sent = sendForApproval(HEALTH, "mos/hospices.csv", "outlook-rejection");
        String own = "Не согласовано, прошу убрать столбец с телефонами.";
        String body = own + "\n\nС уважением,\nГлавный специалист отдела\n\n"
                + "________________________________\n"
                + "От: Open Data Hub <" + HUB + ">\n"
                + "Отправлено: 1 декабря 2026 г. 10:00\n"
                + "Кому: " + HEALTH_CONTACT + "\n"
                + "Тема: " + decodedSubject(sent.request()) + "\n\n"
                + requestText(sent.request());
        ClientMail reply = ClientMail.from("\"Отдел открытых данных\" <" + HEALTH_CONTACT + ">")
                .subject("RE: " + decodedSubject(sent.request()), ClientMail.WINDOWS_1251)
                .replyTo(sent.requestId())
                .header("X-Mailer", "Microsoft Outlook 16.0")
                .text(body, ClientMail.WINDOWS_1251, "quoted-printable");

        deliver(reply.bytes());

        PassportRecord rejected = awaitStatus(sent.passport().id(), PassportRecord.REJECTED);
        Entry recorded = awaitReceived(reply.messageId());
        assertThat(requestText(sent.request())).contains("«Согласовано»");
        assertThat(recorded.decision()).isEqualTo("rejected");
        assertThat(recorded.decisiveSentence()).isEqualTo(own);
        assertThat(rejected.decidedAt()).isNotNull();
        assertThat(auditEvidence(sent.passport().id(), "passport-rejected"))
                .contains("messageId=" + reply.messageId())
                .contains("sender=" + HEALTH_CONTACT)
                .contains("sentence=" + own);
        await().atMost(PATIENCE)
                .until(() -> inFolder("Processed", reply.messageId()).present());
        assertThat(inFolder("Processed", reply.messageId()).seen()).isTrue();
    }

    @Test
    void kazakhApprovalApproves() throws Exception {
        Sent sent = sendForApproval(STAT, "stat-kz/population-by-region.csv", "kazakh-approval");
        ClientMail reply = ClientMail.from(STAT_CONTACT)
                .subject("Жауап: " + decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .replyTo(sent.requestId())
                .text("Келісілді.\n\nҚұрметпен,\nАшық деректер бөлімі");

        deliver(reply.bytes());

        awaitStatus(sent.passport().id(), PassportRecord.APPROVED);
        Entry recorded = awaitReceived(reply.messageId());
        assertThat(recorded.decision()).isEqualTo("approved");
        assertThat(recorded.decisiveSentence()).isEqualTo("Келісілді.");
    }

    @Test
    void forgedSenderWithValidTokenIsExplainedOnce() throws Exception {
        Sent sent = sendForApproval(HEALTH, "mos/magistrate-courts.csv", "forged-sender");
        String stranger = "inspector@forged.example.org";
        ClientMail forged = ClientMail.from(stranger)
                .subject("RE: " + decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .text("Согласовано.");
        ClientMail again = ClientMail.from(stranger)
                .subject("RE: " + decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .text("Согласовано, подтверждаю ещё раз.");

        deliver(forged.bytes());
        Entry first = awaitReceived(forged.messageId());
        await().atMost(PATIENCE).until(() -> !messagesTo(stranger).isEmpty());
        deliver(forged.bytes());
        deliver(again.bytes());
        Entry second = awaitReceived(again.messageId());
        await().atMost(PATIENCE).until(() -> countInFolder("Processed", forged.messageId()) == 2);
        await().atMost(PATIENCE).until(() -> outbox.pending().isEmpty());

        assertThat(first.decision()).isEqualTo("not-a-contact");
        assertThat(first.passportId()).isEqualTo(sent.passport().id());
        assertThat(first.note()).contains("sent the explanation");
        assertThat(second.decision()).isEqualTo("not-a-contact");
        assertThat(second.note()).contains("less than 24 hours ago");
        assertThat(passports.find(sent.passport().id()).orElseThrow().status()).isEqualTo(PassportRecord.SENT);
        List<MimeMessage> explanations = messagesTo(stranger);
        assertThat(explanations).hasSize(1);
        MimeMessage explanation = explanations.get(0);
        assertThat(explanation.getHeader("In-Reply-To", null)).isEqualTo(forged.messageId());
        assertThat(explanation.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(decodedSubject(explanation))
                .isEqualTo(new ApprovalTexts().unregisteredSender("ru").subject());
        assertThat(explanation.getAllRecipients()).hasSize(1);
    }

    @Test
    void rewrittenSubjectIsMatchedByInReplyTo() throws Exception {
        Sent sent = sendForApproval(HEALTH, "mos/kindergartens.csv", "rewritten-subject");
        ClientMail reply = ClientMail.from(HEALTH_CONTACT)
                .subject("Ответ по паспорту детских садов", StandardCharsets.UTF_8)
                .header("In-Reply-To", sent.requestId())
                .text("Согласовано.");

        deliver(reply.bytes());

        awaitStatus(sent.passport().id(), PassportRecord.APPROVED);
        assertThat(awaitReceived(reply.messageId()).passportId())
                .isEqualTo(sent.passport().id());
    }

    @Test
    void resentDraftGetsNewMessageIdMatchingBothReplies() throws Exception {
        Sent sent = sendForApproval(HEALTH, "mos/registry-offices.csv", "resent-draft");
        long passportId = sent.passport().id();
        ClientMail changes = ClientMail.from(HEALTH_CONTACT)
                .subject("RE: " + decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .replyTo(sent.requestId())
                .text("Прошу изменить наименование набора.");
        deliver(changes.bytes());
        awaitStatus(passportId, PassportRecord.CHANGES_REQUESTED);

        editor.edit(
                passportId,
                json.readTree("{\"general\":{\"description\":{\"ru\":\"Адреса отделов ЗАГС\"}}}"),
                "approval-test");
        editor.requestSend(passportId, "approval-test");
        producer.sendBodyAndHeader("direct:approval-out", null, ApprovalWorkflow.PASSPORT_ID, passportId);
        Entry resend = messages.entries(passportId).stream()
                .filter(e -> "resend".equals(e.kind()))
                .findFirst()
                .orElseThrow();
        MimeMessage resent = awaitMessage(resend.messageId());

        assertThat(resend.messageId()).isNotEqualTo(sent.requestId());
        assertThat(resend.messageId()).startsWith("<odh." + sent.token() + ".");
        assertThat(passports.find(passportId).orElseThrow().replyToken()).isEqualTo(sent.token());
        assertThat(decodedSubject(resent)).contains("[ODH-" + sent.token() + "]");

        ClientMail toNew = ClientMail.from(HEALTH_CONTACT)
                .subject("Ответ по паспорту", StandardCharsets.UTF_8)
                .replyTo(resend.messageId())
                .text("Согласовано.");
        ClientMail toOld = ClientMail.from(HEALTH_DEPUTY)
                .subject("Ответ по паспорту", StandardCharsets.UTF_8)
                .replyTo(sent.requestId())
                .text("Согласовано.");
        deliver(toNew.bytes());
        awaitStatus(passportId, PassportRecord.APPROVED);
        deliver(toOld.bytes());

        assertThat(awaitReceived(toNew.messageId()).passportId()).isEqualTo(passportId);
        assertThat(awaitReceived(toOld.messageId()).passportId()).isEqualTo(passportId);
        assertThat(awaitReceived(toOld.messageId()).decision()).isEqualTo("approved");
    }

    @Test
    void sameReplyTwiceDecidesOnce() throws Exception {
        Sent sent = sendForApproval(HEALTH, "mos/registry-offices.csv", "delivered-twice");
        ClientMail reply = ClientMail.from(HEALTH_CONTACT)
                .subject("RE: " + decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .replyTo(sent.requestId())
                .text("Согласовано.");

        deliver(reply.bytes());
        awaitStatus(sent.passport().id(), PassportRecord.APPROVED);
        deliver(reply.bytes());
        await().atMost(PATIENCE).until(() -> countInFolder("Processed", reply.messageId()) == 2);

        long recorded = messages.entries(sent.passport().id()).stream()
                .filter(e -> reply.messageId().equals(e.messageId()))
                .count();
        long approvals = audit.forSubject("passport", sent.passport().id()).stream()
                .filter(e -> e.action().equals("passport-approved"))
                .count();
        assertThat(recorded).isEqualTo(1);
        assertThat(approvals).isEqualTo(1);
    }

    @Test
    void brokenMessageAheadDoesNotStopValidOnes() throws Exception {
        Sent first = sendForApproval(HEALTH, "mos/hospices.csv", "broken-ahead-first");
        Sent second = sendForApproval(STAT, "stat-kz/water-regulations.csv", "broken-ahead-second");
        ClientMail broken = ClientMail.from(HEALTH_CONTACT)
                .subject("RE: " + decodedSubject(first.request()), StandardCharsets.UTF_8)
                .replyTo(first.requestId())
                .text("Согласовано, исправленный файл во вложении.")
                .rawPart("Content-Type: application/json; name=\"passport.json\"\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\n"
                        + "eyJpZCI6 !!! not base64 at all ***\r\n");
        ClientMail rejection = ClientMail.from(HEALTH_CONTACT)
                .subject("RE: " + decodedSubject(first.request()), StandardCharsets.UTF_8)
                .replyTo(first.requestId())
                .text("Не согласовано: адреса хосписов устарели.");
        ClientMail approval = ClientMail.from(STAT_CONTACT)
                .subject("RE: " + decodedSubject(second.request()), StandardCharsets.UTF_8)
                .replyTo(second.requestId())
                .text("Келісілді.");

        camel.getRouteController().stopRoute("approval-inbox");
        deliver(broken.bytes());
        deliver(rejection.bytes());
        deliver(approval.bytes());
        camel.getRouteController().startRoute("approval-inbox");

        awaitStatus(first.passport().id(), PassportRecord.REJECTED);
        awaitStatus(second.passport().id(), PassportRecord.APPROVED);
        Entry setAside = awaitReceived(broken.messageId());
        assertThat(setAside.decision()).isEqualTo("unreadable");
        assertThat(setAside.note()).contains("invalid base64");
        await().atMost(PATIENCE)
                .until(() -> inFolder("Unreadable", broken.messageId()).present());
        assertThat(inFolder("INBOX", broken.messageId()).present()).isFalse();
    }

    @Test
    void unrelatedMailStaysUnreadInInbox() throws Exception {
        Sent sent = sendForApproval(HEALTH, "mos/registry-offices-excel-cp1251.csv", "unrelated-mail");
        ClientMail newsletter = ClientMail.from("digest@news.example.org")
                .subject("Еженедельный дайджест", StandardCharsets.UTF_8)
                .text("Новости недели.");
        ClientMail reply = ClientMail.from(HEALTH_CONTACT)
                .subject("RE: " + decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .replyTo(sent.requestId())
                .text("Согласовано.");

        camel.getRouteController().stopRoute("approval-inbox");
        deliver(newsletter.bytes());
        deliver(reply.bytes());
        camel.getRouteController().startRoute("approval-inbox");
        awaitStatus(sent.passport().id(), PassportRecord.APPROVED);
        await().atMost(PATIENCE)
                .until(() -> inFolder("Processed", reply.messageId()).present());

        FolderState inbox = inFolder("INBOX", newsletter.messageId());
        assertThat(inbox.present()).isTrue();
        assertThat(inbox.seen()).isFalse();
        assertThat(inFolder("Processed", newsletter.messageId()).present()).isFalse();
        assertThat(received(newsletter.messageId())).isEmpty();
    }

    @Test
    void failedHandlingKeepsMessageUnseenUntilItSucceeds() throws Exception {
        Sent sent = sendForApproval(STAT, "stat-kz/environment-spending.csv", "failure-unseen");
        String mark = "FAIL-" + sent.passport().id();
        ClientMail reply = ClientMail.from(STAT_CONTACT)
                .subject("RE: " + mark + " " + decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .replyTo(sent.requestId())
                .text("Келісілді.");
        failing.mark = mark;
        int before = failing.failures.get();

        deliver(reply.bytes());
        await().atMost(PATIENCE).until(() -> failing.failures.get() >= before + 2);
        FolderState whileFailing = inFolder("INBOX", reply.messageId());
        int countedWhileFailing = failureCounts.attempts(reply.messageId());
        failing.mark = null;

        assertThat(whileFailing.present()).isTrue();
        assertThat(whileFailing.seen()).isFalse();
        assertThat(countedWhileFailing).isGreaterThanOrEqualTo(1);
        assertThat(passports.find(sent.passport().id()).orElseThrow().status()).isEqualTo(PassportRecord.SENT);
        awaitStatus(sent.passport().id(), PassportRecord.APPROVED);
        await().atMost(PATIENCE)
                .until(() -> inFolder("Processed", reply.messageId()).present());
        assertThat(failureCounts.attempts(reply.messageId())).isZero();
    }

    @Test
    void messageFailingEveryTimeIsSetAside() throws Exception {
        Sent sent = sendForApproval(STAT, "stat-kz/population-by-region.csv", "always-failing");
        String mark = "ALWAYS-FAIL-" + sent.passport().id();
        ClientMail reply = ClientMail.from(STAT_CONTACT)
                .subject("RE: " + mark + " " + decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .replyTo(sent.requestId())
                .text("Келісілді.");
        failing.mark = mark;

        deliver(reply.bytes());
        Entry setAside = awaitReceived(reply.messageId());
        failing.mark = null;

        assertThat(setAside.decision()).isEqualTo("handling-failed");
        assertThat(setAside.note()).contains("failed 5 times in a row").contains("IllegalStateException");
        await().atMost(PATIENCE)
                .until(() -> inFolder("Unreadable", reply.messageId()).present());
        assertThat(passports.find(sent.passport().id()).orElseThrow().status()).isEqualTo(PassportRecord.SENT);
    }

    @Test
    void secondApprovalIsRecordedAsNote() throws Exception {
        Sent sent = sendForApproval(HEALTH, "mos/hospices.csv", "second-approval");
        ClientMail first = ClientMail.from(HEALTH_CONTACT)
                .subject("RE: " + decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .replyTo(sent.requestId())
                .text("Согласовано.");
        ClientMail second = ClientMail.from(HEALTH_DEPUTY)
                .subject("RE: " + decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .replyTo(sent.requestId())
                .text("Согласовано заместителем руководителя.");

        deliver(first.bytes());
        PassportRecord approved = awaitStatus(sent.passport().id(), PassportRecord.APPROVED);
        deliver(second.bytes());
        Entry note = awaitReceived(second.messageId());

        assertThat(note.decision()).isEqualTo("approved");
        assertThat(note.note()).contains("approved before");
        assertThat(passports.find(sent.passport().id()).orElseThrow().decidedAt())
                .isEqualTo(approved.decidedAt());
        assertThat(auditEvidence(sent.passport().id(), "approval-note")).contains(second.messageId());
    }

    @Test
    void rejectionAfterApprovalIsFlaggedNotApplied() throws Exception {
        Sent sent = sendForApproval(HEALTH, "mos/kindergartens.csv", "conflicting-decisions");
        ClientMail approval = ClientMail.from(HEALTH_CONTACT)
                .subject("RE: " + decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .replyTo(sent.requestId())
                .text("Согласовано.");
        ClientMail rejection = ClientMail.from(HEALTH_DEPUTY)
                .subject("RE: " + decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .replyTo(sent.requestId())
                .text("Не согласовано: набор содержит служебные сведения.");

        deliver(approval.bytes());
        awaitStatus(sent.passport().id(), PassportRecord.APPROVED);
        deliver(rejection.bytes());
        Entry conflict = awaitReceived(rejection.messageId());

        assertThat(conflict.decision()).isEqualTo("rejected");
        assertThat(conflict.note()).contains("contradicts the approval");
        assertThat(passports.find(sent.passport().id()).orElseThrow().status()).isEqualTo(PassportRecord.APPROVED);
        assertThat(auditEvidence(sent.passport().id(), "approval-conflict")).contains(rejection.messageId());
    }

    @Test
    void outOfOfficeReplyDecidesNothing() throws Exception {
        Sent sent = sendForApproval(STAT, "stat-kz/population-by-region.csv", "out-of-office");
        ClientMail outOfOffice = ClientMail.from(STAT_CONTACT)
                .subject("Автоматический ответ: " + decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .replyTo(sent.requestId())
                .header("Auto-Submitted", "auto-replied")
                .text("Я в отпуске до 15 декабря. Согласовано будет после возвращения.");
        String stranger = "robot@autoresponder.example.org";
        ClientMail strangerAutoReply = ClientMail.from(stranger)
                .subject("Out of Office: " + decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .header("Precedence", "bulk")
                .text("I am away.");

        deliver(outOfOffice.bytes());
        deliver(strangerAutoReply.bytes());
        Entry automatic = awaitReceived(outOfOffice.messageId());
        Entry strangers = awaitReceived(strangerAutoReply.messageId());

        assertThat(automatic.decision()).isEqualTo(ApprovalWorkflow.AUTOMATIC);
        assertThat(automatic.kind()).isEqualTo("auto-reply");
        assertThat(automatic.passportId()).isEqualTo(sent.passport().id());
        assertThat(strangers.decision()).isEqualTo(ApprovalWorkflow.AUTOMATIC);
        assertThat(passports.find(sent.passport().id()).orElseThrow().status()).isEqualTo(PassportRecord.SENT);
        assertThat(messagesTo(stranger)).isEmpty();
    }

    private String auditEvidence(long passportId, String action) {
        return audit.forSubject("passport", passportId).stream()
                .filter(e -> e.action().equals(action))
                .map(AuditEvent::evidence)
                .reduce("", (a, b) -> a + "\n" + b);
    }

    static String decodedSubject(MimeMessage message) throws Exception {
        return MimeUtility.decodeText(MimeUtility.unfold(message.getHeader("Subject", null)));
    }

    static String requestText(MimeMessage request) throws Exception {
        Multipart multipart = (Multipart) request.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
        }
        return "";
    }
}
