package kz.opendata.hub.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.logging.LogContext;
import kz.opendata.hub.mail.MailProperties;
import kz.opendata.hub.store.ApprovalMessageRepository;
import kz.opendata.hub.store.ApprovalMessageRepository.ApprovalMessage;
import kz.opendata.hub.store.ApprovalMessageRepository.Entry;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drives a passport through approval: builds the approval request e-mail, records that it went
 * out, and reads every message of the approval mailbox.
 *
 * <p>A message is read once per Message-ID, so reading the mailbox twice changes nothing. It is
 * found by its In-Reply-To and References headers first and by the signed token in its subject
 * second. Automatic messages and the hub's own are recorded and never decide; messages of the
 * commission round go to its {@link InboxHandler}; the rest are replies that {@link
 * ReplyDecisions} applies, where only registered contacts decide.
 */
@Service
public class ApprovalWorkflow {

    /** Header of the exchange that carries the passport id through the approval routes. */
    public static final String PASSPORT_ID = "hubPassportId";
    /** Header the hub adds to its approval e-mails, holding the reply token. */
    static final String TOKEN_HEADER = "X-Opendata-Hub-Token";

    /** Outcome of {@link #handleReply}: the message cannot be parsed and goes to the set-aside folder. */
    public static final String SET_ASIDE = "set-aside";
    /** Outcome: the message was read before. */
    public static final String DUPLICATE = "duplicate";
    /** Outcome: a machine wrote the message. */
    public static final String AUTOMATIC = "automatic";
    /** Outcome: the message comes from the hub's own address. */
    public static final String OWN_MESSAGE = "own-message";
    /** Outcome: the message matches no passport. */
    public static final String UNMATCHED = "unmatched";

    /** Recorded decision of a message that cannot be parsed. */
    static final String UNREADABLE = "unreadable";
    /** Recorded decision of a message whose handling failed too often. */
    static final String HANDLING_FAILED = "handling-failed";

