package kz.opendata.hub.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Own data folder, free mail ports and no publication run for the security tests' contexts. */
final class SecurityTestSupport {

    private SecurityTestSupport() {}

    static void register(DynamicPropertyRegistry registry, Path dataDir) {
        Path data = dataDir.toAbsolutePath();
        deleteTree(data);
        int smtpPort = freePort();
        int imapPort = freePort();
        registry.add("hub.data-dir", data::toString);
        registry.add("hub.mail.smtp.port", () -> smtpPort);
        registry.add("hub.mail.imap.port", () -> imapPort);
        registry.add("hub.publication.schedule", () -> "0 0 0 1 1 ? 2099");
    }

    private static int freePort() {
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
