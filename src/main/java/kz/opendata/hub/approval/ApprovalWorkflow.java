package kz.opendata.hub.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.mail.MailProperties;
import kz.opendata.hub.store.ApprovalMessageRepository;
import kz.opendata.hub.store.ApprovalMessageRepository.ApprovalMessage;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drives a passport through approval: builds the e-mail that asks the agency, records that it
 * went out, and applies the agency's reply to the passport.
 *
 * <p>Only a reply from one of the agency's registered approval contacts decides anything. A reply
 * is found by its In-Reply-To and References headers first and by the signed token in its subject
 * second, and is applied once per Message-ID, so reading the mailbox twice changes nothing.
 */
@Service
public class ApprovalWorkflow {

    /** Header of the exchange that carries the passport id through the approval routes. */
    public static final String PASSPORT_ID = "hubPassportId";
    /** Header the hub adds to its approval e-mails, holding the reply token. */
    static final String TOKEN_HEADER = "X-Opendata-Hub-Token";

    /** How long a started send blocks other sends of the same draft; after it, a retry may send. */
    private static final Duration SEND_CLAIM_TIMEOUT = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalWorkflow.class);

    private final PassportRepository passports;
    private final ApprovalMessageRepository messages;
    private final AgencyRegistry agencies;
    private final ReplyTokens tokens;
    private final ApprovalMailComposer composer;
    private final ReplyReader reader;
    private final DecisionClassifier classifier;
    private final PassportAttachments attachments;
    private final MailProperties mail;
    private final ApprovalProperties settings;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Session session = Session.getInstance(new Properties());

    ApprovalWorkflow(
            PassportRepository passports,
            ApprovalMessageRepository messages,
            AgencyRegistry agencies,
            ReplyTokens tokens,
            ApprovalMailComposer composer,
            ReplyReader reader,
            DecisionClassifier classifier,
            PassportAttachments attachments,
            MailProperties mail,
            ApprovalProperties settings,
            AuditLog audit,
            ObjectMapper json) {
        this.passports = passports;
        this.messages = messages;
        this.agencies = agencies;
        this.tokens = tokens;
        this.composer = composer;
        this.reader = reader;
        this.classifier = classifier;
        this.attachments = attachments;
        this.mail = mail;
        this.settings = settings;
        this.audit = audit;
        this.json = json;
    }

    /** Whether a freshly drafted passport goes to the agency without an analyst's check. */
    public boolean sendsDraftsAutomatically() {
        return settings.sendDraftsAutomatically();
    }

    /** Ids of drafts an analyst asked to send, oldest first. */
    public List<Long> draftsToSend() {
        return passports.findByStatus(PassportRecord.DRAFT).stream()
                .filter(p -> settings.sendDraftsAutomatically() || p.sendRequestedAt() != null)
                .map(PassportRecord::id)
                .toList();
    }

    /**
     * Builds the approval e-mail for a draft.
     *
     * @return the message, or null when the passport is no longer a draft (it was sent before) or
     *     another route is sending it
     */
    public MimeMessage composeRequest(@Header(PASSPORT_ID) long passportId) throws MessagingException, IOException {
        if (!passports.claimForSending(passportId, SEND_CLAIM_TIMEOUT)) {
            LOG.debug("Passport {} is not a draft or is being sent by another route; no e-mail", passportId);
            return null;
        }
        PassportRecord passport = passports.find(passportId).orElseThrow();
        Agency agency = agencies.find(passport.agencyCode()).orElseThrow();
        String token = tokens.issue(passport.id(), passport.version());
        JsonNode document = json.readTree(passport.passportJson());
        ApprovalRequest request = new ApprovalRequest(
                passport.id(),
                passport.version(),
                token,
                agency.language(),
                agency.name(agency.language()),
                texts(document.path("general").path("fullName")),
                mail.address(),
                agency.approvalAddresses(),
                settings.messageIdHost(),
                attachments.forPassport(passport, agency.language()));
        MimeMessage message = composer.compose(request, session);
        message.setHeader(TOKEN_HEADER, token);
        message.saveChanges();
        return message;
    }

    /** Records that the approval e-mail for a passport was handed to the mail server. */
    @Transactional
    public void recordSent(@Header(PASSPORT_ID) long passportId, @Body MimeMessage message) throws MessagingException {
        String token = message.getHeader(TOKEN_HEADER, null);
        passports.markSent(passportId, token);
        if (messages.exists(ApprovalMessageRepository.OUT, message.getMessageID())) {
            // NOTE: a draft edited in place and sent again keeps its version, so its token and
            // Message-ID repeat; the first outgoing record stands for both e-mails.
            LOG.info("Passport {} sent again with Message-ID {}", passportId, message.getMessageID());
            return;
        }
        messages.insert(new ApprovalMessage(
                passportId,
                ApprovalMessageRepository.OUT,
                message.getMessageID(),
                null,
                mail.address(),
                subjectOf(message),
                OffsetDateTime.now(),
                null,
                null,
                null));
        audit.record(
                "approval",
                "approval-requested",
                "passport",
                passportId,
                "messageId=" + message.getMessageID() + " to=" + String.join(",", recipients(message)));
        LOG.info("Passport {} sent for approval, Message-ID {}", passportId, message.getMessageID());
    }

    /**
     * Reads one message from the approval mailbox and applies it.
     *
     * <p>A message that cannot be parsed is recorded with its reason for an analyst and does not
     * throw, so the messages behind it are still read.
     */
    @Transactional
    public void handleReply(Message raw) throws MessagingException {
        Reply reply;
        try {
            reply = reader.read(raw);
        } catch (UnreadableReplyException e) {
            setAside(raw, e.getMessage());
            return;
        }
        String messageId = reply.messageId() != null ? reply.messageId() : syntheticId(reply);
        if (messages.exists(ApprovalMessageRepository.IN, messageId)) {
            LOG.info("Reply {} was read before; it decides once", messageId);
            return;
        }
        Optional<PassportRecord> passport = match(reply);
        if (passport.isEmpty()) {
            record(null, reply, messageId, "unmatched", null);
            audit.record("approval", "reply-unmatched", "message", messageId, "sender=" + reply.from());
            LOG.warn("Reply {} from {} matches no passport; kept for an analyst", messageId, reply.from());
            return;
        }
        apply(passport.get(), reply, messageId);
    }

    private void apply(PassportRecord passport, Reply reply, String messageId) {
        Agency agency = agencies.find(passport.agencyCode()).orElseThrow();
        if (!agency.isApprovalContact(reply.from())) {
            record(passport.id(), reply, messageId, "not-a-contact", null);
            audit.record(
                    "approval",
                    "reply-from-unregistered-sender",
                    "passport",
                    passport.id(),
                    "messageId=" + messageId + " sender=" + reply.from());
            LOG.warn(
                    "Reply {} about passport {} came from {}, not a registered contact; it decides nothing",
                    messageId,
                    passport.id(),
                    reply.from());
            return;
        }
        Decision decision = classifier.classify(reply.ownText());
        String next = switch (decision.kind()) {
            case APPROVED -> PassportRecord.APPROVED;
            case REJECTED -> PassportRecord.REJECTED;
            case CHANGES_REQUESTED -> PassportRecord.CHANGES_REQUESTED;
            case UNCLEAR -> null;
        };
        String outcome = decisionCode(decision);
        record(passport.id(), reply, messageId, outcome, decision.decisiveSentence());
        boolean applied = next != null && passports.transition(passport.id(), PassportRecord.SENT, next);
        String action = applied ? "passport-" + next : "reply-recorded";
        audit.record(
                "approval",
                action,
                "passport",
                passport.id(),
                "messageId=" + messageId + " sender=" + reply.from() + " decision=" + outcome + " sentence="
                        + decision.decisiveSentence());
        LOG.info(
                "Reply {} about passport {}: {}{}",
                messageId,
                passport.id(),
                outcome,
                applied ? "" : " (status left as " + passport.status() + ")");
    }

    private Optional<PassportRecord> match(Reply reply) {
        List<String> threadIds = new ArrayList<>();
        if (reply.inReplyTo() != null) {
            threadIds.add(reply.inReplyTo());
        }
        threadIds.addAll(reply.references());
        Long threaded = messages.passportForOutgoing(threadIds);
        if (threaded != null) {
            return passports.find(threaded);
        }
        return tokens.findIn(reply.subject() == null ? "" : reply.subject())
                .flatMap(token -> tokens.verify(token)
                        .flatMap(ref -> passports
                                .find(ref.passportId())
                                .filter(p -> p.version() == ref.version() && token.equals(p.replyToken()))));
    }

    private void setAside(Message raw, String reason) throws MessagingException {
        String[] ids = raw.getHeader("Message-ID");
        String messageId = ids != null && ids.length > 0 ? ids[0] : "<unreadable-" + System.nanoTime() + "@hub>";
        if (messages.exists(ApprovalMessageRepository.IN, messageId)) {
            return;
        }
        messages.insert(new ApprovalMessage(
                null, ApprovalMessageRepository.IN, messageId, null, null, null, null, "unreadable", null, reason));
        audit.record("approval", "reply-unreadable", "message", messageId, reason);
        LOG.warn("Message {} in the approval mailbox cannot be read and was set aside: {}", messageId, reason);
    }

    private void record(Long passportId, Reply reply, String messageId, String decision, String sentence) {
        OffsetDateTime sent = reply.sentDate() == null ? null : reply.sentDate().atOffset(ZoneOffset.UTC);
        messages.insert(new ApprovalMessage(
                passportId,
                ApprovalMessageRepository.IN,
                messageId,
                reply.inReplyTo(),
                reply.from(),
                reply.subject(),
                sent,
                decision,
                sentence,
                reply.ownText()));
    }

    private static String decisionCode(Decision decision) {
        return decision.kind().name().toLowerCase().replace('_', '-');
    }

    private static String syntheticId(Reply reply) {
        String basis = reply.from() + "|" + reply.subject() + "|" + reply.sentDate() + "|" + reply.text();
        return "<no-id-" + UUID.nameUUIDFromBytes(basis.getBytes(StandardCharsets.UTF_8)) + "@hub>";
    }

    private static Map<String, String> texts(JsonNode node) {
        Map<String, String> texts = new LinkedHashMap<>();
        node.fields()
                .forEachRemaining(
                        entry -> texts.put(entry.getKey(), entry.getValue().asText()));
        return texts;
    }

    private static String subjectOf(MimeMessage message) throws MessagingException {
        return message.getSubject();
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        List<String> addresses = new ArrayList<>();
        for (var address : message.getAllRecipients()) {
            addresses.add(address.toString());
        }
        return addresses;
    }
}
