package kz.opendata.hub.web.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import kz.opendata.hub.web.security.SecurityProperties.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The accounts of {@code hub.security.users}, checked at start-up: every account has a bcrypt
 * hash, or a plain-text password when the {@code demo} profile is active.
 */
@Component
public class AccountDirectory {

    static final String DEMO_PROFILE = "demo";

    private static final Logger LOG = LoggerFactory.getLogger(AccountDirectory.class);
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    private static final String BCRYPT_PREFIX = "{bcrypt}";
    private static final String HASH_HINT = "generate one with: htpasswd -nbBC 12 '' 'PASSWORD' | tr -d ':\\n'";

    private final List<UserDetails> users = new ArrayList<>();
    private final List<Account> accounts;
    private final boolean demo;

    AccountDirectory(SecurityProperties properties, Environment environment, BCryptPasswordEncoder encoder) {
        this.demo = environment.matchesProfiles(DEMO_PROFILE);
        this.accounts = List.copyOf(properties.users());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            Account account = accounts.get(i);
            String where = "hub.security.users[" + i + "] (" + account.username() + ")";
            if (!names.add(account.username())) {
                throw new IllegalStateException(where + ": the user name appears twice; give each account its own");
            }
            users.add(User.withUsername(account.username())
                    .password(hashOf(account, where, encoder))
                    .roles(account.roles().stream().map(Role::name).toArray(String[]::new))
                    .build());
        }
        if (users.isEmpty()) {
            LOG.warn(
                    "No account is configured, so the dashboard and the API refuse every request except"
                            + " /actuator/health. Add accounts under hub.security.users (username, password-hash"
                            + " with a bcrypt hash, roles: ANALYST, ADMIN or AUTHORITY) in config/application.yml or"
                            + " as HUB_SECURITY_USERS_0_USERNAME, HUB_SECURITY_USERS_0_PASSWORDHASH and"
                            + " HUB_SECURITY_USERS_0_ROLES; {}",
                    HASH_HINT);
        } else {
            LOG.info("{} accounts configured", users.size());
        }
    }

    public boolean isEmpty() {
        return users.isEmpty();
    }

    public boolean isDemo() {
        return demo;
    }

    /** User details with bcrypt hashes, for the authentication manager. */
    List<UserDetails> users() {
        return List.copyOf(users);
    }

    /** Returns the configured accounts, demo passwords included; only the demo banner prints those. */
    public List<Account> accounts() {
        return accounts;
    }

    private String hashOf(Account account, String where, BCryptPasswordEncoder encoder) {
        boolean hasHash =
                account.passwordHash() != null && !account.passwordHash().isBlank();
        boolean hasPlain = account.password() != null && !account.password().isBlank();
        if (hasPlain && !demo) {
            throw new IllegalStateException(where + ": a plain-text password is accepted only in the demo"
                    + " profile; set password-hash to a bcrypt hash instead and remove password; " + HASH_HINT);
        }
        if (hasHash) {
            String hash = account.passwordHash().strip();
            hash = hash.startsWith(BCRYPT_PREFIX) ? hash.substring(BCRYPT_PREFIX.length()) : hash;
            if (!BCRYPT.matcher(hash).matches()) {
                throw new IllegalStateException(where + ": password-hash is not a bcrypt hash (it must start"
                        + " with $2a$, $2b$ or $2y$ and be 60 characters long); " + HASH_HINT);
            }
            return hash;
        }
        if (hasPlain) {
            return encoder.encode(account.password());
        }
        throw new IllegalStateException(where + ": password-hash is missing; " + HASH_HINT);
    }
}
