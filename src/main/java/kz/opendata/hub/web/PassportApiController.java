package kz.opendata.hub.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import kz.opendata.hub.passport.PassportDiff;
import kz.opendata.hub.store.PassportRecord;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Changes to passport drafts; every endpoint needs the ANALYST role. */
@RestController
@RequestMapping("/api/passports/{id}")
@Tag(name = "passports", description = "Editing and sending passport drafts; needs the ANALYST role")
class PassportApiController {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final PassportEditor editor;

    PassportApiController(PassportEditor editor) {
        this.editor = editor;
    }

    @PatchMapping(consumes = {MERGE_PATCH, "application/json"})
    @Operation(
            summary = "Edit the passport document with a JSON merge patch (RFC 7396)",
            description = "Allowed while the passport's status is draft, changes-requested or rejected; any"
                    + " other status answers 409. The document of that version is changed in place, no new"
                    + " version is created. Only general (except supplier), updating, geobinding and"
                    + " attributes may change, and attributes keep their technical names in order."
                    + " Texts are maps from kk, ru, en to text; null removes a member. Returns the changed"
                    + " fields.")
    List<PassportDiff.Change> edit(@PathVariable long id, @RequestBody JsonNode patch, Principal user) {
        return editor.edit(id, patch, user.getName());
    }

    @PostMapping("/send")
    @Operation(
            summary = "Request sending the draft to the agency for approval",
            description = "Records a send-requested audit event, which the approval route acts on. A passport"
                    + " in changes-requested or rejected goes back to draft first. Other statuses answer 409.")
    ApiController.PassportSummary send(@PathVariable long id, Principal user) {
        PassportRecord passport = editor.requestSend(id, user.getName());
        return ApiController.PassportSummary.of(passport);
    }
}
