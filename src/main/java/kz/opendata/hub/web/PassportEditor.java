package kz.opendata.hub.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Collectors;
import kz.opendata.hub.passport.PassportDiff;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes analysts make to passport drafts, and their requests to send a draft to the agency.
 *
 * <p>A passport can be edited while its status is {@code draft}, {@code changes-requested} or
 * {@code rejected}. An edit replaces the document of that version in place and never adds a
 * version row. In any other status (sent, approved, published) the document is left unchanged.
 */
@Service
public class PassportEditor {

    /** Statuses in which the passport document may change. */
    public static final List<String> EDITABLE =
            List.of(PassportRecord.DRAFT, PassportRecord.CHANGES_REQUESTED, PassportRecord.REJECTED);

    private final PassportRepository passports;
    private final AuditLog audit;
    private final ObjectMapper json;

    PassportEditor(PassportRepository passports, AuditLog audit, ObjectMapper json) {
        this.passports = passports;
        this.audit = audit;
        this.json = json;
    }

    public static boolean isEditable(PassportRecord passport) {
        return EDITABLE.contains(passport.status());
    }

    /**
     * Applies a JSON merge patch (RFC 7396) to the passport document and audits the changed fields.
     *
     * @return the changed fields; empty when the patch changed nothing, and then nothing is stored
     */
    @Transactional
    public List<PassportDiff.Change> edit(long id, JsonNode patch, String user) {
        PassportRecord passport = editable(id);
        PassportDocumentRules.checkPatch(patch);
        JsonNode before = read(passport);
        JsonNode after = JsonMergePatch.apply(before, patch);
        PassportDocumentRules.checkDocument(before, after);
        List<PassportDiff.Change> changes = PassportDiff.between(before, after);
        if (changes.isEmpty()) {
            return changes;
        }
        // NOTE: datapackage_json is not re-rendered here; the passport drafter owns that rendering.
        if (!passports.updateDocumentsWhileIn(id, write(after), EDITABLE)) {
            throw notEditable(passports.find(id).orElseThrow());
        }
        String fields = changes.stream().map(PassportDiff.Change::path).collect(Collectors.joining(","));
        audit.record(user, "passport-edited", "passport", id, "fields=" + fields);
        return changes;
    }

    /**
     * Requests that the draft be sent to the agency's approval contacts. A passport the agency
     * returned goes back to {@code draft}; the e-mail itself is sent by the {@code
     * approval-out-pending} route, which picks up drafts whose sending was requested.
     */
    @Transactional
    public PassportRecord requestSend(long id, String user) {
        PassportRecord passport = editable(id);
        if (!PassportRecord.DRAFT.equals(passport.status()) && !passports.returnToDraft(id, passport.status())) {
            throw notEditable(passports.find(id).orElseThrow());
        }
        passports.requestSend(id);
        audit.record(
                user,
                "send-requested",
                "passport",
                id,
                "version=" + passport.version() + " from status=" + passport.status());
        return passports.find(id).orElseThrow();
    }

    private PassportRecord editable(long id) {
        PassportRecord passport = passports.find(id).orElseThrow(() -> new NotFoundException("passport", id));
        if (!isEditable(passport)) {
            throw notEditable(passport);
        }
        return passport;
    }

    private static ConflictingStateException notEditable(PassportRecord passport) {
        return new ConflictingStateException("Passport " + passport.id() + " is " + passport.status()
                + "; only passports in status " + EDITABLE + " can be changed or sent. A sent passport waits"
                + " for the agency's answer; an approved one is changed through a new unload");
    }

    private JsonNode read(PassportRecord passport) {
        try {
            return json.readTree(passport.passportJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Passport " + passport.id() + ": the stored document is not valid JSON", e);
        }
    }

    private String write(JsonNode document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A passport document could not be written as JSON", e);
        }
    }
}
