package kz.opendata.hub.web.security;

import java.util.stream.Collectors;
import kz.opendata.hub.web.security.SecurityProperties.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prints the demo accounts once the hub is up, so a first-time user of the {@code demo} profile
 * can sign in. Passwords are printed only for accounts that the demo profile configures in plain
 * text; hashed accounts are listed without one.
 */
@Component
class DemoAccountsBanner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoAccountsBanner.class);

    private final AccountDirectory accounts;

    DemoAccountsBanner(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void printDemoAccounts() {
        if (!accounts.isDemo()) {
            return;
        }
        String list = accounts.accounts().stream()
                .map(DemoAccountsBanner::describe)
                .collect(Collectors.joining(System.lineSeparator() + "  "));
        LOG.warn(
                "Demo profile active: these DEMO accounts can sign in; never use the demo profile in"
                        + " production{}  {}",
                System.lineSeparator(),
                list);
    }

    private static String describe(Account account) {
        String password = account.password() == null || account.password().isBlank()
                ? "(password hash configured)"
                : account.password();
        return account.username() + " / " + password + "  roles " + account.roles();
    }
}
