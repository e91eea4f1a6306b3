package kz.opendata.hub.sftp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import kz.opendata.hub.agency.AgencyRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the SFTP routes of each agency with an sftp block in the agency registry, once Camel
 * has loaded the route templates: {@code sftp-intake-<code>} from the {@code sftp-intake}
 * template and, when the agency has an outbox folder, {@code survey-dispatch-outbox-<code>}.
 *
 * <p>An agency whose known_hosts file or secret is missing gets no route and a not-started state
 * that says what to set; the other agencies' routes start as usual.
 */
@Component
class SftpRouteInstaller implements CamelContextConfiguration {

    static final String INTAKE_ROUTE_PREFIX = "sftp-intake-";
    static final String OUTBOX_ROUTE_PREFIX = "survey-dispatch-outbox-";

    private static final Logger LOG = LoggerFactory.getLogger(SftpRouteInstaller.class);

    private final SftpRegistry registry;
    private final AgencyRegistry agencies;
    private final SftpSecrets secrets;
    private final SftpOutboxes outboxes;
    private final SftpConnectionStatus status;
    private final SftpProperties properties;

    SftpRouteInstaller(
            SftpRegistry registry,
            AgencyRegistry agencies,
            SftpSecrets secrets,
            SftpOutboxes outboxes,
            SftpConnectionStatus status,
            SftpProperties properties) {
        this.registry = registry;
        this.agencies = agencies;
        this.secrets = secrets;
        this.outboxes = outboxes;
        this.status = status;
        this.properties = properties;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // Routes are created after start, when the YAML templates are loaded.
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        for (SftpSettings settings : registry.all()) {
            try {
                install(camelContext, settings);
            } catch (Exception e) {
                fail(settings, "its SFTP route could not be created: " + e.getMessage());
            }
        }
    }

    private void install(CamelContext camel, SftpSettings settings) throws Exception {
        String code = settings.agencyCode();
        Optional<String> problem = configurationProblem(settings);
        if (problem.isPresent()) {
            fail(settings, problem.get());
            return;
        }
        String secretRef = bindSecret(camel, settings);
        TemplatedRouteBuilder intake = TemplatedRouteBuilder.builder(camel, "sftp-intake")
                .routeId(INTAKE_ROUTE_PREFIX + code)
                .parameter("cron", settings.cron() == null ? properties.cron() : settings.cron())
                .parameter("timeZone", properties.timeZone())
                .parameter("stableForMs", properties.stableForMs())
                .parameter("stableTimeoutMs", properties.stableTimeoutMs())
                .parameter("doneFolder", properties.doneFolder())
                .parameter("directory", settings.directory());
        connection(intake, settings, secretRef).add();
        LOG.info(
                "SFTP intake route {} polls {} on cron '{}'",
                INTAKE_ROUTE_PREFIX + code,
                settings.address(),
                settings.cron() == null ? properties.cron() : settings.cron());
        if (settings.outboxDirectory() != null) {
            TemplatedRouteBuilder outbox = TemplatedRouteBuilder.builder(camel, "survey-dispatch-outbox")
                    .routeId(OUTBOX_ROUTE_PREFIX + code)
                    .parameter("outboxDirectory", settings.outboxDirectory());
            connection(outbox, settings, secretRef).add();
            outboxes.markInstalled(code);
        }
    }

    private TemplatedRouteBuilder connection(TemplatedRouteBuilder builder, SftpSettings settings, String secretRef) {
        builder.parameter("agencyCode", settings.agencyCode())
                .parameter("host", settings.host())
                .parameter("port", settings.port())
                .parameter("username", settings.username())
                .parameter(
                        "knownHostsFile",
                        settings.knownHostsFile().toAbsolutePath().toString())
                .parameter("connectTimeoutMs", properties.connectTimeoutMs());
        return builder.parameter(settings.passwordEnv() != null ? "password" : "privateKey", "#bean:" + secretRef);
    }

    /** Puts the secret into Camel's registry, so endpoint URIs hold a bean reference instead of the secret. */
    private String bindSecret(CamelContext camel, SftpSettings settings) {
        boolean password = settings.passwordEnv() != null;
        String value = secrets.lookup(password ? settings.passwordEnv() : settings.privateKeyEnv())
                .orElseThrow();
        String name = (password ? "sftp-password-" : "sftp-private-key-") + settings.agencyCode();
        camel.getRegistry().bind(name, password ? value : value.getBytes(StandardCharsets.UTF_8));
        return name;
    }

    private Optional<String> configurationProblem(SftpSettings settings) {
        String code = settings.agencyCode();
        if (agencies.find(code).isEmpty()) {
            return Optional.of("agency " + code + " has an sftp block but is not a valid registry entry");
        }
        if (!Files.isRegularFile(settings.knownHostsFile())) {
            return Optional.of("known_hosts file " + settings.knownHostsFile().toAbsolutePath() + " not found; create"
                    + " it with the server's verified host key, for example ssh-keyscan -p " + settings.port() + " "
                    + settings.host() + " > " + settings.knownHostsFile() + " after checking the fingerprint with the"
                    + " agency");
        }
        String env = settings.passwordEnv() != null ? settings.passwordEnv() : settings.privateKeyEnv();
        if (secrets.lookup(env).isEmpty()) {
            String what = settings.passwordEnv() != null ? "password" : "private key";
            return Optional.of("environment variable " + env + " is not set; set it to the " + what
                    + " of SFTP account '" + settings.username() + "' and restart the hub");
        }
        return Optional.empty();
    }

    private void fail(SftpSettings settings, String reason) {
        String message = "SFTP intake of agency " + settings.agencyCode() + " is not running: " + reason;
        status.notStarted(settings.agencyCode(), new SftpProblem(SftpProblem.NOT_CONFIGURED, message));
        outboxes.markUnavailable(settings.agencyCode(), reason);
    }
}
