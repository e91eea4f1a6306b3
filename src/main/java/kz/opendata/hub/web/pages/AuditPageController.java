package kz.opendata.hub.web.pages;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.AuditLog.AuditFilter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log, filtered by subject, action, actor and days. */
@Controller
class AuditPageController {

    private static final int LIMIT = 300;
    private static final List<String> SUBJECT_TYPES = List.of("unload", "passport", "file");

    private final AuditLog audit;

    AuditPageController(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * Lists audit events; {@code from} and {@code to} are whole days in the hub's time zone, both
     * included.
     */
    @GetMapping("/audit")
    String audit(
            @RequestParam(required = false) String subjectType,
            @RequestParam(required = false) String subjectId,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        AuditFilter filter = new AuditFilter(
                blankToNull(subjectType),
                blankToNull(subjectId),
                blankToNull(action),
                blankToNull(actor),
                startOf(from),
                to == null ? null : startOf(to.plusDays(1)));
        model.addAttribute("events", audit.search(filter, LIMIT));
        model.addAttribute("limit", LIMIT);
        model.addAttribute("actions", audit.actions());
        model.addAttribute("subjectTypes", SUBJECT_TYPES);
        model.addAttribute("filter", filter);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "audit";
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
