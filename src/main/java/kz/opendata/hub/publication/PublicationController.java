package kz.opendata.hub.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.PublicationRepository;
import kz.opendata.hub.store.PublicationRepository.Attempt;
import kz.opendata.hub.store.UnloadRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analyst's view of publication: overdue sets, held updates, publications that wait for an
 * analyst, and the DCAT catalogue of the published sets.
 */
@RestController
@RequestMapping("/api")
class PublicationController {

    static final String JSON_LD = "application/ld+json";

    private final OverdueMonitor overdue;
    private final DatasetUpdates updates;
    private final DatasetUpdateRepository updateRows;
    private final PublicationLedger ledger;
    private final PublicationRepository publications;
    private final PassportRepository passports;
    private final UnloadRepository unloads;
    private final DcatCatalog catalog;
    private final UpdateSchedule schedule;

    PublicationController(
            OverdueMonitor overdue,
            DatasetUpdates updates,
            DatasetUpdateRepository updateRows,
            PublicationLedger ledger,
            PublicationRepository publications,
            PassportRepository passports,
            UnloadRepository unloads,
            DcatCatalog catalog,
            UpdateSchedule schedule) {
        this.overdue = overdue;
        this.updates = updates;
        this.updateRows = updateRows;
        this.ledger = ledger;
        this.publications = publications;
        this.passports = passports;
        this.unloads = unloads;
        this.catalog = catalog;
        this.schedule = schedule;
    }

    /** Published sets whose agency missed the update frequency. */
    @GetMapping("/publication/overdue")
    List<OverdueMonitor.OverdueSet> overdue() {
        return overdue.overdue();
    }

    /** Updates held because their structure differs from the approved passport. */
    @GetMapping("/publication/holds")
    List<HoldView> holds() throws JsonProcessingException {
        List<HoldView> holds = new ArrayList<>();
        for (DatasetUpdate update : updates.holds()) {
            holds.add(holdView(update));
        }
        return holds;
    }

    /** Sends a held update's draft passport to the agency for approval of the new structure. */
    @PostMapping("/publication/holds/{id}/release")
    HoldView release(@PathVariable long id, Principal principal) throws JsonProcessingException {
        return holdView(updates.release(id, actor(principal)));
    }

    /** Publications refused by the gate or sent to the dead letter, newest first. */
    @GetMapping("/publication/failures")
    List<FailureView> failures() {
        return publications.latestAttemptsIn(PublicationLedger.STOPPED).stream()
                .filter(this::stillStopped)
                .map(FailureView::of)
                .toList();
    }

    /** Puts a refused or dead-letter publication back in line for the next publication run. */
    @PostMapping("/publication/failures/{id}/retry")
    FailureView retry(@PathVariable long id, Principal principal) {
        ledger.retry(id, actor(principal), schedule.now());
        return FailureView.of(publications.findAttempt(id).orElseThrow());
    }

    /** Returns the DCAT-AP catalogue of the published sets as JSON-LD. */
    @GetMapping(value = "/catalog.jsonld", produces = JSON_LD)
    ObjectNode catalog() throws JsonProcessingException {
        return catalog.catalog();
    }

    @ExceptionHandler(PublicationStateException.class)
    ProblemDetail conflict(PublicationStateException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(PublicationNotFoundException.class)
    ProblemDetail notFound(PublicationNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    private boolean stillStopped(Attempt attempt) {
        if (attempt.updateId() != null) {
            return updateRows
                    .find(attempt.updateId())
                    .map(update -> update.status().equals(DatasetUpdate.REFUSED)
                            || update.status().equals(DatasetUpdate.DEAD_LETTER))
                    .orElse(false);
        }
        return passports
                .find(attempt.passportId())
                .map(passport -> PassportRecord.PUBLICATION_FAILED.equals(passport.status()))
                .orElse(false);
    }

    private HoldView holdView(DatasetUpdate update) throws JsonProcessingException {
        String fileName = unloads.find(update.unloadId()).map(u -> u.fileName()).orElse(null);
        return new HoldView(
                update.id(),
                update.datasetName(),
                update.agencyCode(),
                update.status(),
                update.approvedPassportId(),
                update.draftPassportId(),
                update.unloadId(),
                fileName,
                updates.changesOf(update),
                update.createdAt(),
                update.noticeSentAt());
    }

    private static String actor(Principal principal) {
        return principal == null ? "analyst" : principal.getName();
    }

    /** A held update as the REST API returns it. */
    record HoldView(
            long id,
            String datasetName,
            String agencyCode,
            String status,
            long approvedPassportId,
            long draftPassportId,
            long unloadId,
            String fileName,
            SchemaDiff.Result changes,
            OffsetDateTime heldAt,
            OffsetDateTime agencyNotifiedAt) {}

    /** A publication that waits for an analyst. */
    record FailureView(
            long id,
            long passportId,
            Long unloadId,
            Long updateId,
            String datasetName,
            String status,
            Integer attempt,
            String message,
            String portalMessage,
            OffsetDateTime attemptedAt) {

        static FailureView of(Attempt attempt) {
            return new FailureView(
                    attempt.id(),
                    attempt.passportId(),
                    attempt.unloadId(),
                    attempt.updateId(),
                    attempt.datasetName(),
                    attempt.status(),
                    attempt.attempt(),
                    attempt.message(),
                    attempt.portalMessage(),
                    attempt.attemptedAt());
        }
    }
}
