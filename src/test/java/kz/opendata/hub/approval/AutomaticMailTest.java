package kz.opendata.hub.approval;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AutomaticMailTest {

    private final ReplyReader reader = new ReplyReader();

    @Test
    void personalReplyIsNotAutomatic() throws Exception {
        Reply reply = read(ClientMail.from("person@agency.example.kz").header("Subject", "RE: passport"));

        assertThat(reply.automatic()).isNull();
    }

    @Test
    void autoSubmittedNoIsPersonal() throws Exception {
        Reply reply = read(ClientMail.from("person@agency.example.kz")
                .header("Subject", "RE: passport")
                .header("Auto-Submitted", "no"));

        assertThat(reply.isAutomatic()).isFalse();
    }

    @Test
    void recognisesAutoSubmittedReply() throws Exception {
        Reply reply = read(ClientMail.from("person@agency.example.kz")
                .header("Subject", "RE: passport")
                .header("Auto-Submitted", "auto-replied; owner-email=\"x@y\""));

        assertThat(reply.automatic()).isEqualTo("Auto-Submitted: auto-replied");
    }

    @Test
    void recognisesBulkPrecedenceAndMailingLists() throws Exception {
        Reply bulk = read(ClientMail.from("news@portal.example.kz")
                .header("Subject", "News")
                .header("Precedence", "bulk"));
        Reply list = read(ClientMail.from("list@portal.example.kz")
                .header("Subject", "News")
                .header("List-Id", "<news.portal.example.kz>"));

        assertThat(bulk.automatic()).isEqualTo("Precedence: bulk");
        assertThat(list.automatic()).contains("List-Id");
    }

    @Test
    void recognisesDeliveryReportFromMailSystem() throws Exception {
        Reply report = read(ClientMail.from("MAILER-DAEMON@mx.agency.example.kz")
                .header("Subject", "Undelivered Mail Returned to Sender"));

        assertThat(report.automatic()).contains("mailer-daemon");
    }

    @Test
    void recognisesRussianOutOfOfficeSubject() throws Exception {
        Reply reply = read(ClientMail.from("person@agency.example.kz")
                .subject("Автоматический ответ: Согласование паспорта", StandardCharsets.UTF_8));

        assertThat(reply.automatic()).contains("автоматический ответ:");
    }

    private Reply read(ClientMail mail) throws Exception {
        byte[] bytes = mail.text("Текст").bytes();
        return reader.read(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes)));
    }
}
