package kz.opendata.hub.web;

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
 * Settings every web test context needs: its own data folder under target/, free ports for the
 * embedded mail server, no publication run during the test, and three accounts, one per role,
 * configured with bcrypt hashes as in production.
 */
final class WebTestSupport {

    static final String ANALYST = "test-analyst";
    static final String ADMIN = "test-admin";
    static final String AUTHORITY = "test-authority";
    static final String PASSWORD = "web-test-password";

    private WebTestSupport() {}

    static void register(DynamicPropertyRegistry registry, Class<?> testClass) {
        Path data = Path.of("target", "web-tests", testClass.getSimpleName()).toAbsolutePath();
        deleteTree(data);
        registry.add("hub.data-dir", data::toString);
        int smtpPort = freePort();
        int imapPort = freePort();
        registry.add("hub.mail.smtp.port", () -> smtpPort);
        registry.add("hub.mail.imap.port", () -> imapPort);
        // A cron expression for a year far ahead keeps the publication job out of the test.
        registry.add("hub.publication.schedule", () -> "0 0 0 1 1 ? 2099");
    }

    static void registerAccounts(DynamicPropertyRegistry registry) {
        // Cost 4 keeps hashing fast in tests; the format is the one production uses.
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        String[][] accounts = {{ANALYST, "ANALYST"}, {ADMIN, "ADMIN"}, {AUTHORITY, "AUTHORITY"}};
        for (int i = 0; i < accounts.length; i++) {
            String prefix = "hub.security.users[" + i + "].";
            String[] account = accounts[i];
            registry.add(prefix + "username", () -> account[0]);
            registry.add(prefix + "password-hash", () -> hash);
            registry.add(prefix + "roles", () -> account[1]);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) {
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
