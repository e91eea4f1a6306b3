package kz.opendata.hub.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.passport.PassportDiff;
import kz.opendata.hub.store.ApprovalMessageRepository;
import kz.opendata.hub.store.ApprovalMessageRepository.Entry;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The approval loop's lists for analysts: escalations, flagged messages, and passport changes. */
@RestController
class ApprovalController {

    private static final int MAX_LIMIT = 500;
    /** Received messages an analyst has to look at. */
    private static final List<String> FLAGGED =
            List.of("not-a-contact", "unmatched", "unreadable", "handling-failed", "unclear");

    private final EscalationRepository escalations;
    private final RevisionRepository revisions;
    private final ApprovalMessageRepository messages;
    private final AgencyRegistry agencies;
    private final PassportRepository passports;
    private final ObjectMapper json;

    ApprovalController(
            EscalationRepository escalations,
            RevisionRepository revisions,
            ApprovalMessageRepository messages,
            AgencyRegistry agencies,
            PassportRepository passports,
            ObjectMapper json) {
        this.escalations = escalations;
        this.revisions = revisions;
        this.messages = messages;
        this.agencies = agencies;
        this.passports = passports;
        this.json = json;
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
     * @param decision one of not-a-contact, unmatched, unreadable, handling-failed, unclear
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
     * Returns the changed fields of a passport. {@code /api/passports/{id}/changes} is an alias of
     * the same endpoint, kept for scripts written against it.
     */
    @GetMapping({"/api/passports/{id}/diff", "/api/passports/{id}/changes"})
    @Tag(name = "read")
    @Operation(
            summary = "Changed fields of a passport against another passport or its previous version",
            description = "Compares passport {id} with passport {against}. Without against, a version drafted"
                    + " from an agency's edited passport lists the changes recorded when it was drafted, where"
                    + " applied is false for a change the hub kept out; any other passport is compared with"
                    + " the previous version drafted from the same unload, and the list is empty when there"
                    + " is none. revision names the reply a version was drafted from, and is null for other"
                    + " versions. /api/passports/{id}/changes is an alias of this endpoint.")
    PassportChanges diff(@PathVariable long id, @RequestParam(required = false) Long against) {
        PassportRecord passport = find(id);
        Optional<RevisionRepository.Revision> revision = revisions.find(id);
        if (against == null && revision.isPresent()) {
            return new PassportChanges(id, revision.get().previousPassportId(), revision.get(), revisions.changes(id));
        }
        PassportRecord other = against != null ? find(against) : previousVersion(passport);
        List<RevisionRepository.Change> changes = other == null
                ? List.of()
                : PassportDiff.between(read(other), read(passport)).stream()
                        .map(c -> new RevisionRepository.Change(c.path(), c.before(), c.after(), true))
                        .toList();
        return new PassportChanges(id, other == null ? null : other.id(), revision.orElse(null), changes);
    }

    private PassportRecord find(long id) {
        return passports
                .find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Passport " + id + " not found"));
    }

    private PassportRecord previousVersion(PassportRecord passport) {
        return passports.findByUnload(passport.unloadId()).stream()
                .filter(other -> other.version() < passport.version())
                .reduce((first, second) -> second)
                .orElse(null);
    }

    private JsonNode read(PassportRecord passport) {
        try {
            return json.readTree(passport.passportJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Passport " + passport.id() + ": the stored document is not valid JSON; restore it from the"
                            + " audit log or draft the unload again",
                    e);
        }
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

    /**
     * The changed fields of a passport.
     *
     * @param previousPassportId the passport compared with, null when there is none
     * @param revision the reply the passport was drafted from, null when an analyst or an unload
     *     drafted it
     */
    record PassportChanges(
            long passportId,
            Long previousPassportId,
            RevisionRepository.Revision revision,
            List<RevisionRepository.Change> changes) {}
}
