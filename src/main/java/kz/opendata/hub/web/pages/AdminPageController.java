package kz.opendata.hub.web.pages;

import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.web.DashboardProperties;
import kz.opendata.hub.web.security.AccountDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Registry and settings, read-only, for the ADMIN role: agencies, accounts and dashboard settings. */
@Controller
class AdminPageController {

    private final AgencyRegistry agencies;
    private final AccountDirectory accounts;
    private final DashboardProperties dashboard;

    AdminPageController(AgencyRegistry agencies, AccountDirectory accounts, DashboardProperties dashboard) {
        this.agencies = agencies;
        this.accounts = accounts;
        this.dashboard = dashboard;
    }

    @GetMapping("/admin")
    String admin(Model model) {
        model.addAttribute("agencies", agencies.all());
        model.addAttribute("accounts", accounts.accounts());
        model.addAttribute("demo", accounts.isDemo());
        model.addAttribute("lateAfterDays", dashboard.lateAfterDays());
        return "admin";
    }
}
