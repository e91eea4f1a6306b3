package kz.opendata.hub.web.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.passport.PassportDiff;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.PublicationRepository;
import kz.opendata.hub.web.ApprovalTimeline;
import kz.opendata.hub.web.NotFoundException;
import kz.opendata.hub.web.PassportEditor;
import kz.opendata.hub.web.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The list of passports and the page of one passport: editor, versions, approval, publication. */
@Controller
class PassportPageController {

    private static final int LIST_LIMIT = 200;
    private static final List<String> GEOMETRY_TYPES = List.of("point", "line", "polygon");
    private static final List<String> BINDING_TYPES = List.of("address", "coordinates", "territorial-code");
    private static final List<String> FREQUENCIES =
            List.of("daily", "weekly", "monthly", "quarterly", "half-yearly", "yearly", "as-needed");

    private final PassportRepository passports;
    private final PublicationRepository publications;
    private final AgencyRegistry agencies;
    private final PassportEditor editor;
    private final ApprovalTimeline timeline;
    private final AuditLog audit;
    private final ObjectMapper json;

    PassportPageController(
            PassportRepository passports,
            PublicationRepository publications,
            AgencyRegistry agencies,
            PassportEditor editor,
            ApprovalTimeline timeline,
            AuditLog audit,
            ObjectMapper json) {
        this.passports = passports;
        this.publications = publications;
        this.agencies = agencies;
        this.editor = editor;
        this.timeline = timeline;
        this.audit = audit;
        this.json = json;
    }

    @GetMapping("/passports")
    String list(@RequestParam(required = false) String status, Model model) {
        List<PassportRecord> list =
                status == null || status.isBlank() ? passports.latest(LIST_LIMIT) : passports.findByStatus(status);
        model.addAttribute("passports", list);
        model.addAttribute("status", status);
        return "passports";
    }

    @GetMapping("/passports/{id}")
    String passport(
            @PathVariable long id,
            @RequestParam(required = false) Long compare,
            Model model,
            Locale locale,
            Authentication user) {
        PassportRecord passport = find(id);
        PassportView view = PassportView.of(read(passport));
        List<PassportRecord> versions = passports.findByUnload(passport.unloadId());
        PassportRecord other = compare != null ? find(compare) : previous(versions, passport);
        model.addAttribute("passport", passport);
        model.addAttribute("view", view);
        model.addAttribute("title", view.title(locale.getLanguage()));
        model.addAttribute("agency", agencies.find(passport.agencyCode()).orElse(null));
        boolean editable = PassportEditor.isEditable(passport);
        model.addAttribute("editable", editable);
        model.addAttribute("canEdit", editable && hasRole(user, Role.ANALYST));
        model.addAttribute("versions", versions);
        model.addAttribute("compared", other);
        model.addAttribute("diff", other == null ? List.of() : PassportDiff.between(read(other), read(passport)));
        model.addAttribute("timeline", timeline.of(id));
        model.addAttribute("publications", publications.forPassport(id));
        model.addAttribute("audit", audit.forSubject("passport", id));
        model.addAttribute("languages", PassportForm.LANGUAGES);
        model.addAttribute("frequencies", FREQUENCIES);
        model.addAttribute("geometryTypes", GEOMETRY_TYPES);
        model.addAttribute("bindingTypes", BINDING_TYPES);
        return "passport";
    }

    @PostMapping("/passports/{id}/edit")
    String edit(
            @PathVariable long id,
            @RequestParam MultiValueMap<String, String> form,
            Principal user,
            RedirectAttributes redirect) {
        JsonNode patch = PassportForm.toPatch(read(find(id)), form);
        List<PassportDiff.Change> changes = editor.edit(id, patch, user.getName());
        redirect.addFlashAttribute("notice", changes.isEmpty() ? "notice.passport-unchanged" : "notice.passport-saved");
        return "redirect:/passports/" + id;
    }

    @PostMapping("/passports/{id}/send")
    String send(@PathVariable long id, Principal user, RedirectAttributes redirect) {
        editor.requestSend(id, user.getName());
        redirect.addFlashAttribute("notice", "notice.send-requested");
        return "redirect:/passports/" + id + "#timeline";
    }

    private static boolean hasRole(Authentication user, Role role) {
        return user.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + role.name()).equals(authority.getAuthority()));
    }

    private PassportRecord find(long id) {
        return passports.find(id).orElseThrow(() -> new NotFoundException("passport", id));
    }

    private static PassportRecord previous(List<PassportRecord> versions, PassportRecord passport) {
        return versions.stream()
                .filter(other -> other.version() < passport.version())
                .reduce((first, second) -> second)
                .orElse(null);
    }

    private JsonNode read(PassportRecord passport) {
        try {
            return json.readTree(passport.passportJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Passport " + passport.id() + ": the stored document is not valid JSON", e);
        }
    }
}
