package kz.opendata.hub.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import kz.opendata.hub.HubApplication;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Starts the whole hub once for all end-to-end tests: real routes from routes/, the embedded
 * GreenMail SMTP and IMAP server on free loopback ports, an H2 database and data folders under
 * target/e2e. Tests share the context, so each test uses its own agency or file.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class EndToEndTestBase {

    static final Path DATA = Path.of("target", "e2e", "data").toAbsolutePath();
    static final Path SAMPLES = Path.of("samples").toAbsolutePath();
    static final int SMTP_PORT = freePort();
    static final int IMAP_PORT = freePort();

    static {
        deleteTree(DATA);
    }

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", DATA::toString);
        registry.add("hub.mail.smtp.port", () -> SMTP_PORT);
        registry.add("hub.mail.imap.port", () -> IMAP_PORT);
        registry.add("hub.mail.imap.poll-delay-ms", () -> 300);
        registry.add("hub.intake.poll-delay-ms", () -> 200);
        registry.add("hub.intake.stable-for-ms", () -> 300);
        registry.add("hub.intake.read-lock-timeout-ms", () -> 3000);
        registry.add("hub.publication.schedule", () -> "0/1 * * * * ?");
    }

    /** Drops a sample the way an agency's copy tool does: a temporary name, then a rename. */
    static Path drop(String agencyFolder, String sample, String asName) throws IOException {
        Path folder = Files.createDirectories(DATA.resolve("drop").resolve(agencyFolder));
        Path partial = folder.resolve(asName + ".part");
        Files.copy(SAMPLES.resolve(sample), partial, StandardCopyOption.REPLACE_EXISTING);
        return Files.move(partial, folder.resolve(asName), StandardCopyOption.ATOMIC_MOVE);
    }

    static Path dropBytes(String agencyFolder, String name, byte[] content) throws IOException {
        Path folder = Files.createDirectories(DATA.resolve("drop").resolve(agencyFolder));
        Path partial = folder.resolve(name + ".part");
        Files.write(partial, content);
        return Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
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
