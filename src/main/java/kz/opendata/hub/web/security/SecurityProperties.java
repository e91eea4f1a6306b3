package kz.opendata.hub.web.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Accounts that may sign in to the dashboard and the API.
 *
 * <p>From the environment an account is written with indexed names, for example {@code
 * HUB_SECURITY_USERS_0_USERNAME}, {@code HUB_SECURITY_USERS_0_PASSWORDHASH} and {@code
 * HUB_SECURITY_USERS_0_ROLES=ANALYST}.
 */
@Validated
@ConfigurationProperties("hub.security")
public record SecurityProperties(@Valid @DefaultValue List<Account> users) {

    /**
     * One account.
     *
     * @param passwordHash bcrypt hash of the password ({@code $2a$}, {@code $2b$} or {@code $2y$},
     *     optionally prefixed with {@code {bcrypt}})
     * @param password the password in plain text, accepted only in the {@code demo} profile
     */
    public record Account(
            @NotBlank String username,
            String passwordHash,
            String password,
            @NotEmpty List<Role> roles) {}
}
