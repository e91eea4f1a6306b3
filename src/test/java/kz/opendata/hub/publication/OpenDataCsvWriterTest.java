package kz.opendata.hub.publication;

import static kz.opendata.hub.publication.PublicationFixtures.report;
import static kz.opendata.hub.publication.PublicationFixtures.rows;
import static kz.opendata.hub.publication.PublicationFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.opendata.hub.analysis.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenDataCsvWriterTest {

    /** The expected file for the fixture rows without the IIN and phone columns, written by hand. */
    private static final String EXPECTED = "nazvanie,primechanie,mest\r\n"
            + "Детский сад «Солнышко»,\"'=HYPERLINK(\"\"http://x\"\")\",120\r\n"
            + "\"Қарағанды балабақшасы, №5\",-12.5,-3\r\n"
            + "Ұлытау «Күншуақ»,'@cmd,95\r\n"
            + "\"Сад \"\"Берёзка\"\"\nкорпус 2\",'\tTAB,\r\n";

    /** SHA-256 of {@link #EXPECTED} in UTF-8, computed with the coreutils sha256sum command. */
    private static final String EXPECTED_SHA256 = "c0860843b17e897c49a0b235ed4e0dd4ac19b708d92a95a6670d984ce4568c1f";

    @TempDir
    Path dir;

    private final OpenDataCsvWriter writer = new OpenDataCsvWriter();

    @Test
    void writesExpectedBytesAndHash() throws IOException {
        Path target = dir.resolve("data.csv");

        CsvWriteResult result = writer.write(table(rows()), report(), Set.of("telefon"), target);

        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo(EXPECTED);
        assertThat(result.sha256()).isEqualTo(EXPECTED_SHA256);
        assertThat(result.sizeBytes()).isEqualTo(EXPECTED.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void leavesOutRestrictedColumn() throws IOException {
        Path target = dir.resolve("data.csv");

        CsvWriteResult result = writer.write(table(rows()), report(), Set.of(), target);

        List<CsvRecord> records = readCsv(target);
        assertThat(records.get(0).getFields()).containsExactly("nazvanie", "primechanie", "telefon", "mest");
        assertThat(result.header()).doesNotContain("iin_zaveduyushchei");
        String content = Files.readString(target, StandardCharsets.UTF_8);
        for (String[] row : rows()) {
            assertThat(content).doesNotContain(row[PublicationFixtures.IIN]);
        }
    }

    @Test
    void rowCountEqualsRowsGiven() throws IOException {
        Path target = dir.resolve("data.csv");

        CsvWriteResult result = writer.write(table(rows()), report(), Set.of(), target);

        int dataRecords = readCsv(target).size() - 1;
        assertThat(dataRecords).isEqualTo(rows().size());
        assertThat(result.rowCount()).isEqualTo(rows().size());
    }

    @Test
    void guardsFormulaCellsButNotNumbers() throws IOException {
        Path target = dir.resolve("data.csv");

        writer.write(table(rows()), report(), Set.of(), target);

        List<CsvRecord> records = readCsv(target);
        assertThat(records.get(1).getField(1)).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(records.get(1).getField(2)).isEqualTo("'+7 727 000 0000");
        assertThat(records.get(2).getField(1)).isEqualTo("-12.5");
        assertThat(records.get(2).getField(3)).isEqualTo("-3");
        assertThat(records.get(3).getField(1)).isEqualTo("'@cmd");
        assertThat(records.get(4).getField(1)).isEqualTo("'\tTAB");
    }

    @Test
    void keepsCyrillicAndKazakhLetters() throws IOException {
        Path target = dir.resolve("data.csv");

        writer.write(table(rows()), report(), Set.of(), target);

        List<CsvRecord> records = readCsv(target);
        assertThat(records.get(1).getField(0)).isEqualTo("Детский сад «Солнышко»");
        assertThat(records.get(2).getField(0)).isEqualTo("Қарағанды балабақшасы, №5");
        assertThat(records.get(3).getField(0)).isEqualTo("Ұлытау «Күншуақ»");
        assertThat(records.get(4).getField(0)).isEqualTo("Сад \"Берёзка\"\nкорпус 2");
    }

    @Test
    void hashEqualsDigestOfWrittenFile() throws Exception {
        Path target = dir.resolve("data.csv");

        CsvWriteResult result = writer.write(table(rows()), report(), Set.of(), target);

        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(target));
        assertThat(result.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(digest));
    }

    @Test
    void streamsManyRows() throws IOException {
        Path target = dir.resolve("data.csv");
        int rowCount = 200_000;

        CsvWriteResult result = writer.write(generated(rowCount), report(), Set.of(), target);

        long lines;
        try (var reader = Files.newBufferedReader(target, StandardCharsets.UTF_8)) {
            lines = reader.lines().count();
        }
        assertThat(lines).isEqualTo(rowCount + 1);
        assertThat(result.rowCount()).isEqualTo(rowCount);
    }

    @Test
    void rejectsTableThatDoesNotMatchReport() {
        TableReader narrow = new TableReader() {
            @Override
            public List<String> header() {
                return List.of("Название");
            }

            @Override
            public String[] next() {
                return null;
            }

            @Override
            public void close() {}
        };

        assertThatThrownBy(() -> writer.write(narrow, report(), Set.of(), dir.resolve("data.csv")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 columns")
                .hasMessageContaining("lists 5");
    }

    @Test
    void guardFormulaKeepsPlainNumbers() {
        assertThat(OpenDataCsvWriter.guardFormula("+7")).isEqualTo("+7");
        assertThat(OpenDataCsvWriter.guardFormula("-0.5e3")).isEqualTo("-0.5e3");
        assertThat(OpenDataCsvWriter.guardFormula("-1+2")).isEqualTo("'-1+2");
        assertThat(OpenDataCsvWriter.guardFormula("\r\n")).isEqualTo("'\r\n");
        assertThat(OpenDataCsvWriter.guardFormula("")).isEmpty();
        assertThat(OpenDataCsvWriter.guardFormula("a=b")).isEqualTo("a=b");
    }

    private static List<CsvRecord> readCsv(Path file) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
            List<CsvRecord> records = new ArrayList<>();
            reader.forEach(records::add);
            return records;
        }
    }

    /** A table of {@code rowCount} rows made on the fly, so the test keeps no row in memory. */
    private static TableReader generated(int rowCount) {
        return new TableReader() {
            private int produced;

            @Override
            public List<String> header() {
                return List.of("a", "b", "c", "d", "e");
            }

            @Override
            public String[] next() {
                if (produced == rowCount) {
                    return null;
                }
                produced++;
                return new String[] {"сад " + produced, "000000000000", "x", "y", Integer.toString(produced)};
            }

            @Override
            public void close() {}
        };
    }
}
