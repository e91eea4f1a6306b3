package kz.opendata.hub.publication;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.PublicationRepository;
import kz.opendata.hub.store.PublicationRepository.Attempt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the outcome of each publication try: a {@code publication} row, the new status of the
 * passport or update, and an audit event, in one transaction.
 *
 * <p>The portal call happens before and outside that transaction. A crash between the two leaves
 * the target as it was, so the next run publishes it again, and the portal adapters, which check
 * the portal's state first, turn that second publication into "unchanged" instead of a duplicate.
 */
@Service
class PublicationLedger {

    static final String PUBLISHED = "published";
    static final String UNCHANGED = "unchanged";
    static final String FAILED = "failed";
    static final String REFUSED = "refused";
    static final String DEAD_LETTER = "dead-letter";

    /** Statuses of a try that left the set on the portal. */
    static final List<String> SUCCESSES = List.of(PUBLISHED, UNCHANGED);
    /** Statuses of a try that waits for an analyst. */
    static final List<String> STOPPED = List.of(REFUSED, DEAD_LETTER);

    private static final Logger LOG = LoggerFactory.getLogger(PublicationLedger.class);
    private static final String ACTOR = "publication";

    private final PublicationRepository publications;
    private final PassportRepository passports;
    private final DatasetUpdateRepository updates;
    private final RetryPolicy retries;
    private final AuditLog audit;
    private final String portal;

    PublicationLedger(
            PublicationRepository publications,
            PassportRepository passports,
            DatasetUpdateRepository updates,
            RetryPolicy retries,
            AuditLog audit,
            PublicationProperties settings) {
        this.publications = publications;
        this.passports = passports;
        this.updates = updates;
        this.retries = retries;
        this.audit = audit;
        this.portal = settings.portal().name().toLowerCase().replace('_', '-');
    }

    /** Number of the next try of a target: one more than the last try when that one failed and may be repeated. */
    int nextAttemptNumber(PublicationTarget target) {
        return publications
                .latestAttempt(target.passportId(), target.unloadId())
                .filter(last -> FAILED.equals(last.status()) && last.attempt() != null)
                .map(last -> last.attempt() + 1)
                .orElse(1);
    }

    /** Returns whether a target may be tried at {@code now}, which it may not while a failed try waits for its back-off. */
    boolean mayTry(PublicationTarget target, OffsetDateTime now) {
        Optional<Attempt> last = publications.latestAttempt(target.passportId(), target.unloadId());
        return last.isEmpty()
                || !FAILED.equals(last.get().status())
                || last.get().nextAttemptAt() == null
                || !now.isBefore(last.get().nextAttemptAt());
    }

    @Transactional
    public void published(PublicationTarget target, int attempt, PublicationResult result, OffsetDateTime at) {
        String status = result.changed() ? PUBLISHED : UNCHANGED;
        PublicationResult.PublishedData data = result.data();
        publications.insertAttempt(new Attempt(
                null,
                target.passportId(),
                target.unloadId(),
                target.updateId(),
                target.datasetName(),
                portal,
                status,
                result.location(),
                result.datasetUrl(),
                result.downloadUrl(),
                data == null ? null : data.sha256(),
                data == null ? null : data.sizeBytes(),
                data == null ? null : data.rowCount(),
                null,
                null,
                attempt,
                null,
                at));
        List<String> pending = List.of(DatasetUpdate.SCHEDULED, DatasetUpdate.HELD);
        if (target.isUpdate()) {
            updates.transition(target.updateId(), DatasetUpdate.SCHEDULED, DatasetUpdate.PUBLISHED, at, ACTOR);
            supersede(updates.olderIn(target.datasetName(), target.updateId(), pending), target, at);
        } else {
            passports.transition(target.passportId(), PassportRecord.APPROVED, PassportRecord.PUBLISHED);
            // Updates of earlier unloads were compared with the passport this one replaces, so
            // publishing them later would bring back older data.
            supersede(updates.fromEarlierUnloadsIn(target.datasetName(), target.unloadId(), pending), target, at);
        }
        audit.record(
                ACTOR,
                target.isUpdate() ? "publication-update-published" : "passport-published",
                "passport",
                target.passportId(),
                describe(target) + " portal=" + portal + " status=" + status + " location=" + result.location()
                        + (data == null ? "" : " sha256=" + data.sha256() + " rows=" + data.rowCount()));
        LOG.info(
                "Data set {} {} from unload {} under passport {} at {}",
                target.datasetName(),
                status,
                target.unloadId(),
                target.passportId(),
                result.location());
    }

    /** Records a refusal of the publication gate; the refusal itself is audited by the service. */
    @Transactional
    public void refused(PublicationTarget target, int attempt, String reason, OffsetDateTime at) {
        insertStopped(target, attempt, REFUSED, reason, null, at);
        stop(target, DatasetUpdate.REFUSED, at);
        audit.record(
                ACTOR,
                target.isUpdate() ? "publication-update-refused" : "passport-publication-failed",
                "passport",
                target.passportId(),
                describe(target) + " reason=" + reason);
    }

    /** Sends a target to the dead letter: the portal rejected it, or every allowed try failed. */
    @Transactional
    public void deadLetter(
            PublicationTarget target, int attempt, String reason, String portalMessage, OffsetDateTime at) {
        insertStopped(target, attempt, DEAD_LETTER, reason, portalMessage, at);
        stop(target, DatasetUpdate.DEAD_LETTER, at);
        audit.record(
                ACTOR,
                "publication-dead-letter",
                "passport",
                target.passportId(),
                describe(target) + " attempt=" + attempt + " reason=" + reason
                        + (portalMessage == null ? "" : " portalMessage=" + portalMessage));
        LOG.warn(
                "Data set {} from unload {} sent to the dead letter after try {}: {}",
                target.datasetName(),
                target.unloadId(),
                attempt,
                reason);
    }

