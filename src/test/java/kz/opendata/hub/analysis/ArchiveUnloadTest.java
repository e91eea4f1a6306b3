package kz.opendata.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveUnloadTest {

    private static final String TABLE = "Регион;Год;Население\nАбай;2022;607495\nҰлытау;2022;221014\n";

    @TempDir
    Path dir;

    private final AnalysisService service = new AnalysisService();

    @Test
    void analysesTableInsideZip() throws IOException, NoSuchAlgorithmException {
        Path file = zip("unload.zip", "выгрузка/население.csv", TABLE);

        AnalysisReport report = service.analyze(file, "unload.zip");

        assertThat(report.source().fileName()).isEqualTo("unload.zip");
        assertThat(report.source().entry()).isEqualTo("выгрузка/население.csv");
        assertThat(report.source().format()).isEqualTo("csv");
        assertThat(report.source().sizeBytes()).isEqualTo(Files.size(file));
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertThat(report.source().sha256()).isEqualTo(sha256);
        assertThat(report.rowCount()).isEqualTo(2);
        try (TableReader table = service.openTable(file, report.source())) {
            assertThat(table.header()).containsExactly("Регион", "Год", "Население");
            assertThat(table.next()).containsExactly("Абай", "2022", "607495");
        }
    }

    @Test
    void listsOtherTablesOfZip() throws IOException {
        Path file = dir.resolve("two.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            entry(zip, "a.csv", TABLE);
            entry(zip, "b.csv", TABLE);
            entry(zip, "readme.pdf", "%PDF-1.4");
        }

        AnalysisReport report = service.analyze(file, "two.zip");

        assertThat(report.source().entry()).isEqualTo("a.csv");
        assertThat(report.problems())
                .filteredOn(p -> p.code().equals("other-entries"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'b.csv'").doesNotContain("readme.pdf"));
    }

    @Test
    void analysesGzipTable() throws IOException {
        Path file = dir.resolve("population.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(TABLE.getBytes(StandardCharsets.UTF_8));
        }

        AnalysisReport report = service.analyze(file, "population.csv.gz");

        assertThat(report.source().entry()).isEqualTo("population.csv");
        assertThat(report.source().delimiter()).isEqualTo(";");
        assertThat(report.rowCount()).isEqualTo(2);
    }

    @Test
    void rejectsEntryClimbingOutOfArchive() throws IOException {
        Path file = zip("evil.zip", "../../etc/cron.d/table.csv", TABLE);

        assertThatThrownBy(() -> service.analyze(file, "evil.zip"))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("evil.zip")
                .hasMessageContaining("points outside the archive");
    }

    @Test
    void rejectsArchiveBomb() throws IOException {
        // 20 MiB of zeros deflate to about 20 KiB, a ratio near 1000, far above the limit of 200.
        Path file = dir.resolve("bomb.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("table.csv"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 20; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }

        assertThatThrownBy(() -> service.analyze(file, "bomb.zip"))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("bomb.zip")
                .hasMessageContaining("archive bomb");
    }

    @Test
    void rejectsArchiveWithTooManyEntries() throws IOException {
        AnalysisSettings defaults = AnalysisSettings.defaults();
        AnalysisService strict = new AnalysisService(new AnalysisSettings(
                defaults.headerScanRows(),
                defaults.exactDistinctLimit(),
                defaults.topValues(),
                defaults.evidenceSamples(),
                defaults.columnHintsFile(),
                3,
                defaults.maxExpandedBytes(),
                defaults.maxCompressionRatio(),
                defaults.maxCellLength(),
                defaults.maxLineBytes(),
                defaults.maxJsonDepth()));
        Path file = dir.resolve("many.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int i = 1; i <= 4; i++) {
                entry(zip, "part" + i + ".csv", TABLE);
            }
        }

        assertThatThrownBy(() -> strict.analyze(file, "many.zip"))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("more than 3 entries");
    }

    @Test
    void rejectsZipWithoutTable() throws IOException {
        Path file = zip("docs.zip", "letter.pdf", "%PDF-1.4");

        assertThatThrownBy(() -> service.analyze(file, "docs.zip"))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("contains no table");
    }

    /** An archive without entries is 22 bytes of end record, which does not start like an entry. */
    @Test
    void rejectsEmptyZip() throws IOException {
        Path file = dir.resolve("empty.zip");
        new ZipOutputStream(Files.newOutputStream(file)).close();

        assertThat(Files.size(file)).isEqualTo(22);
        assertThatThrownBy(() -> service.analyze(file, "empty.zip"))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("empty.zip: the ZIP archive contains no table");
    }

    private Path zip(String name, String entry, String text) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            entry(zip, entry, text);
        }
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
