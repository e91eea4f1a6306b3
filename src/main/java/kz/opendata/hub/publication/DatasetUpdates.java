package kz.opendata.hub.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.PublicationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides what happens to a passport drafted from a later unload of a set that is already
 * published: the same agency and the same data set name, drafted from another unload.
 *
 * <p>Intake calls {@link #screenDraft} right after drafting, before the draft can go to the agency
 * for approval. The draft's data package schema is compared with the approved one by
 * {@link SchemaDiff}. The same structure needs no new approval round: the update is scheduled and
 * published under the approved passport with the later unload's data when the set is next due.
 * A changed structure (columns added, removed or retyped) is held. The analyst finds it in the
 * audit log and the list of holds, and the route {@code publication-hold-notice} sends the agency
 * a notice of what changed.
 */
@Service
public class DatasetUpdates {

    /** Passport status of a draft whose data are published as an update under the approved passport. */
    public static final String PASSPORT_UPDATE = "update";
    /** Passport status of a draft whose structure differs from the approved one. */
    public static final String PASSPORT_HELD = "held";
    /** Passport status of an update draft that a later unload of the same set replaced. */
    public static final String PASSPORT_SUPERSEDED = "superseded";

    private static final Logger LOG = LoggerFactory.getLogger(DatasetUpdates.class);

    private final PassportRepository passports;
    private final PublicationRepository publications;
    private final DatasetUpdateRepository updates;
    private final UpdateSchedule schedule;
    private final AuditLog audit;
    private final ObjectMapper json;

    DatasetUpdates(
            PassportRepository passports,
            PublicationRepository publications,
            DatasetUpdateRepository updates,
            UpdateSchedule schedule,
            AuditLog audit,
            ObjectMapper json) {
        this.passports = passports;
        this.publications = publications;
        this.updates = updates;
        this.schedule = schedule;
        this.audit = audit;
        this.json = json;
    }

    /**
     * Screens a freshly drafted passport. Calling it again for the same draft changes nothing.
     *
     * @param passportId the draft, or null when nothing was drafted
     * @return the draft's id when it starts a new set and goes through approval, or null when it
     *     updates a published set (scheduled or held) or nothing was drafted
     */
    @Transactional
    public Long screenDraft(Long passportId) throws JsonProcessingException {
        if (passportId == null) {
            return null;
        }
        PassportRecord draft = passports.find(passportId).orElseThrow();
        if (updates.findByUnload(draft.unloadId()).isPresent()) {
            return null;
        }
        Optional<PassportRecord> approved = PassportRecord.DRAFT.equals(draft.status())
                ? passports.latestPublished(draft.agencyCode(), draft.datasetName(), draft.unloadId())
                : Optional.empty();
        if (approved.isEmpty()) {
            return passportId;
        }
        SchemaDiff.Result changes =
                SchemaDiff.compare(readObject(approved.get().datapackageJson()), readObject(draft.datapackageJson()));
        if (changes.isEmpty()) {
            schedule(draft, approved.get());
        } else {
            hold(draft, approved.get(), changes);
        }
        return null;
    }

    private void schedule(PassportRecord draft, PassportRecord approved) {
        OffsetDateTime now = schedule.now();
        long id = updates.insert(
                draft.datasetName(),
                draft.agencyCode(),
                approved.id(),
                draft.unloadId(),
                draft.id(),
                DatasetUpdate.SCHEDULED,
                null,
                now);
        passports.transition(draft.id(), PassportRecord.DRAFT, PASSPORT_UPDATE);
        String due = dueDate(approved).map(OffsetDateTime::toString).orElse("at the next run");
        audit.record(
                "publication",
                "publication-update-scheduled",
                "passport",
                approved.id(),
                "update=" + id + " unload=" + draft.unloadId() + " draftPassport=" + draft.id() + " dataset="
                        + draft.datasetName() + " due=" + due);
        LOG.info(
                "Unload {} updates published data set {} with the same structure; publication due {}",
                draft.unloadId(),
                draft.datasetName(),
                due);
    }

    private void hold(PassportRecord draft, PassportRecord approved, SchemaDiff.Result changes)
            throws JsonProcessingException {
        long id = updates.insert(
                draft.datasetName(),
                draft.agencyCode(),
                approved.id(),
                draft.unloadId(),
                draft.id(),
                DatasetUpdate.HELD,
                json.writeValueAsString(changes),
                schedule.now());
        passports.transition(draft.id(), PassportRecord.DRAFT, PASSPORT_HELD);
        audit.record(
                "publication",
                "publication-update-held",
                "passport",
                approved.id(),
                "update=" + id + " unload=" + draft.unloadId() + " draftPassport=" + draft.id() + " dataset="
                        + draft.datasetName() + " " + describe(changes));
        LOG.warn(
                "Unload {} changes the structure of published data set {} ({}); update {} held for an analyst",
                draft.unloadId(),
                draft.datasetName(),
                describe(changes),
                id);
    }

    /**
     * Sends a held update's draft to the agency for approval of the new structure. Once approved,
     * the publication run publishes it as the set's new passport.
     *
     * @throws PublicationStateException when the update is not held
     */
    @Transactional
    public DatasetUpdate release(long updateId, String actor) {
        DatasetUpdate update = updates.find(updateId)
                .orElseThrow(() -> new PublicationNotFoundException("no update of a published set with id " + updateId
                        + "; list the holds at" + " /api/publication/holds"));
        if (!updates.transition(updateId, DatasetUpdate.HELD, DatasetUpdate.RELEASED, schedule.now(), actor)) {
            throw new PublicationStateException("update " + updateId + " of data set " + update.datasetName()
                    + " has status '" + update.status() + "', not 'held'; only a held update can be released");
        }
        passports.transition(update.draftPassportId(), PASSPORT_HELD, PassportRecord.DRAFT);
        passports.requestSend(update.draftPassportId());
        audit.record(
                actor,
                "publication-hold-released",
                "passport",
                update.draftPassportId(),
                "update=" + updateId + " dataset=" + update.datasetName());
        LOG.info("Held update {} of data set {} released for approval by {}", updateId, update.datasetName(), actor);
        return updates.find(updateId).orElseThrow();
    }

    /** Returns the updates currently held, oldest first. */
    public List<DatasetUpdate> holds() {
        return updates.withStatus(DatasetUpdate.HELD);
    }

    /** Reads the stored structure changes of an update, or empty lists when it has none. */
    SchemaDiff.Result changesOf(DatasetUpdate update) throws JsonProcessingException {
        if (update.schemaChanges() == null) {
            return new SchemaDiff.Result(List.of(), List.of(), List.of());
        }
        return json.readValue(update.schemaChanges(), SchemaDiff.Result.class);
    }

    private Optional<OffsetDateTime> dueDate(PassportRecord approved) {
        String frequency = frequencyOf(approved);
        return publications
                .latestForDatasetIn(approved.datasetName(), PublicationLedger.SUCCESSES)
                .flatMap(last -> schedule.nextDue(last.attemptedAt(), frequency));
    }

    private String frequencyOf(PassportRecord passport) {
        try {
            return PassportFields.frequency(json.readTree(passport.passportJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("passport " + passport.id() + " is not valid JSON; draft it again", e);
        }
    }

    static String describe(SchemaDiff.Result changes) {
        return "added=" + changes.added() + " removed=" + changes.removed() + " retyped="
                + changes.retyped().stream()
                        .map(r -> r.name() + ":" + r.approvedType() + "->" + r.newType())
                        .toList();
    }

    private ObjectNode readObject(String document) throws JsonProcessingException {
        return (ObjectNode) json.readTree(document);
    }
}
