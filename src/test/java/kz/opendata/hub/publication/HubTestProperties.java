package kz.opendata.hub.publication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Settings of a whole hub started for one test class. It gets its own data folder under target/,
 * the embedded mail server on free loopback ports, fast intake polling and an analyst account. The
 * scheduled publication, overdue and demand runs are switched off, so the test runs them itself.
 */
public final class HubTestProperties {

    /** An account with the analyst role, for calls of the REST API. */
    public static final String ANALYST = "publication-test-analyst";

    public static final String ANALYST_PASSWORD = "publication-test-password";

    /** A Quartz cron expression that does not fire before the year 2099. */
    public static final String NEVER = "0 0 0 1 1 ? 2099";

    private HubTestProperties() {}

    /** Returns an empty folder {@code target/<name>/data}, deleting what an earlier run left. */
    public static Path freshDataFolder(String name) {
        Path folder = Path.of("target", name, "data").toAbsolutePath();
        deleteTree(folder);
        return folder;
    }

    public static void register(DynamicPropertyRegistry registry, Path dataDir) {
        int smtpPort = freePort();
        int imapPort = freePort();
        registry.add("hub.data-dir", dataDir::toString);
        registry.add("hub.mail.smtp.port", () -> smtpPort);
        registry.add("hub.mail.imap.port", () -> imapPort);
        registry.add("hub.mail.imap.poll-delay-ms", () -> 300);
        registry.add("hub.intake.poll-delay-ms", () -> 200);
        registry.add("hub.intake.stable-for-ms", () -> 300);
        registry.add("hub.intake.read-lock-timeout-ms", () -> 3000);
        registry.add("hub.publication.schedule", () -> NEVER);
        registry.add("hub.publication.overdue-schedule", () -> NEVER);
        registry.add("hub.publication.hold-notice-schedule", () -> "0/1 * * * * ?");
        registry.add("hub.demand.sync.schedule", () -> NEVER);
        // Cost 4 keeps hashing fast in tests; the format is the one production uses.
        String hash = new BCryptPasswordEncoder(4).encode(ANALYST_PASSWORD);
        registry.add("hub.security.users[0].username", () -> ANALYST);
        registry.add("hub.security.users[0].password-hash", () -> hash);
        registry.add("hub.security.users[0].roles", () -> "ANALYST");
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
