package kz.opendata.hub.approval;

import java.time.OffsetDateTime;
import java.util.List;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.store.ApprovalMessageRepository;
import kz.opendata.hub.store.ApprovalMessageRepository.Entry;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The approval loop's lists for analysts: escalations, flagged messages, and revised versions. */
@RestController
class ApprovalController {

    private static final int MAX_LIMIT = 500;
    /** Received messages an analyst has to look at. */
    private static final List<String> FLAGGED = List.of("not-a-contact", "unmatched", "unreadable", "unclear");

    private final EscalationRepository escalations;
    private final RevisionRepository revisions;
    private final ApprovalMessageRepository messages;
    private final AgencyRegistry agencies;

    ApprovalController(
            EscalationRepository escalations,
            RevisionRepository revisions,
            ApprovalMessageRepository messages,
            AgencyRegistry agencies) {
        this.escalations = escalations;
        this.revisions = revisions;
        this.messages = messages;
        this.agencies = agencies;
    }

    /** Passports still unanswered after the last reminder, oldest escalation first. */
    @GetMapping("/api/approval/escalations")
    List<EscalationView> escalations() {
        return escalations.open().stream()
                .map(e -> new EscalationView(
                        e.passportId(),
                        e.agencyCode(),
                        agencies.find(e.agencyCode())
                                .map(a -> a.name(a.language()))
                                .orElse(e.agencyCode()),
                        e.datasetName(),
                        e.version(),
                        e.title(),
                        e.sentAt(),
                        e.reminders(),
                        e.lastContactAt(),
                        e.escalatedAt()))
                .toList();
    }

    /**
     * Received messages waiting for an analyst, newest first.
     *
     * @param decision one of not-a-contact, unmatched, unreadable, unclear
     */
    @GetMapping("/api/approval/flagged")
    List<Entry> flagged(@RequestParam String decision, @RequestParam(defaultValue = "100") int limit) {
        if (!FLAGGED.contains(decision)) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "decision '" + decision + "' is not flagged; use one of " + FLAGGED);
        }
        return messages.received(decision, Math.max(1, Math.min(limit, MAX_LIMIT)));
    }

    /**
     * How a passport version drafted from an agency's edited passport differs from the version
     * before it, with the reply it came from. Changes the hub kept as they were carry applied
     * false.
     */
    @GetMapping("/api/passports/{id}/changes")
    RevisionView changes(@PathVariable long id) {
        RevisionRepository.Revision revision = revisions
                .find(id)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "Passport " + id + " was not drafted from an edited passport"));
        return new RevisionView(
                revision.passportId(),
                revision.previousPassportId(),
                revision.messageId(),
                revision.sender(),
                revision.fileName(),
                revision.format(),
                revision.recordedAt(),
                revisions.changes(id));
    }

    /** One escalated passport. */
    record EscalationView(
            long passportId,
            String agencyCode,
            String agencyName,
            String datasetName,
            int version,
            String title,
            OffsetDateTime sentAt,
            int reminders,
            OffsetDateTime lastContactAt,
            OffsetDateTime escalatedAt) {}

    /** A revised passport version and its changes. */
    record RevisionView(
            long passportId,
            long previousPassportId,
            String messageId,
            String sender,
            String fileName,
            String format,
            OffsetDateTime recordedAt,
            List<RevisionRepository.Change> changes) {}
}
