package kz.opendata.hub.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * SMTP and IMAP server on 127.0.0.1 for trying the approval loop without a mail server.
 *
 * <p>Mail is kept in memory and any password is accepted, which is why the server binds to the
 * loopback address only and is switched off with {@code hub.mail.embedded=false} in production.
 * It starts while the application context is built, before Camel starts the mail routes.
 */
@Component
@ConditionalOnProperty(name = "hub.mail.embedded", havingValue = "true", matchIfMissing = true)
public class EmbeddedMailServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMailServer.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final GreenMail greenMail;

    public EmbeddedMailServer(MailProperties properties) {
        ServerSetup smtp = new ServerSetup(properties.smtp().port(), LOOPBACK, ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(properties.imap().port(), LOOPBACK, ServerSetup.PROTOCOL_IMAP);
        greenMail = new GreenMail(new ServerSetup[] {smtp, imap});
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        greenMail.setUser(properties.address(), properties.username(), properties.password());
        LOG.info(
                "Embedded mail server listening on {}: SMTP port {}, IMAP port {} (any password accepted)",
                LOOPBACK,
                smtp.getPort(),
                imap.getPort());
    }

    /** The running server, for tests and the walk-through's mailbox view. */
    public GreenMail greenMail() {
        return greenMail;
    }

    @PreDestroy
    void stop() {
        greenMail.stop();
        LOG.info("Embedded mail server stopped");
    }
}
