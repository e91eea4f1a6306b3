package kz.opendata.hub.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sends a composed request through a real SMTP server and reads it back over IMAP. */
class ApprovalMailRoundTripTest {

    private static final String LOOPBACK = "127.0.0.1";
    private static final String CONTACT = "approvals@stat.example.kz";
    private static final String PASSWORD = "round-trip-test-only";

    private GreenMail greenMail;

    @BeforeEach
    void startMailServer() {
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, LOOPBACK, ServerSetup.PROTOCOL_IMAP)
        });
        greenMail.start();
        greenMail.setUser(CONTACT, CONTACT, PASSWORD);
    }

    @AfterEach
    void stopMailServer() {
        greenMail.stop();
    }

    @Test
    void requestSurvivesSmtpAndImap() throws Exception {
        ApprovalRequest request = ApprovalMailComposerTest.request("ru");
        Session smtp = session("smtp", greenMail.getSmtp().getPort());
        MimeMessage sent = new ApprovalMailComposer(new ApprovalTexts()).compose(request, smtp);

        Transport.send(sent);
        Reply read = readFirstOverImap();

        assertThat(read.messageId())
                .isEqualTo("<odh." + ApprovalMailComposerTest.TOKEN + "@hub.integrator.example.kz>");
        assertThat(read.subject())
                .isEqualTo("[ODH-" + ApprovalMailComposerTest.TOKEN
                        + "] Согласование паспорта набора данных «Расходы на охрану окружающей среды»");
        assertThat(read.from()).isEqualTo("opendata@integrator.example.kz");
        assertThat(read.text()).contains("«Не согласовано» и причины").contains("Уважаемые коллеги!");
        assertThat(read.notes()).isEmpty();
        assertThat(read.attachments()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            MailAttachment expected = request.attachments().get(i);
            MailAttachment actual = read.attachments().get(i);
            assertThat(actual.fileName()).isEqualTo(expected.fileName());
            assertThat(actual.contentType()).isEqualTo(expected.contentType());
            assertThat(sha256(actual.content())).isEqualTo(sha256(expected.content()));
        }
    }

    private Reply readFirstOverImap() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> greenMail.getReceivedMessages().length == 2);
        Store store = session("imap", greenMail.getImap().getPort()).getStore("imap");
        store.connect(LOOPBACK, CONTACT, PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            return new ReplyReader().read(inbox.getMessage(1));
        } finally {
            store.close();
        }
    }

    private static Session session(String protocol, int port) {
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".host", LOOPBACK);
        properties.put("mail." + protocol + ".port", Integer.toString(port));
        return Session.getInstance(properties);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
