package kz.opendata.hub.exchange;

import java.util.Locale;
import java.util.UUID;
import kz.opendata.hub.mail.MailProperties;
import org.springframework.stereotype.Component;

/**
 * Names the e-mails of the survey exchange: each gets a Message-ID in the hub's mail domain when
 * it is composed, recorded as evidence before the mail outbox sends it.
 */
@Component
public class MailComposer {

    private final MailProperties mail;

    MailComposer(MailProperties mail) {
        this.mail = mail;
    }

    /** Creates a Message-ID in the hub's own mail domain, such as {@code <uuid.request@hub.example.kz>}. */
    public String newMessageId(String kind) {
        String address = mail.address();
        String domain = address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        return "<" + UUID.randomUUID() + "." + kind + "@" + domain + ">";
    }
}
