package kz.opendata.hub.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.PublicationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The publication run of the {@code publication-schedule} route: finds what is due and publishes
 * each target.
 *
 * <p>Due are approved passports not yet published, and the latest scheduled update of each
 * published set once the set's next due date has passed (see {@link UpdateSchedule}). A target
 * whose last try failed for a reason that may pass waits until its back-off ends. A refusal of
 * the gate, a rejection by the portal, and a try that fails after the last one allowed stop the
 * target until an analyst retries it.
 */
@Service
public class PublicationJob {

    /** Value of {@code requestedBy} for scheduled publications, recorded with a refusal. */
    static final String REQUESTED_BY = "publication-schedule";

    private static final Logger LOG = LoggerFactory.getLogger(PublicationJob.class);

    private final PassportRepository passports;
    private final PublicationRepository publications;
    private final DatasetUpdateRepository updates;
    private final TargetPublisher publisher;
    private final PublicationLedger ledger;
    private final UpdateSchedule schedule;
    private final ObjectMapper json;

    PublicationJob(
            PassportRepository passports,
            PublicationRepository publications,
            DatasetUpdateRepository updates,
            TargetPublisher publisher,
            PublicationLedger ledger,
            UpdateSchedule schedule,
            ObjectMapper json) {
        this.passports = passports;
        this.publications = publications;
        this.updates = updates;
        this.publisher = publisher;
        this.ledger = ledger;
        this.schedule = schedule;
        this.json = json;
    }

    /** Publishes every due target one after the other; returns how many reached the portal. */
    public int publishDue() {
        int published = 0;
        for (PublicationTarget target : dueTargets()) {
            if (publish(target)) {
                published++;
            }
        }
        return published;
    }

    /** Targets to publish now, first publications before updates. */
    public List<PublicationTarget> dueTargets() {
        OffsetDateTime now = schedule.now();
        List<PublicationTarget> due = new ArrayList<>();
        for (PassportRecord passport : passports.findByStatus(PassportRecord.APPROVED)) {
            due.add(PublicationTarget.first(passport));
        }
        for (DatasetUpdate update : updates.latestScheduledPerDataset()) {
            if (isDue(update, now)) {
                due.add(PublicationTarget.update(update));
            }
        }
        return due.stream().filter(target -> ledger.mayTry(target, now)).toList();
    }

    /**
     * Publishes one target and records the outcome.
     *
     * @return true when the set reached the portal, false when the try was refused, rejected or
     *     failed
     */
    public boolean publish(PublicationTarget target) {
        int attempt = ledger.nextAttemptNumber(target);
        try {
            PublicationResult result = publisher.publish(target, REQUESTED_BY);
            ledger.published(target, attempt, result, schedule.now());
            return true;
        } catch (PublicationRefusedException e) {
            ledger.refused(target, attempt, e.getMessage(), schedule.now());
        } catch (PermanentPortalException e) {
            ledger.deadLetter(target, attempt, e.getMessage(), e.portalMessage(), schedule.now());
        } catch (IllegalArgumentException e) {
            // Invalid input, such as rows that do not match the unload's report: no retry helps.
            ledger.deadLetter(target, attempt, e.getMessage(), null, schedule.now());
        } catch (TransientPortalException | IOException | UncheckedIOException e) {
            ledger.failed(target, attempt, e.getMessage(), schedule.now());
        }
        return false;
    }

    private boolean isDue(DatasetUpdate update, OffsetDateTime now) {
        Optional<OffsetDateTime> nextDue = publications
                .latestForDatasetIn(update.datasetName(), PublicationLedger.SUCCESSES)
                .flatMap(last -> schedule.nextDue(last.attemptedAt(), frequency(update.approvedPassportId())));
        if (nextDue.isPresent() && now.isBefore(nextDue.get())) {
            LOG.debug("Update {} of data set {} waits until {}", update.id(), update.datasetName(), nextDue.get());
            return false;
        }
        return true;
    }

    private String frequency(long passportId) {
        PassportRecord passport = passports.find(passportId).orElseThrow();
        try {
            return PassportFields.frequency(json.readTree(passport.passportJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("passport " + passportId + " is not valid JSON; draft it again", e);
        }
    }
}
