package kz.opendata.hub.exchange;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.opendata.hub.HubProperties;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.exchange.InventoryIntake.InventoryResult;
import kz.opendata.hub.store.AuditLog;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.attachment.AttachmentMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of the inventory routes: forms dropped into {@code <data-dir>/inventory/<folder>/}
 * and forms attached to e-mails sent to the inventory mailbox.
 *
 * <p>A dropped form ends in {@code inventory-archive/<folder>/} when accepted, or in
 * {@code inventory-rejected/<folder>/} with a {@code .reason.txt} beside it. The registered
 * contact who sent a rejected form by e-mail gets a reply that lists the problems.
 */
@Component("inventoryChannels")
public class InventoryChannels {

    private static final Logger LOG = LoggerFactory.getLogger(InventoryChannels.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final InventoryIntake intake;
    private final AgencyRegistry agencies;
    private final RequestLetterService letters;
    private final ExchangeMail exchangeMail;
    private final TransactionTemplate transaction;
    private final HubProperties hub;
    private final AuditLog audit;
    private final Clock clock;

    InventoryChannels(
            InventoryIntake intake,
            AgencyRegistry agencies,
            RequestLetterService letters,
            ExchangeMail exchangeMail,
            PlatformTransactionManager transactions,
            HubProperties hub,
            AuditLog audit,
            Clock clock) {
        this.intake = intake;
        this.agencies = agencies;
        this.letters = letters;
        this.exchangeMail = exchangeMail;
        this.transaction = new TransactionTemplate(transactions);
        this.hub = hub;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Reads a dropped form and returns where the file goes next: the archive or, with a reason
     * file written beside it, the rejected folder.
     *
     * @param relativePath the file's path below the inventory folder, as {@code folder/name}
     */
    public String receiveDrop(@Header(Exchange.FILE_PATH) String file, @Header(Exchange.FILE_NAME) String relativePath)
            throws IOException {
        Path relative = Path.of(relativePath);
        String folder = relative.getName(0).toString();
        String name = relative.getFileName().toString();
        String stored = folder + "/" + LocalDateTime.now(clock).format(STAMP) + "-" + name;
        Optional<Agency> agency = agencies.findByDropFolder(folder);
        if (agency.isEmpty()) {
            return rejected(
                    stored,
                    "No agency has the folder '" + folder + "'; move the form into the folder of"
                            + " its agency, inventory/<agency-folder>/");
        }
        InventoryResult result = intake.accept(
                agency.get().code(), name, Files.readAllBytes(Path.of(file)), "drop", "inventory/" + relativePath);
        if (result.accepted()) {
            return hub.dataDir()
                    .resolve("inventory-archive")
                    .resolve(stored)
                    .toAbsolutePath()
                    .toString();
        }
        return rejected(stored, "Inventory form " + name + " not accepted:\n" + String.join("\n", result.problems()));
    }

    private String rejected(String stored, String reason) throws IOException {
        Path target =
                hub.dataDir().resolve("inventory-rejected").resolve(stored).toAbsolutePath();
        Files.createDirectories(target.getParent());
        Files.writeString(
                target.resolveSibling(target.getFileName() + ".reason.txt"), reason + "\n", StandardCharsets.UTF_8);
        return target.toString();
    }

    /** Reads the XLSX attachments of an e-mail from a registered agency contact. */
    public void receiveMail(Exchange exchange) throws IOException {
        String messageId = exchange.getMessage().getHeader("Message-ID", String.class);
        String sender = senderAddress(exchange.getMessage().getHeader("From", String.class));
        Optional<String> agencyCode = intake.agencyOfSender(sender);
        if (agencyCode.isEmpty()) {
            audit.record(
                    "survey-dispatch",
                    "inventory-mail-ignored",
                    "mail",
                    messageId,
                    "sender is no registered agency contact");
            LOG.info("Inventory mailbox: message {} is not from a registered agency contact; ignored", messageId);
            return;
        }
        AttachmentMessage message = exchange.getMessage(AttachmentMessage.class);
        Map<String, DataHandler> attachments = message.hasAttachments() ? message.getAttachments() : Map.of();
        int forms = 0;
        for (Map.Entry<String, DataHandler> attachment : attachments.entrySet()) {
            if (attachment.getKey().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                forms++;
                receiveAttachment(agencyCode.get(), sender, messageId, attachment.getKey(), attachment.getValue());
            }
        }
        if (forms == 0) {
            audit.record(
                    "survey-dispatch",
                    "inventory-mail-without-form",
                    "mail",
                    messageId,
                    "agency=" + agencyCode.get() + " no .xlsx attachment");
            LOG.info("Inventory mailbox: message {} of agency {} has no XLSX form", messageId, agencyCode.get());
        }
    }

    private void receiveAttachment(String agencyCode, String sender, String messageId, String name, DataHandler data)
            throws IOException {
        byte[] content;
        try (InputStream in = data.getInputStream()) {
            content = in.readAllBytes();
        }
        // The form's record and the reply about a rejected form commit together. Reading the
        // e-mail again after a crash then neither records the form twice nor loses the reply.
        transaction.executeWithoutResult(status -> {
            InventoryResult result = intake.accept(agencyCode, name, content, "mail", messageId);
            if (!result.accepted()) {
                queueProblems(agencyCode, sender, messageId, name, result);
            }
        });
    }

    private void queueProblems(
            String agencyCode, String sender, String messageId, String name, InventoryResult result) {
        String language = agencies.find(agencyCode).map(Agency::language).orElse("ru");
        LetterTexts texts = LetterTexts.of(language);
        OutgoingMail reply = new OutgoingMail(
                List.of(sender),
                texts.text("mail.inventory-rejected.subject", name),
                texts.text(
                        "mail.inventory-rejected.body",
                        name,
                        "- " + String.join("\n- ", result.problems()),
                        letters.integratorName(language)),
                null,
                exchangeMail.newMessageId("inventory-reply"),
                null);
        try {
            exchangeMail.queueAnswer(ExchangeMail.INVENTORY_REPLY, "agency", agencyCode, language, reply, messageId);
        } catch (MessagingException e) {
            throw new IllegalStateException(
                    "The reply about inventory form " + name + " of agency " + agencyCode
                            + " could not be composed, so the e-mail stays unread and is read again: " + e.getMessage(),
                    e);
        }
        audit.record(
                "survey-dispatch",
                "inventory-problems-queued",
                "agency",
                agencyCode,
                "inReplyTo=" + messageId + " messageId=" + reply.messageId() + " file=" + name);
    }

    private static String senderAddress(String from) {
        if (from == null) {
            return null;
        }
        try {
            InternetAddress[] addresses = InternetAddress.parse(from);
            return addresses.length == 0 ? null : addresses[0].getAddress();
        } catch (AddressException e) {
            LOG.debug("Sender address of an inventory e-mail could not be parsed: {}", e.getMessage());
            return null;
        }
    }
}
