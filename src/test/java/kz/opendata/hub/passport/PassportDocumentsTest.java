package kz.opendata.hub.passport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PassportDocumentsTest {

    @Test
    void writesFourDocuments() throws Exception {
        Path dir = Path.of("target", "passport-documents-test", "hospices");
        Passport passport = TestPassports.hospices();

        List<Path> written = new PassportDocuments().writeAll(passport, dir);

        assertThat(written)
                .extracting(path -> path.getFileName().toString())
                .containsExactly("passport.json", "datapackage.json", "passport.html", "passport.pdf");
        assertThat(PassportJson.read(dir.resolve("passport.json"))).isEqualTo(passport);
        assertThat(Files.readString(dir.resolve("datapackage.json"))).contains("\"path\" : \"data.csv\"");
        assertThat(Files.readString(dir.resolve("passport.html"))).contains("<html lang=\"ru\">");
        byte[] pdf = Files.readAllBytes(dir.resolve("passport.pdf"));
        assertThat(new String(Arrays.copyOf(pdf, 5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void replacesEarlierFilesWithoutLeftovers() throws Exception {
        Path dir = Path.of("target", "passport-documents-test", "replaced");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("passport.json"), "old");

        new PassportDocuments().writeAll(TestPassports.population(), Language.KK, dir);

        assertThat(Files.readString(dir.resolve("passport.json"))).startsWith("{");
        assertThat(Files.readString(dir.resolve("passport.html"))).contains("<html lang=\"kk\">");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }
}
