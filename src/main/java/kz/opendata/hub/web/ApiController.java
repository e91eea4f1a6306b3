package kz.opendata.hub.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.store.ApprovalMessageRepository;
import kz.opendata.hub.store.ApprovalMessageRepository.ApprovalMessage;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.AuditLog.AuditEvent;
import kz.opendata.hub.store.AuditLog.AuditFilter;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.PublicationRepository;
import kz.opendata.hub.store.PublicationRepository.PublicationRecord;
import kz.opendata.hub.store.UnloadRecord;
import kz.opendata.hub.store.UnloadRepository;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Read access to agencies, unloads, passports and the audit log for scripts and the dashboard. */
@RestController
@RequestMapping("/api")
@Tag(name = "read", description = "Everything the dashboard shows; open to every role")
class ApiController {

    private static final int MAX_LIMIT = 500;

    private final AgencyRegistry agencies;
    private final UnloadRepository unloads;
    private final PassportRepository passports;
    private final ApprovalMessageRepository messages;
    private final PublicationRepository publications;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final CampaignBoard board;
    private final ApprovalTimeline timeline;

    ApiController(
            AgencyRegistry agencies,
            UnloadRepository unloads,
            PassportRepository passports,
            ApprovalMessageRepository messages,
            PublicationRepository publications,
            AuditLog audit,
            ObjectMapper json,
            CampaignBoard board,
            ApprovalTimeline timeline) {
        this.agencies = agencies;
        this.unloads = unloads;
        this.passports = passports;
        this.messages = messages;
        this.publications = publications;
        this.audit = audit;
        this.json = json;
        this.board = board;
        this.timeline = timeline;
    }

    @GetMapping("/board")
    @Operation(summary = "Campaign board: per agency, unloads and passports by stage, late approvals")
    CampaignBoard.Board board() {
        return board.board();
    }

    @GetMapping("/agencies")
    List<Agency> agencies() {
        return agencies.all();
    }

    @GetMapping("/unloads")
    List<UnloadSummary> unloads(@RequestParam(defaultValue = "100") int limit) {
        return unloads.latest(bounded(limit)).stream().map(UnloadSummary::of).toList();
    }

    @GetMapping("/unloads/{id}")
    UnloadDetail unload(@PathVariable long id) {
        UnloadRecord unload = unloads.find(id).orElseThrow(() -> notFound("unload", id));
        List<PassportSummary> drafted =
                passports.findByUnload(id).stream().map(PassportSummary::of).toList();
        return new UnloadDetail(
                UnloadSummary.of(unload), parse(unload.reportJson()), drafted, audit.forSubject("unload", id));
    }

    @GetMapping("/passports")
    List<PassportSummary> passports(@RequestParam(defaultValue = "100") int limit) {
        return passports.latest(bounded(limit)).stream()
                .map(PassportSummary::of)
                .toList();
    }

    @GetMapping("/passports/{id}")
    PassportDetail passport(@PathVariable long id) {
        PassportRecord passport = passports.find(id).orElseThrow(() -> notFound("passport", id));
        return new PassportDetail(
                PassportSummary.of(passport),
                parse(passport.passportJson()),
                parse(passport.datapackageJson()),
                messages.forPassport(id),
                publications.forPassport(id),
                audit.forSubject("passport", id));
    }

    @GetMapping("/passports/{id}/publications")
    @Operation(summary = "Publication attempts of a passport: status, location, errors")
    List<PublicationRecord> publications(@PathVariable long id) {
        passports.find(id).orElseThrow(() -> notFound("passport", id));
        return publications.forPassport(id);
    }

    @GetMapping("/passports/{id}/timeline")
    @Operation(summary = "Approval timeline: e-mails out and in, reminders, send requests")
    List<ApprovalTimeline.Entry> timeline(@PathVariable long id) {
        passports.find(id).orElseThrow(() -> notFound("passport", id));
        return timeline.of(id);
    }

    @GetMapping("/passports/{id}/versions")
    @Operation(summary = "Every version drafted from the same unload, oldest first")
    List<PassportSummary> versions(@PathVariable long id) {
        PassportRecord passport = passports.find(id).orElseThrow(() -> notFound("passport", id));
        return passports.findByUnload(passport.unloadId()).stream()
                .map(PassportSummary::of)
                .toList();
    }

    @GetMapping("/audit")
    @Operation(
            summary = "Audit events, newest first",
            description = "Every filter is optional. from and to are ISO 8601 times with an offset, such as"
                    + " 2025-03-01T00:00:00+05:00; from is inclusive, to exclusive.")
    List<AuditEvent> audit(
            @RequestParam(required = false) String subjectType,
            @RequestParam(required = false) String subjectId,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(defaultValue = "100") int limit) {
        AuditFilter filter = new AuditFilter(
                blankToNull(subjectType), blankToNull(subjectId), blankToNull(action), blankToNull(actor), from, to);
        return audit.search(filter, bounded(limit));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private JsonNode parse(String document) {
        if (document == null) {
            return null;
        }
        try {
            return json.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored document is not valid JSON", e);
        }
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    private static ResponseStatusException notFound(String kind, long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + kind + " with id " + id);
    }

    record UnloadSummary(
            long id,
            String agencyCode,
            String fileName,
            String sha256,
            long sizeBytes,
            String status,
            OffsetDateTime receivedAt,
            OffsetDateTime analysedAt,
            String format,
            String encoding,
            Long rowCount,
            String verdict,
            String failureReason) {

        static UnloadSummary of(UnloadRecord u) {
            return new UnloadSummary(
                    u.id(),
                    u.agencyCode(),
                    u.fileName(),
                    u.sha256(),
                    u.sizeBytes(),
                    u.status(),
                    u.receivedAt(),
                    u.analysedAt(),
                    u.format(),
                    u.encoding(),
                    u.rowCount(),
                    u.verdict(),
                    u.failureReason());
        }
    }

    record UnloadDetail(
            UnloadSummary unload, JsonNode analysis, List<PassportSummary> passports, List<AuditEvent> audit) {}

    record PassportSummary(
            long id,
            long unloadId,
            String agencyCode,
            String datasetName,
            int version,
            String status,
            String title,
            OffsetDateTime createdAt,
            OffsetDateTime sentAt,
            OffsetDateTime decidedAt,
            OffsetDateTime publishedAt) {

        static PassportSummary of(PassportRecord p) {
            return new PassportSummary(
                    p.id(),
                    p.unloadId(),
                    p.agencyCode(),
                    p.datasetName(),
                    p.version(),
                    p.status(),
                    p.title(),
                    p.createdAt(),
                    p.sentAt(),
                    p.decidedAt(),
                    p.publishedAt());
        }
    }

    record PassportDetail(
            PassportSummary passport,
            JsonNode document,
            JsonNode datapackage,
            List<ApprovalMessage> messages,
            List<PublicationRecord> publications,
            List<AuditEvent> audit) {}
}
