package kz.opendata.hub.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import kz.opendata.hub.web.security.AccountDirectory;
import kz.opendata.hub.web.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Accounts and dashboard settings, for the ADMIN role. Never returns a password or a hash. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "admin", description = "Accounts and settings; needs the ADMIN role")
class AdminApiController {

    private final AccountDirectory accounts;
    private final DashboardProperties dashboard;

    AdminApiController(AccountDirectory accounts, DashboardProperties dashboard) {
        this.accounts = accounts;
        this.dashboard = dashboard;
    }

    @GetMapping("/settings")
    @Operation(summary = "Configured accounts (names and roles) and dashboard settings")
    Settings settings() {
        List<AccountView> views = accounts.accounts().stream()
                .map(account -> new AccountView(account.username(), account.roles()))
                .toList();
        return new Settings(views, dashboard.lateAfterDays(), accounts.isDemo());
    }

    record AccountView(String username, List<Role> roles) {}

    record Settings(List<AccountView> accounts, int lateAfterDays, boolean demoProfile) {}
}
