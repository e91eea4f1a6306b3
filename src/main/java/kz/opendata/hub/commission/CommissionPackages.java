package kz.opendata.hub.commission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.approval.ApprovalProperties;
import kz.opendata.hub.approval.Letter;
import kz.opendata.hub.approval.MailAttachment;
import kz.opendata.hub.approval.MailOutbox;
import kz.opendata.hub.approval.MessageIds;
import kz.opendata.hub.approval.OutgoingLetter;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.UnloadRecord;
import kz.opendata.hub.store.UnloadRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commission packages: the results of the analysis for a selection of passports or of agencies'
 * unloads, rendered as PDF and XLSX, stored, and e-mailed to the authorized body and the body
 * responsible for access to information. A package stays open until an analyst closes it after
 * the commission session; closing ends the commission round of its passports (see {@link
 * CommissionRound}).
 */
@Service
public class CommissionPackages {

    static final String LETTER_KIND = "commission-package";

    private static final Logger LOG = LoggerFactory.getLogger(CommissionPackages.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final String PDF = "application/pdf";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final CommissionRepository repository;
    private final PassportRepository passports;
    private final UnloadRepository unloads;
    private final AgencyRegistry agencies;
    private final CommissionSummaries summaries;
    private final CommissionDocuments documents;
    private final CommissionTexts texts;
    private final CommissionRound round;
    private final MailOutbox outbox;
    private final CommissionProperties settings;
    private final ApprovalProperties approval;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    CommissionPackages(
            CommissionRepository repository,
            PassportRepository passports,
            UnloadRepository unloads,
            AgencyRegistry agencies,
            CommissionSummaries summaries,
            CommissionDocuments documents,
            CommissionTexts texts,
            CommissionRound round,
            MailOutbox outbox,
            CommissionProperties settings,
            ApprovalProperties approval,
            AuditLog audit,
            ObjectMapper json,
            Clock clock) {
        this.repository = repository;
        this.passports = passports;
        this.unloads = unloads;
        this.agencies = agencies;
        this.summaries = summaries;
        this.documents = documents;
        this.texts = texts;
        this.round = round;
        this.outbox = outbox;
        this.settings = settings;
        this.approval = approval;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The scope of a package: either passports by id, or the unloads the agencies delivered in a
     * period with the latest passport version of each.
     *
     * @param title package title for the letter and the documents; a dated default when blank
     * @param receivedFrom inclusive start of the period, or null
     * @param receivedTo exclusive end of the period, or null
     */
    public record Selection(
            String title,
            List<Long> passportIds,
            List<String> agencyCodes,
            OffsetDateTime receivedFrom,
            OffsetDateTime receivedTo) {}

    /** A stored package with its summary. */
    public record PackageView(
            long id,
            String title,
            OffsetDateTime createdAt,
            String createdBy,
            String messageId,
            OffsetDateTime closedAt,
            String closedBy,
            List<Long> passportIds,
            CommissionSummary summary) {}

    /**
     * Builds, stores and queues a package for both bodies.
     *
     * @throws IllegalArgumentException when the selection is empty or names unknown passports or
     *     agencies
     * @throws CommissionStateException when a body has no address
     */
    @Transactional
    public PackageView create(Selection selection, String createdBy) throws IOException {
        settings.requireBothBodies();
        List<PassportRecord> selected = new ArrayList<>();
        List<UnloadRecord> covered = new ArrayList<>();
        resolve(selection, selected, covered);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String title = selection.title() == null || selection.title().isBlank()
                ? DAY.format(now.atZoneSameInstant(clock.getZone()))
                : selection.title().strip();
        CommissionSummary summary = summaries.summarise(title, settings.language(), covered, selected);
        byte[] pdf = documents.pdf(summary);
        byte[] xlsx = documents.xlsx(summary);
        String messageId = MessageIds.create("commission.package", approval.messageIdHost());
        List<Long> ids = selected.stream().map(PassportRecord::id).toList();
        long id = repository.insertPackage(
                new CommissionRepository.NewPackage(title, now, createdBy, write(summary), pdf, xlsx, messageId, ids));
        queueLetter(id, summary, selected, messageId, pdf, xlsx);
        audit.record(
                "commission",
                "commission-package-created",
                "commission-package",
                id,
                "messageId=" + messageId + " by=" + createdBy + " passports=" + ids + " unloads="
                        + covered.stream().map(UnloadRecord::id).toList());
        LOG.info("Commission package {} created with {} passports and {} unloads", id, ids.size(), covered.size());
        return view(repository.findPackage(id).orElseThrow());
    }

    /**
     * Builds a package of every passport sent for approval that is in no package yet.
     *
     * @return the package, or empty when no such passport exists
     */
    @Transactional
    public Optional<PackageView> createForUnpackaged() throws IOException {
        List<Long> packaged = repository.packagedPassports();
        List<Long> waiting = passports.findByStatus(PassportRecord.SENT).stream()
                .map(PassportRecord::id)
                .filter(id -> !packaged.contains(id))
                .toList();
        if (waiting.isEmpty()) {
            LOG.info("No passport waits for a commission package");
            return Optional.empty();
        }
        return Optional.of(create(new Selection(null, waiting, List.of(), null, null), "schedule"));
    }

    /** Closes a package after the commission session and settles its passports' rounds. */
    @Transactional
    public PackageView close(long id, String closedBy) {
        CommissionRepository.PackageRow row = find(id);
        if (!repository.close(id, closedBy, OffsetDateTime.now(clock))) {
            throw new CommissionStateException("commission package " + id + " was closed before, on " + row.closedAt());
        }
        audit.record("commission", "commission-package-closed", "commission-package", id, "by=" + closedBy);
        for (long passportId : repository.passportsOf(id)) {
            round.settle(passportId);
        }
        return view(find(id));
    }

    public PackageView get(long id) {
        return view(find(id));
    }

    public List<PackageView> latest(int limit) {
        return repository.packages(limit).stream().map(this::view).toList();
    }

    /** Returns the package's PDF ({@code pdf}) or XLSX ({@code xlsx}) document. */
    public byte[] document(long id, String format) {
        find(id);
        return repository.document(id, format);
    }

    private void resolve(Selection selection, List<PassportRecord> selected, List<UnloadRecord> covered) {
        List<Long> ids = selection.passportIds() == null ? List.of() : selection.passportIds();
        List<String> codes = selection.agencyCodes() == null ? List.of() : selection.agencyCodes();
        if (ids.isEmpty() == codes.isEmpty()) {
            throw new IllegalArgumentException("a package selects either passportIds or agencyCodes (with an"
                    + " optional receivedFrom and receivedTo), not both and not neither");
        }
        if (!ids.isEmpty()) {
            selected.addAll(passports.findAll(ids));
            List<Long> missing = ids.stream()
                    .filter(id -> selected.stream().noneMatch(p -> p.id() == id))
                    .toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("passports " + missing + " do not exist; check the passportIds");
            }
            Map<Long, UnloadRecord> byId = new LinkedHashMap<>();
            selected.forEach(
                    p -> byId.computeIfAbsent(p.unloadId(), u -> unloads.find(u).orElseThrow()));
            covered.addAll(byId.values());
            return;
        }
        List<String> unknown =
                codes.stream().filter(code -> agencies.find(code).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "agencies " + unknown + " are not in the registry; check the" + " agencyCodes");
        }
        covered.addAll(unloads.findReceived(codes, selection.receivedFrom(), selection.receivedTo()));
        covered.forEach(unload -> passports.latestVersion(unload.id()).ifPresent(selected::add));
    }

