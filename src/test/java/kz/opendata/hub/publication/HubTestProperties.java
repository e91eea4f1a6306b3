package kz.opendata.hub.publication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Settings of a whole hub started for one test class: its own data folder under target/, the
 * embedded mail server on free loopback ports, fast intake polling, and scheduled publication and
 * overdue runs switched off so the test runs them itself.
 */
public final class HubTestProperties {

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
        registry.add("hub.data-dir", dataDir::toString);
        registry.add("hub.mail.smtp.port", HubTestProperties::freePort);
        registry.add("hub.mail.imap.port", HubTestProperties::freePort);
        registry.add("hub.mail.imap.poll-delay-ms", () -> 300);
        registry.add("hub.intake.poll-delay-ms", () -> 200);
        registry.add("hub.intake.stable-for-ms", () -> 300);
        registry.add("hub.intake.read-lock-timeout-ms", () -> 3000);
        registry.add("hub.publication.schedule", () -> NEVER);
        registry.add("hub.publication.overdue-schedule", () -> NEVER);
        registry.add("hub.publication.hold-notice-schedule", () -> "0/1 * * * * ?");
        registry.add("hub.demand.sync.schedule", () -> NEVER);
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
