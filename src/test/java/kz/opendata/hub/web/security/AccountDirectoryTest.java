package kz.opendata.hub.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import kz.opendata.hub.web.security.SecurityProperties.Account;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class AccountDirectoryTest {

    private static final BCryptPasswordEncoder ENCODER = new BCryptPasswordEncoder(4);
    private static final String HASH = ENCODER.encode("account-test-password");

    @Test
    void plainPasswordOutsideDemoIsRejected() {
        var properties = accounts(new Account("analyst", null, "analyst-demo", List.of(Role.ANALYST)));

        assertThatThrownBy(() -> new AccountDirectory(properties, new MockEnvironment(), ENCODER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hub.security.users[0] (analyst)")
                .hasMessageContaining("only in the demo profile")
                .hasMessageNotContaining("analyst-demo");
    }

    @Test
    void plainPasswordInDemoIsHashed() {
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        var properties = accounts(new Account("analyst", null, "analyst-demo", List.of(Role.ANALYST)));

        AccountDirectory directory = new AccountDirectory(properties, demo, ENCODER);

        String stored = directory.users().get(0).getPassword();
        assertThat(stored).startsWith("$2a$");
        assertThat(ENCODER.matches("analyst-demo", stored)).isTrue();
        assertThat(directory.isDemo()).isTrue();
    }

    @Test
    void bcryptHashWithPrefixIsAccepted() {
        var properties = accounts(new Account("admin", "{bcrypt}" + HASH, null, List.of(Role.ADMIN)));

        AccountDirectory directory = new AccountDirectory(properties, new MockEnvironment(), ENCODER);

        assertThat(directory.users().get(0).getPassword()).isEqualTo(HASH);
        assertThat(directory.users().get(0).getAuthorities())
                .extracting(Object::toString)
                .containsExactly("ROLE_ADMIN");
    }

    @Test
    void hashThatIsNotBcryptIsRejected() {
        var properties = accounts(
                new Account("admin", HASH, null, List.of(Role.ADMIN)),
                new Account("reader", "5f4dcc3b5aa765d61d8327deb882cf99", null, List.of(Role.AUTHORITY)));

        assertThatThrownBy(() -> new AccountDirectory(properties, new MockEnvironment(), ENCODER))
                .hasMessageContaining("hub.security.users[1] (reader)")
                .hasMessageContaining("not a bcrypt hash");
    }

    @Test
    void accountWithoutPasswordIsRejected() {
        var properties = accounts(new Account("admin", null, null, List.of(Role.ADMIN)));

        assertThatThrownBy(() -> new AccountDirectory(properties, new MockEnvironment(), ENCODER))
                .hasMessageContaining("password-hash is missing");
    }

    @Test
    void duplicateUserNameIsRejected() {
        var properties = accounts(
                new Account("admin", HASH, null, List.of(Role.ADMIN)),
                new Account("admin", HASH, null, List.of(Role.ANALYST)));

        assertThatThrownBy(() -> new AccountDirectory(properties, new MockEnvironment(), ENCODER))
                .hasMessageContaining("appears twice");
    }

    @Test
    void accountBindsFromEnvironmentVariables() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of(
                                "HUB_SECURITY_USERS_0_USERNAME", "ops",
                                "HUB_SECURITY_USERS_0_PASSWORDHASH", HASH,
                                "HUB_SECURITY_USERS_0_ROLES", "ANALYST,ADMIN")));

        Binder binder = new Binder(ConfigurationPropertySources.get(environment));
        SecurityProperties bound =
                binder.bind("hub.security", SecurityProperties.class).get();

        assertThat(bound.users()).hasSize(1);
        assertThat(bound.users().get(0).username()).isEqualTo("ops");
        assertThat(bound.users().get(0).passwordHash()).isEqualTo(HASH);
        assertThat(bound.users().get(0).roles()).containsExactly(Role.ANALYST, Role.ADMIN);
    }

    private static SecurityProperties accounts(Account... accounts) {
        return new SecurityProperties(List.of(accounts));
    }
}
