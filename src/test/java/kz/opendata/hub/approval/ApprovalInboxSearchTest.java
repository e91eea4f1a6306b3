package kz.opendata.hub.approval;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.SearchTerm;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The inbox search, evaluated on the client as an IMAP server evaluates it on its side. */
class ApprovalInboxSearchTest {

    private static final String CONTACT = "opendata@agency.example.kz";

    private final SearchTerm search = ApprovalInboxConfiguration.search(Set.of(CONTACT));

    @Test
    void findsReplyToHubMessage() throws Exception {
        MimeMessage reply = message(ClientMail.from("anyone@example.org")
                .header("Subject", "Re: something")
                .header("In-Reply-To", "<odh.12-1-ABC.reminder-1.x@hub.example.kz>"));

        assertThat(search.match(reply)).isTrue();
    }

    @Test
    void findsReplyReferencingHubMessage() throws Exception {
        MimeMessage reply = message(ClientMail.from("anyone@example.org")
                .header("Subject", "Re: something")
                .header("References", "<a@client> <odh.12-1-ABC@hub.example.kz>"));

        assertThat(search.match(reply)).isTrue();
    }

    @Test
    void findsTokenInSubject() throws Exception {
        MimeMessage reply = message(ClientMail.from("anyone@example.org")
                .subject("RE: [ODH-12-1-ABCDEFGHIJKLMNOPQRSTUVWX] Паспорт", StandardCharsets.UTF_8));

        assertThat(search.match(reply)).isTrue();
    }

    @Test
    void findsMailFromRegisteredContact() throws Exception {
        MimeMessage letter = message(ClientMail.from("Отдел <" + CONTACT + ">").header("Subject", "Вопрос"));

        assertThat(search.match(letter)).isTrue();
    }

    @Test
    void leavesUnrelatedMail() throws Exception {
        MimeMessage newsletter = message(ClientMail.from("digest@news.example.org")
                .header("Subject", "Weekly digest")
                .header("References", "<odd.123@news.example.org>"));

        assertThat(search.match(newsletter)).isFalse();
    }

    @Test
    void leavesMessagesAlreadySeen() throws Exception {
        MimeMessage reply = message(ClientMail.from(CONTACT).header("Subject", "Re: passport"));
        reply.setFlags(new Flags(Flags.Flag.SEEN), true);

        assertThat(search.match(reply)).isFalse();
    }

    private static MimeMessage message(ClientMail mail) throws Exception {
        byte[] bytes = mail.text("Текст").bytes();
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }
}