    /**
     * Records a try that failed for a reason that may pass, with the time of the next try, or
     * sends the target to the dead letter when it was the last try allowed.
     */
    @Transactional
    public void failed(PublicationTarget target, int attempt, String reason, OffsetDateTime at) {
        Optional<OffsetDateTime> next = retries.nextAttempt(attempt, at);
        if (next.isEmpty()) {
            deadLetter(
                    target,
                    attempt,
                    "gave up after " + attempt + " tries; the last one failed: " + reason
                            + ". Check the portal, then retry from the list of failed publications",
                    null,
                    at);
            return;
        }
        publications.insertAttempt(attemptRow(target, attempt, FAILED, reason, null, next.get(), at));
        audit.record(
                ACTOR,
                "publication-retry-scheduled",
                "passport",
                target.passportId(),
                describe(target) + " attempt=" + attempt + " nextAttemptAt=" + next.get() + " reason=" + reason);
        LOG.warn(
                "Data set {} from unload {} failed on try {} of {}, next try at {}: {}",
                target.datasetName(),
                target.unloadId(),
                attempt,
                retries.maxAttempts(),
                next.get(),
                reason);
    }

    /**
     * Puts a stopped publication back in line, so the next run tries it again from the first try.
     *
     * @throws PublicationStateException when the attempt is not the latest stopped try of its target
     */
    @Transactional
    public void retry(long attemptId, String actor, OffsetDateTime at) {
        Attempt stopped = publications
                .findAttempt(attemptId)
                .orElseThrow(() -> new PublicationNotFoundException(
                        "no publication attempt with id " + attemptId + "; list them at /api/publication/failures"));
        boolean latest = publications
                .latestAttempt(stopped.passportId(), stopped.unloadId())
                .map(last -> last.id().equals(stopped.id()))
                .orElse(false);
        if (!STOPPED.contains(stopped.status()) || !latest || !resume(stopped, actor, at)) {
            throw new PublicationStateException("publication attempt " + attemptId + " of data set "
                    + stopped.datasetName() + " is not waiting for an analyst (status '" + stopped.status()
                    + "'); only the latest refused or dead-letter attempt of a set can be retried");
        }
        audit.record(
                actor,
                "publication-retry-requested",
                "passport",
                stopped.passportId(),
                "attempt=" + attemptId + " unload=" + stopped.unloadId() + " dataset=" + stopped.datasetName());
    }

    private boolean resume(Attempt stopped, String actor, OffsetDateTime at) {
        if (stopped.updateId() == null) {
            return passports.transition(
                    stopped.passportId(), PassportRecord.PUBLICATION_FAILED, PassportRecord.APPROVED);
        }
        String status = REFUSED.equals(stopped.status()) ? DatasetUpdate.REFUSED : DatasetUpdate.DEAD_LETTER;
        return updates.transition(stopped.updateId(), status, DatasetUpdate.SCHEDULED, at, actor);
    }

    private void insertStopped(
            PublicationTarget target,
            int attempt,
            String status,
            String reason,
            String portalMessage,
            OffsetDateTime at) {
        publications.insertAttempt(attemptRow(target, attempt, status, reason, portalMessage, null, at));
    }

    private Attempt attemptRow(
            PublicationTarget target,
            int attempt,
            String status,
            String reason,
            String portalMessage,
            OffsetDateTime nextAttemptAt,
            OffsetDateTime at) {
        return new Attempt(
                null,
                target.passportId(),
                target.unloadId(),
                target.updateId(),
                target.datasetName(),
                portal,
                status,
                null,
                null,
                null,
                null,
                null,
                null,
                reason,
                portalMessage,
                attempt,
                nextAttemptAt,
                at);
    }

    private void stop(PublicationTarget target, String updateStatus, OffsetDateTime at) {
        if (target.isUpdate()) {
            updates.transition(target.updateId(), DatasetUpdate.SCHEDULED, updateStatus, at, ACTOR);
        } else {
            passports.transition(target.passportId(), PassportRecord.APPROVED, PassportRecord.PUBLICATION_FAILED);
        }
    }

    /** Marks updates that the publication of {@code target} replaced as superseded. */
    private void supersede(List<DatasetUpdate> replaced, PublicationTarget target, OffsetDateTime at) {
        for (DatasetUpdate update : replaced) {
            updates.transition(update.id(), update.status(), DatasetUpdate.SUPERSEDED, at, ACTOR);
            passports.transition(
                    update.draftPassportId(),
                    DatasetUpdate.HELD.equals(update.status())
                            ? DatasetUpdates.PASSPORT_HELD
                            : DatasetUpdates.PASSPORT_UPDATE,
                    DatasetUpdates.PASSPORT_SUPERSEDED);
            audit.record(
                    ACTOR,
                    "publication-update-superseded",
                    "passport",
                    update.draftPassportId(),
                    "update=" + update.id() + " dataset=" + update.datasetName() + " by unload " + target.unloadId());
        }
    }

    private static String describe(PublicationTarget target) {
        return "dataset=" + target.datasetName() + " unload=" + target.unloadId()
                + (target.isUpdate() ? " update=" + target.updateId() : "");
    }
}