    /** Kind of the first approval request for a passport version in the approval log. */
    static final String REQUEST = "request";
    /** Kind of a request sent again for the same version after an analyst edited the draft. */
    public static final String RESEND = "resend";

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalWorkflow.class);

    private final PassportRepository passports;
    private final ApprovalMessageRepository messages;
    private final AgencyRegistry agencies;
    private final ReplyTokens tokens;
    private final ApprovalMailComposer composer;
    private final ReplyReader reader;
    private final ReplyDecisions decisions;
    private final PassportAttachments attachments;
    private final MailProperties mail;
    private final ApprovalProperties settings;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final ObjectProvider<InboxHandler> handlers;
    private final HandlingFailureRepository failures;
    private final MailOutbox outbox;
    private final Session session = Session.getInstance(new Properties());

    ApprovalWorkflow(
            PassportRepository passports,
            ApprovalMessageRepository messages,
            AgencyRegistry agencies,
            ReplyTokens tokens,
            ApprovalMailComposer composer,
            ReplyReader reader,
            ReplyDecisions decisions,
            PassportAttachments attachments,
            MailProperties mail,
            ApprovalProperties settings,
            AuditLog audit,
            ObjectMapper json,
            Clock clock,
            ObjectProvider<InboxHandler> handlers,
            HandlingFailureRepository failures,
            MailOutbox outbox) {
        this.passports = passports;
        this.messages = messages;
        this.agencies = agencies;
        this.tokens = tokens;
        this.composer = composer;
        this.reader = reader;
        this.decisions = decisions;
        this.attachments = attachments;
        this.mail = mail;
        this.settings = settings;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.handlers = handlers;
        this.failures = failures;
        this.outbox = outbox;
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
     * Queues the approval e-mail of a draft in the outbox and marks the passport sent, in one
     * transaction, so a crash leaves either both or neither. The first e-mail of a passport version
     * carries the Message-ID {@code <odh.TOKEN@HOST>}; a version returned to draft and sent again
     * gets a new Message-ID beside the same token, because the outbox and the approval log keep one
     * letter per Message-ID.
     *
     * @return the outbox row id, or null when the passport is no longer a draft (it was queued
     *     before, perhaps by another node)
     */
    @Transactional
    public Long queueRequest(@Header(PASSPORT_ID) long passportId) throws MessagingException, IOException {
        if (!passports.transition(passportId, PassportRecord.DRAFT, PassportRecord.SENT)) {
            LOG.debug("Passport {} is no longer a draft; its approval e-mail was queued before", passportId);
            return null;
        }
        PassportRecord passport = passports.find(passportId).orElseThrow();
        ApprovalRequest request = request(passport);
        passports.markSent(passportId, request.token());
        String messageId = ApprovalMailComposer.messageId(request);
        String kind = REQUEST;
        // Requests sent before the outbox existed are only in the approval log.
        if (outbox.contains(messageId) || messages.exists(ApprovalMessageRepository.OUT, messageId)) {
            long earlier = messages.entries(passportId).stream()
                    .filter(entry -> RESEND.equals(entry.kind()))
                    .count();
            messageId = MessageIds.create(request.token() + "." + RESEND + "-" + (earlier + 1), request.host());
            kind = RESEND;
        }
        MimeMessage message = composer.compose(request, session, messageId);
        message.setHeader(TOKEN_HEADER, request.token());
        message.saveChanges();
        long outboxId = outbox.queueMessage(kind, passportId, "passport", String.valueOf(passportId), message);
        LOG.info("Passport {} queued for approval, Message-ID {}", passportId, messageId);
        return outboxId;
    }

    private ApprovalRequest request(PassportRecord passport) throws IOException {
        Agency agency = agencies.find(passport.agencyCode()).orElseThrow();
        JsonNode document = json.readTree(passport.passportJson());
        return new ApprovalRequest(
                passport.id(),
                passport.version(),
                tokens.issue(passport.id(), passport.version()),
                agency.language(),
                agency.name(agency.language()),
                texts(document.path("general").path("fullName")),
                mail.address(),
                agency.approvalAddresses(),
                settings.messageIdHost(),
                attachments.forPassport(passport, agency.language()));
    }

    /**
     * Reads one message from the approval mailbox and applies it, inside one transaction.
     *
     * <p>A message that cannot be parsed is recorded with its reason for an analyst and does not
     * throw, so the messages behind it are still read.
     *
     * @return {@link #SET_ASIDE} for a message to move to the set-aside folder; any other outcome,
     *     such as {@link #DUPLICATE} or a decision code, moves it to the processed folder
     */
    @Transactional
    public String handleReply(Message raw) throws MessagingException {
        Reply reply;
        try {
            reply = reader.read(raw);
        } catch (UnreadableReplyException e) {
            setAside(raw, UNREADABLE, e.getMessage());
            return SET_ASIDE;
        }
        Optional<String> oversized = oversizedAttachment(reply);
        if (oversized.isPresent()) {
            setAside(raw, UNREADABLE, oversized.get());
            return SET_ASIDE;
        }
        String messageId = reply.messageId() != null ? reply.messageId() : syntheticId(reply);
        String outcome;
        if (messages.exists(ApprovalMessageRepository.IN, messageId)) {
            LOG.info("Message {} was read before; it is handled once", messageId);
            outcome = DUPLICATE;
        } else {
            outcome = dispatch(new InboundMail(reply, messageId, messages.findOutgoing(threadIds(reply))));
        }
        failures.clear(headerId(raw));
        return outcome;
    }

    /**
     * Explains an attachment too large to read, or a ZIP-based one (XLSX, DOCX, ZIP) that unpacks
     * to more than ten times that size, as an archive bomb does. Such a reply is set aside rather
     * than applied, because the attachment may hold edits the body's decision depends on.
     */
    private Optional<String> oversizedAttachment(Reply reply) {
        int limit = settings.maxAttachmentBytes();
        for (MailAttachment attachment : reply.attachments()) {
            if (attachment.content().length > limit) {
                return Optional.of("attachment " + attachment.fileName() + " has " + attachment.content().length
                        + " bytes, more than hub.approval.max-attachment-bytes (" + limit + "), so it was not read;"
                        + " an analyst reads the message and applies it by hand");
            }
            if (ZipBombs.expandsBeyond(attachment.content(), 10L * limit)) {
                return Optional.of("attachment " + attachment.fileName() + " unpacks to more than " + 10L * limit
                        + " bytes, so it looks like an archive bomb and was not read; an analyst checks the message"
                        + " and asks the agency to send the passport again");
            }
        }
        return Optional.empty();
    }

    /**
     * Counts a failed {@link #handleReply} in the database, where every node sees the count. The
     * message stays unread and is read again on the next poll, until it failed {@code
     * hub.approval.max-handling-attempts} times in a row; then it is set aside with the error for an
     * analyst, so a message that always fails does not fail forever.
     *
     * @return {@link #SET_ASIDE} when the message is given up
     * @throws Exception the failure itself while attempts remain, which leaves the message unread
     */
    @Transactional
    public String handleFailure(@Body Message raw, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure)
            throws Exception {
        String messageId = headerId(raw);
        String error = failure.getClass().getSimpleName() + ": " + LogText.withoutAddresses(failure.getMessage());
        int attempts = failures.recordFailure(messageId, error, OffsetDateTime.now(clock));
        if (attempts < settings.maxHandlingAttempts()) {
            LOG.warn(
                    "Handling message {} failed, attempt {} of {}; it stays unread and is read again: {}",
                    messageId,
                    attempts,
                    settings.maxHandlingAttempts(),
                    error);
            throw failure;
        }
        failures.clear(messageId);
        setAside(
                raw,
                HANDLING_FAILED,
                "handling the message failed " + attempts + " times in a row (" + error
                        + "); an analyst applies it by hand or fixes the cause and moves it back to the inbox");
        return SET_ASIDE;
    }

    private String dispatch(InboundMail inbound) throws MessagingException {
        Reply reply = inbound.reply();
        Long threadPassport = inbound.thread().map(Entry::passportId).orElse(null);
        if (reply.from().equalsIgnoreCase(mail.address())) {
            decisions.recordOther(threadPassport, inbound, OWN_MESSAGE, OWN_MESSAGE, "The hub's own address sent it.");
            return OWN_MESSAGE;
        }
        if (reply.isAutomatic()) {
            decisions.recordOther(threadPassport, inbound, AUTOMATIC, "auto-reply", "Automatic: " + reply.automatic());
            return AUTOMATIC;
        }
        for (InboxHandler handler : handlers.orderedStream().toList()) {
            Optional<String> outcome = handler.handle(inbound);
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        Optional<PassportRecord> passport =
                Optional.ofNullable(threadPassport).flatMap(passports::find).or(() -> byToken(reply));
        if (passport.isEmpty()) {
            decisions.recordOther(null, inbound, UNMATCHED, "reply", "It matches no passport.");
            return UNMATCHED;
        }
        PassportRecord matched = passport.get();
        try (LogContext.Scope ids = LogContext.open(matched.agencyCode(), matched.unloadId(), matched.id())) {
            return decisions.apply(matched, inbound);
        }
    }

    /**
     * Applies an approval held for the passport's commission round once the round no longer
     * delays it, or closes it as superseded when the passport is no longer waiting for approval.
     *
     * @return whether a held approval was released
     */
    @Transactional
    public boolean releaseHeldApproval(long passportId) {
        return decisions.releaseHeld(passportId);
    }

    private Optional<PassportRecord> byToken(Reply reply) {
        return tokens.findIn(reply.subject() == null ? "" : reply.subject())
                .flatMap(token -> tokens.verify(token)
                        .flatMap(ref -> passports
                                .find(ref.passportId())
                                .filter(p -> p.version() == ref.version() && token.equals(p.replyToken()))));
    }

    /** In-Reply-To first, then References from the newest, as clients list them oldest first. */
    private static List<String> threadIds(Reply reply) {
        List<String> ids = new ArrayList<>();
        if (reply.inReplyTo() != null) {
            ids.add(reply.inReplyTo());
        }
        List<String> references = new ArrayList<>(reply.references());
        Collections.reverse(references);
        ids.addAll(references);
        return ids;
    }

    private void setAside(Message raw, String decision, String reason) throws MessagingException {
        String messageId = headerId(raw);
        if (messages.exists(ApprovalMessageRepository.IN, messageId)) {
            return;
        }
        messages.insert(
                new ApprovalMessage(
                        null, ApprovalMessageRepository.IN, messageId, null, null, null, null, decision, null, reason),
                "reply",
                "Set aside in the folder " + settings.setAsideFolder() + ": " + reason,
                OffsetDateTime.now(clock));
        audit.record("approval", "reply-" + decision, "message", messageId, reason);
        LOG.warn("Message {} in the approval mailbox was set aside ({}): {}", messageId, decision, reason);
    }

    /** Returns the Message-ID header as written, or an id derived from the message when it has none. */
    private static String headerId(Message raw) throws MessagingException {
        String[] ids = raw.getHeader("Message-ID");
        if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
            return ids[0].strip();
        }
        String basis = raw.getSentDate() + "|" + raw.getSubject() + "|" + java.util.Arrays.toString(raw.getFrom());
        return "<no-id-" + UUID.nameUUIDFromBytes(basis.getBytes(StandardCharsets.UTF_8)) + "@hub>";
    }

    private static String syntheticId(Reply reply) {
        String basis = reply.from() + "|" + reply.subject() + "|" + reply.sentDate() + "|" + reply.text();
        return "<no-id-" + UUID.nameUUIDFromBytes(basis.getBytes(StandardCharsets.UTF_8)) + "@hub>";
    }

    private static Map<String, String> texts(JsonNode node) {
        Map<String, String> texts = new LinkedHashMap<>();
        node.properties()
                .forEach(entry -> texts.put(entry.getKey(), entry.getValue().asText()));
        return texts;
    }
}