    private void queueLetter(
            long id,
            CommissionSummary summary,
            List<PassportRecord> selected,
            String messageId,
            byte[] pdf,
            byte[] xlsx) {
        String language = settings.language();
        List<CommissionTexts.PackagePassport> lines = selected.stream()
                .map(p -> new CommissionTexts.PackagePassport(
                        p.id(),
                        PassportTitles.of(p, language, json),
                        agencies.find(p.agencyCode()).map(a -> a.name(language)).orElse(p.agencyCode()),
                        p.datasetName(),
                        p.version(),
                        p.status()))
                .toList();
        Letter letter = texts.packageLetter(language, summary, lines);
        String baseName = "commission-package-" + id;
        try {
            outbox.queue(new OutgoingLetter(
                    LETTER_KIND,
                    null,
                    "commission-package",
                    String.valueOf(id),
                    messageId,
                    settings.authorizedBodyEmails(),
                    settings.accessBodyEmails(),
                    letter,
                    language,
                    null,
                    List.of(),
                    OutgoingLetter.AUTO_GENERATED,
                    List.of(
                            new MailAttachment(baseName + ".pdf", PDF, pdf),
                            new MailAttachment(baseName + ".xlsx", XLSX, xlsx))));
        } catch (MessagingException e) {
            throw new IllegalStateException("commission package " + id + ": the letter could not be composed", e);
        }
    }

    private CommissionRepository.PackageRow find(long id) {
        return repository
                .findPackage(id)
                .orElseThrow(() -> new NoSuchPackageException("commission package " + id + " does not exist"));
    }

    private PackageView view(CommissionRepository.PackageRow row) {
        try {
            return new PackageView(
                    row.id(),
                    row.title(),
                    row.createdAt(),
                    row.createdBy(),
                    row.messageId(),
                    row.closedAt(),
                    row.closedBy(),
                    repository.passportsOf(row.id()),
                    json.readValue(row.summaryJson(), CommissionSummary.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("commission package " + row.id() + ": its stored summary is not JSON", e);
        }
    }

    private String write(CommissionSummary summary) {
        try {
            return json.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signals a package id that does not exist. */
    static class NoSuchPackageException extends RuntimeException {

        NoSuchPackageException(String message) {
            super(message);
        }
    }
}
