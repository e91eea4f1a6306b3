package kz.opendata.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kz.opendata.hub.HubProperties;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.UnloadRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeServiceTest {

    @TempDir
    Path dir;

    @Test
    void sha256MatchesSha256sum() throws IOException {
        // Digest printed by GNU coreutils' sha256sum for samples/hospices.csv.
        String expected = "835bef9349ad7afda20f5f5fb834e15651916d00f8a1b995bf0c913bed382ef7";

        assertThat(IntakeService.sha256(Path.of("samples", "hospices.csv"))).isEqualTo(expected);
    }

    @Test
    void sha256OfEmptyFileIsTheKnownConstant() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.csv"));

        assertThat(IntakeService.sha256(empty))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void archiveTargetCreatesItsFolder() throws Exception {
        IntakeService intake = new IntakeService(
                new HubProperties(dir, dir.resolve("agencies.yml"), "http://localhost:8080"),
                mock(AgencyRegistry.class),
                mock(UnloadRepository.class),
                mock(AuditLog.class));
        // Eight callers at once stand for hub nodes taking the first files of one agency together.
        // Each must get its target with the folder in place, and none an error.
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> targets = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String storedName = "health-ministry/20261205-031500-00" + i + "-beds.csv";
                targets.add(callers.submit((Callable<String>) () -> intake.archiveTarget(storedName)));
            }
            for (Future<String> target : targets) {
                assertThat(Path.of(target.get()).getParent())
                        .isDirectory()
                        .isEqualTo(dir.resolve("archive")
                                .resolve("health-ministry")
                                .toAbsolutePath());
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
