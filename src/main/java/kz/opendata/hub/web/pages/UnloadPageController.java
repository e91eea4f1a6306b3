package kz.opendata.hub.web.pages;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.Criteria;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.UnloadRecord;
import kz.opendata.hub.store.UnloadRepository;
import kz.opendata.hub.web.AnalysisReports;
import kz.opendata.hub.web.FindingService;
import kz.opendata.hub.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The list of unloads and the page of one unload with its analysis and findings. */
@Controller
class UnloadPageController {

    private static final int LIST_LIMIT = 200;

    private final UnloadRepository unloads;
    private final PassportRepository passports;
    private final AgencyRegistry agencies;
    private final AnalysisReports reports;
    private final FindingService findings;
    private final AuditLog audit;

    UnloadPageController(
            UnloadRepository unloads,
            PassportRepository passports,
            AgencyRegistry agencies,
            AnalysisReports reports,
            FindingService findings,
            AuditLog audit) {
        this.unloads = unloads;
        this.passports = passports;
        this.agencies = agencies;
        this.reports = reports;
        this.findings = findings;
        this.audit = audit;
    }

    @GetMapping("/unloads")
    String list(@RequestParam(required = false) String agency, Model model) {
        List<UnloadRecord> list =
                agency == null || agency.isBlank() ? unloads.latest(LIST_LIMIT) : unloads.forAgency(agency, LIST_LIMIT);
        model.addAttribute("unloads", list);
        model.addAttribute(
                "agency", agency == null ? null : agencies.find(agency).orElse(null));
        return "unloads";
    }

    @GetMapping("/unloads/{id}")
    String unload(@PathVariable long id, Model model) {
        UnloadRecord unload = unloads.find(id).orElseThrow(() -> new NotFoundException("unload", id));
        model.addAttribute("unload", unload);
        model.addAttribute("agency", agencies.find(unload.agencyCode()).orElse(null));
        AnalysisReport report = reports.of(unload).orElse(null);
        model.addAttribute("report", report);
        model.addAttribute("criteria", criteria(report));
        model.addAttribute("delimiterName", delimiterName(report));
        model.addAttribute("findings", findings.findings(id));
        model.addAttribute("decisions", List.of("excluded", "publish"));
        model.addAttribute("passports", passports.findByUnload(id));
        model.addAttribute("audit", audit.forSubject("unload", id));
        return "unload";
    }

    /** Lists the four criteria in the order of the rules, leaving out those the report does not give. */
    static List<CriterionRow> criteria(AnalysisReport report) {
        if (report == null || report.criteria() == null) {
            return List.of();
        }
        Criteria criteria = report.criteria();
        List<CriterionRow> rows = new ArrayList<>();
        rows.add(new CriterionRow("restrictedData", criteria.restrictedData()));
        rows.add(new CriterionRow("demand", criteria.demand()));
        rows.add(new CriterionRow("readiness", criteria.readiness()));
        rows.add(new CriterionRow("publishedNotMachineReadable", criteria.publishedNotMachineReadable()));
        rows.removeIf(row -> row.criterion() == null);
        return rows;
    }

    /** Names the delimiter for people: tab, comma, semicolon, pipe, or the character itself. */
    static String delimiterName(AnalysisReport report) {
        if (report == null || report.source() == null || report.source().delimiter() == null) {
            return null;
        }
        String delimiter = report.source().delimiter();
        return switch (delimiter) {
            case "\t" -> "tab";
            case "," -> "comma";
            case ";" -> "semicolon";
            case "|" -> "pipe";
            default -> delimiter;
        };
    }

    @PostMapping("/unloads/{id}/findings/{columnIndex}/resolution")
    String resolve(
            @PathVariable long id,
            @PathVariable int columnIndex,
            @RequestParam String decision,
            @RequestParam String reason,
            Principal user,
            RedirectAttributes redirect) {
        findings.resolve(id, columnIndex, decision, reason, user.getName());
        redirect.addFlashAttribute("notice", "notice.finding-resolved");
        return "redirect:/unloads/" + id + "#finding-" + columnIndex;
    }

    /** One criterion of the rules with its outcome for this unload. */
    public record CriterionRow(String name, Criteria.Criterion criterion) {}
}
