package kz.opendata.hub.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.passport.DataPackageWriter;
import kz.opendata.hub.passport.Language;
import kz.opendata.hub.passport.LocalizedText;
import kz.opendata.hub.passport.Passport;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Drafts the next passport version from an agency's edited passport: a new passport row with the
 * version raised, the same unload and data set name, status draft, and the changed fields
 * recorded for {@code GET /api/passports/{id}/diff}. The draft then goes out for approval like
 * any other draft.
 */
@Service
class PassportRevisions {

    private static final Logger LOG = LoggerFactory.getLogger(PassportRevisions.class);
    private static final int TITLE_LENGTH = 1000;

    private final PassportRepository passports;
    private final RevisionRepository revisions;
    private final AgencyRegistry agencies;
    private final DataPackageWriter dataPackages;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    PassportRevisions(
            PassportRepository passports,
            RevisionRepository revisions,
            AgencyRegistry agencies,
            DataPackageWriter dataPackages,
            AuditLog audit,
            ObjectMapper json,
            Clock clock) {
        this.passports = passports;
        this.revisions = revisions;
        this.agencies = agencies;
        this.dataPackages = dataPackages;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** Drafts the next version; call it inside the transaction that records the reply. */
    long draftNext(PassportRecord sent, EditedPassports.Edit edit, String messageId, String sender) {
        Passport passport = edit.result().passport();
        String language =
                agencies.find(sent.agencyCode()).map(a -> a.language()).orElse("ru");
        long id = passports.insertDraft(
                sent.unloadId(),
                sent.agencyCode(),
                sent.datasetName(),
                passport.version(),
                title(passport, language),
                edit.result().document(),
                datapackage(passport, language));
        revisions.insert(
                new RevisionRepository.Revision(
                        id, sent.id(), messageId, sender, edit.fileName(), edit.format(), OffsetDateTime.now(clock)),
                edit.result().changes());
        long applied = edit.result().changes().stream()
                .filter(PassportMerge.RecordedChange::applied)
                .count();
        audit.record(
                "approval",
                "passport-revised",
                "passport",
                id,
                "previous=" + sent.id() + " version=" + passport.version() + " messageId=" + messageId + " sender="
                        + sender + " file=" + edit.fileName() + " changes=" + applied + " kept="
                        + (edit.result().changes().size() - applied));
        LOG.info(
                "Passport {} drafted as version {} of data set {} from an edited {} in reply {}",
                id,
                passport.version(),
                sent.datasetName(),
                edit.format(),
                messageId);
        return id;
    }

    private String datapackage(Passport passport, String language) {
        try {
            return json.writeValueAsString(dataPackages.descriptor(passport, Language.fromCode(language)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a data package descriptor could not be written as JSON", e);
        }
    }

    private static String title(Passport passport, String language) {
        Map<String, String> names = new LinkedHashMap<>(passport.general().fullName());
        String title = LocalizedText.pick(names, Language.fromCode(language));
        title = title == null ? passport.id() : title;
        return title.length() > TITLE_LENGTH ? title.substring(0, TITLE_LENGTH) : title;
    }
}
