package kz.opendata.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
