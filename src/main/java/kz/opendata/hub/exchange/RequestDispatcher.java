package kz.opendata.hub.exchange;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import kz.opendata.hub.HubProperties;
import kz.opendata.hub.campaign.Campaign;
import kz.opendata.hub.campaign.CampaignAgency;
import kz.opendata.hub.campaign.CampaignRepository;
import kz.opendata.hub.exchange.LetterFiles.LetterFile;
import kz.opendata.hub.exchange.RequestLetterRepository.SentLetter;
import kz.opendata.hub.sftp.SftpOutboxes;
import kz.opendata.hub.sftp.SftpUpload;
import kz.opendata.hub.store.AuditLog;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the {@code survey-dispatch-request} route: render an agency's official request,
 * place the files in its outbox, and record the request as sent in the transaction that queues
 * its e-mail in the mail outbox.
 */
@Component
public class RequestDispatcher {

    /** Exchange property that carries the {@link PreparedRequest} through the route. */
    public static final String REQUEST_PROPERTY = "hubRequest";

    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    private final CampaignRepository campaigns;
    private final RequestLetterService letters;
    private final RequestLetterRepository sentLetters;
    private final Recipients recipients;
    private final ExchangeMail exchangeMail;
    private final SftpOutboxes sftpOutboxes;
    private final ExchangeProperties properties;
    private final HubProperties hub;
    private final AuditLog audit;
    private final Clock clock;

    RequestDispatcher(
            CampaignRepository campaigns,
            RequestLetterService letters,
            RequestLetterRepository sentLetters,
            Recipients recipients,
            ExchangeMail exchangeMail,
            SftpOutboxes sftpOutboxes,
            ExchangeProperties properties,
            HubProperties hub,
            AuditLog audit,
            Clock clock) {
        this.campaigns = campaigns;
        this.letters = letters;
        this.sentLetters = sentLetters;
        this.recipients = recipients;
        this.exchangeMail = exchangeMail;
        this.sftpOutboxes = sftpOutboxes;
        this.properties = properties;
        this.hub = hub;
        this.audit = audit;
        this.clock = clock;
    }

    /** Renders the request of the agency and the e-mail that carries it. */
    public PreparedRequest render(RequestKey key) {
        Campaign campaign = campaigns
                .find(key.campaignId())
                .orElseThrow(() -> new IllegalArgumentException("No campaign with id " + key.campaignId()));
        CampaignAgency surveyed = campaigns
                .agency(key.campaignId(), key.agencyCode())
                .orElseThrow(() -> new IllegalArgumentException(
                        "Campaign " + key.campaignId() + " does not survey agency " + key.agencyCode()));
        LetterFiles files = letters.render(letters.letter(campaign, surveyed));
        RequestLetter letter = files.letter();
        LetterTexts texts = LetterTexts.of(letter.language());
        OutgoingMail mail = new OutgoingMail(
                recipients.of(key.agencyCode()),
                texts.text("mail.request.subject", letter.letterNumber()),
                texts.text("mail.request.body", letter.letterNumber(), letter.integratorName()),
                replyTo(),
                exchangeMail.newMessageId("request"),
                files.files());
        return new PreparedRequest(key.campaignId(), key.agencyCode(), files, mail, null, null);
    }

    /**
     * Writes the files into {@code <data-dir>/outbox/<agency-code>/}, each under a temporary name
     * first, so an agency reading the folder never sees half a file.
     */
    public PreparedRequest saveToOutbox(PreparedRequest request) throws IOException {
        Path folder = Files.createDirectories(hub.dataDir().resolve("outbox").resolve(request.agencyCode()));
        for (LetterFile file : request.files().files()) {
            Path partial = folder.resolve("." + file.name() + ".part");
            Files.write(partial, file.content());
            Files.move(
                    partial,
                    folder.resolve(file.name()),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        String sftp = sftpOutboxes.outboxDirectory(request.agencyCode()).orElse(null);
        return request.withOutbox(folder, sftp);
    }

    /**
     * Lists the files to upload to the agency's SFTP outbox; empty when the agency has none.
     *
     * @throws IllegalStateException when the agency has an SFTP outbox the hub cannot reach now
     */
    public List<SftpUpload> sftpUploads(@ExchangeProperty(REQUEST_PROPERTY) PreparedRequest request) {
        if (request.sftpOutbox() == null) {
            return List.of();
        }
        sftpOutboxes.requireAvailable(request.agencyCode());
        return request.files().files().stream()
                .map(file -> new SftpUpload(request.agencyCode(), file.name(), file.content()))
                .toList();
    }

    /**
     * Records the request as sent, with the Message-ID and file hashes as evidence, and queues its
     * e-mail in the same transaction.
     */
    @Transactional(rollbackFor = Exception.class)
    public void markSent(@ExchangeProperty(REQUEST_PROPERTY) PreparedRequest request) throws MessagingException {
        String messageId = request.mail().messageId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean first = campaigns.markRequestSent(request.campaignId(), request.agencyCode(), messageId, now);
        String outbox = request.outboxFolder() + (request.sftpOutbox() == null ? "" : " sftp:" + request.sftpOutbox());
        String files = fileEvidence(request.files().files());
        sentLetters.insert(new SentLetter(
                request.campaignId(),
                request.agencyCode(),
                RequestLetterRepository.REQUEST,
                messageId,
                request.files().letter().language(),
                request.mail().to().size(),
                outbox,
                files,
                now));
        audit.record(
                "survey-dispatch",
                first ? "request-sent" : "request-sent-again",
                "campaign-agency",
                request.campaignId() + "/" + request.agencyCode(),
                "messageId=" + messageId + " letter="
                        + request.files().letter().letterNumber() + " recipients="
                        + request.mail().to().size()
                        + " outbox=" + outbox + " files=" + files);
        exchangeMail.queue(
                ExchangeMail.REQUEST,
                "campaign-agency",
                request.campaignId() + "/" + request.agencyCode(),
                request.files().letter().language(),
                request.mail());
        LOG.info(
                "Request {} of campaign {} to agency {} recorded; its e-mail {} waits in the mail outbox",
                request.files().letter().letterNumber(),
                request.campaignId(),
                request.agencyCode(),
                messageId);
    }

    private String replyTo() {
        ExchangeProperties.InventoryMail inventory = properties.inventoryMail();
        return inventory.enabled() && !inventory.address().isBlank() ? inventory.address() : null;
    }

    static String fileEvidence(List<LetterFile> files) {
        return String.join(
                ",",
                files.stream()
                        .map(f -> f.name() + ":sha256=" + sha256(f.content()))
                        .toList());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
