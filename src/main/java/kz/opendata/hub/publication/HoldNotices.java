package kz.opendata.hub.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.approval.ApprovalProperties;
import kz.opendata.hub.approval.FixedIdMessage;
import kz.opendata.hub.approval.MailOutbox;
import kz.opendata.hub.approval.MessageIds;
import kz.opendata.hub.mail.MailProperties;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.UnloadRecord;
import kz.opendata.hub.store.UnloadRepository;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the e-mail that notifies an agency's approval contacts that an update of a published set
 * is held because its structure changed, listing what changed, and queues it in the mail outbox.
 * The routes {@code publication-hold-notice} and {@code publication-hold-notice-pending} queue it.
 */
@Service
public class HoldNotices {

    /** Header of the exchange that carries the id of the held update. */
    public static final String UPDATE_ID = "hubUpdateId";

    /**
     * Claim window of {@link DatasetUpdateRepository#claimNotice}. The claim commits together with
     * the queued notice, so a second run finds the notice queued whatever this window is.
     */
    private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(HoldNotices.class);

    private final DatasetUpdateRepository updates;
    private final DatasetUpdates datasetUpdates;
    private final PassportRepository passports;
    private final UnloadRepository unloads;
    private final AgencyRegistry agencies;
    private final MailProperties mail;
    private final ApprovalProperties approval;
    private final UpdateSchedule schedule;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final MailOutbox outbox;
    private final Session session = Session.getInstance(new Properties());

    HoldNotices(
            DatasetUpdateRepository updates,
            DatasetUpdates datasetUpdates,
            PassportRepository passports,
            UnloadRepository unloads,
            AgencyRegistry agencies,
            MailProperties mail,
            ApprovalProperties approval,
            UpdateSchedule schedule,
            AuditLog audit,
            ObjectMapper json,
            MailOutbox outbox) {
        this.updates = updates;
        this.datasetUpdates = datasetUpdates;
        this.passports = passports;
        this.unloads = unloads;
        this.agencies = agencies;
        this.mail = mail;
        this.approval = approval;
        this.schedule = schedule;
        this.audit = audit;
        this.json = json;
        this.outbox = outbox;
    }

    /** Returns the ids of held updates whose notice has not gone out, oldest first. */
    public List<Long> pending() {
        return updates.heldWithoutNotice().stream().map(DatasetUpdate::id).toList();
    }

    /**
     * Queues the notice of a held update in the mail outbox and records it as sent, in one
     * transaction; the outbox delivers it.
     *
     * @return the outbox row id, or null when the notice was queued before or the agency has no
     *     approval contact (recorded in the audit log)
     */
    @Transactional
    public Long queue(@Header(UPDATE_ID) long updateId) throws MessagingException, IOException {
        if (!updates.claimNotice(updateId, schedule.now(), CLAIM_TIMEOUT)) {
            LOG.debug("Notice of held update {} was queued before; no e-mail", updateId);
            return null;
        }
        DatasetUpdate update = updates.find(updateId).orElseThrow();
        Agency agency = agencies.find(update.agencyCode()).orElseThrow();
        if (agency.approvalAddresses().isEmpty()) {
            audit.record(
                    "publication",
                    "hold-notice-not-sent",
                    "passport",
                    update.approvedPassportId(),
                    "update=" + updateId + " agency=" + agency.code() + " has no approval contact");
            LOG.warn("Agency {} has no approval contact; held update {} is not e-mailed", agency.code(), updateId);
            return null;
        }
        MimeMessage message = message(
                HoldNoticeTexts.write(facts(update, agency)),
                agency,
                MessageIds.create("hold-" + updateId, approval.messageIdHost()));
        updates.markNoticeSent(updateId, message.getMessageID(), schedule.now());
        long outboxId = outbox.queueMessage(
                "hold-notice", null, "passport", String.valueOf(update.approvedPassportId()), message);
        LOG.info(
                "Notice of held update {} of data set {} for agency {} queued, Message-ID {}",
                updateId,
                update.datasetName(),
                update.agencyCode(),
                message.getMessageID());
        return outboxId;
    }

    private HoldNoticeTexts.Facts facts(DatasetUpdate update, Agency agency) throws IOException {
        String language = agency.language();
        PassportRecord approved = passports.find(update.approvedPassportId()).orElseThrow();
        PassportRecord draft = passports.find(update.draftPassportId()).orElseThrow();
        UnloadRecord unload = unloads.find(update.unloadId()).orElseThrow();
        JsonNode approvedDocument = json.readTree(approved.passportJson());
        JsonNode draftDocument = json.readTree(draft.passportJson());
        Map<String, String> names = columnNames(draftDocument, language);
        names.putAll(columnNames(approvedDocument, language));
        return new HoldNoticeTexts.Facts(
                language,
                agency.name(language),
                text(PassportFields.title(approvedDocument), language, update.datasetName()),
                unload.fileName(),
                unload.receivedAt()
                        .atZoneSameInstant(schedule.now().getOffset())
                        .toLocalDate(),
                approved.version(),
                datasetUpdates.changesOf(update),
                names,
                fieldTypes(json.readTree(draft.datapackageJson())));
    }

    private MimeMessage message(HoldNoticeTexts.Notice notice, Agency agency, String messageId)
            throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, messageId);
        message.setFrom(new InternetAddress(mail.address(), true));
        for (String address : agency.approvalAddresses()) {
            message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address, true));
        }
        message.setSubject(notice.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(schedule.now().toInstant()));
        message.setHeader("Auto-Submitted", "auto-generated");
        // Naming the charset gives "text/plain; charset=UTF-8"; without it Cyrillic arrives garbled.
        message.setText(notice.body(), StandardCharsets.UTF_8.name(), "plain");
        message.setContentLanguage(new String[] {agency.language()});
        message.saveChanges();
        return message;
    }

    /** Returns the names of a passport's attributes in one language, by technical name. */
    private static Map<String, String> columnNames(JsonNode passport, String language) {
        Map<String, String> names = new HashMap<>();
        for (JsonNode attribute : passport.path("attributes")) {
            Map<String, String> texts = PassportFields.texts(attribute.path("name"));
            String name = text(texts, language, null);
            if (name != null) {
                names.put(attribute.path("technicalName").asText(), name);
            }
        }
        return names;
    }

    private static Map<String, String> fieldTypes(JsonNode datapackage) {
        Map<String, String> types = new HashMap<>();
        for (JsonNode field :
                datapackage.path("resources").path(0).path("schema").path("fields")) {
            types.put(field.path("name").asText(), field.path("type").asText("string"));
        }
        return types;
    }

    private static String text(Map<String, String> texts, String language, String fallback) {
        String text = texts.get(language);
        return text != null ? text : texts.values().stream().findFirst().orElse(fallback);
    }
}
