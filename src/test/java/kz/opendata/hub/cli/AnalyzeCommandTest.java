package kz.opendata.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import kz.opendata.hub.analysis.UnreadableUnloadException;
import kz.opendata.hub.passport.TestUnloads;
import kz.opendata.hub.passport.TestUnloads.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class AnalyzeCommandTest {

    static final String HOSPICES = "src/test/resources/passport/hospices.csv";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Table table;
    private FakeAnalysisService analysis;
    private Path dir;

    @BeforeEach
    void setUp(TestInfo test) throws IOException {
        table = TestUnloads.hospices();
        analysis = new FakeAnalysisService(table, TestUnloads.hospicesReport(table));
        dir = Path.of(
                "target",
                "analyze-command-test",
                test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void writesAnalysisPassportAndDataPackage() throws Exception {
        int status = run("analyze", HOSPICES, "--out", dir.toString());

        assertThat(status).isZero();
        JsonNode analysisJson =
                new ObjectMapper().readTree(dir.resolve("analysis.json").toFile());
        assertThat(analysisJson.get("rowCount").asLong()).isEqualTo(8);
        assertThat(analysisJson.get("verdict").asText()).isEqualTo("candidate-without-restricted-columns");
        JsonNode passport =
                new ObjectMapper().readTree(dir.resolve("passport.json").toFile());
        assertThat(passport.get("id").asText()).isEqualTo("hospices");
        assertThat(passport.get("attributes")).hasSize(7);
        JsonNode dataPackage =
                new ObjectMapper().readTree(dir.resolve("datapackage.json").toFile());
        assertThat(dataPackage.get("resources").get(0).get("path").asText()).isEqualTo("data.csv");
        assertThat(dir.resolve("passport.html")).isRegularFile();
        assertThat(dir.resolve("passport.pdf")).isRegularFile();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void printsWrittenFiles() throws Exception {
        run("analyze", HOSPICES, "--out", dir.toString());

        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        dir.resolve("analysis.json").toString(),
                        dir.resolve("passport.json").toString(),
                        dir.resolve("datapackage.json").toString(),
                        dir.resolve("passport.html").toString(),
                        dir.resolve("passport.pdf").toString());
    }

    @Test
    void passesFileNameAndClosesTable() throws Exception {
        run("analyze", HOSPICES, "--out", dir.toString());

        assertThat(analysis.analysedNames()).containsExactly("hospices.csv");
        assertThat(analysis.openedReaders())
                .singleElement()
                .satisfies(reader -> assertThat(reader.isClosed()).isTrue());
    }

    @Test
    void appliesLanguageAndAgencyOptions() throws Exception {
        int status = run("analyze", HOSPICES, "--out=" + dir, "--lang", "kk", "--agency", "mos-zdrav");

        assertThat(status).isZero();
        assertThat(Files.readString(dir.resolve("passport.html"))).contains("<html lang=\"kk\">");
        JsonNode passport =
                new ObjectMapper().readTree(dir.resolve("passport.json").toFile());
        assertThat(passport.get("id").asText()).isEqualTo("mos-zdrav-hospices");
        assertThat(passport.get("general").get("supplier").get("code").asText()).isEqualTo("mos-zdrav");
    }

    @Test
    void printsUsageForHelp() {
        int status = run("analyze", "--help");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("analyze FILE --out DIR");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void usageNamesLauncher() {
        System.setProperty(AnalyzeArguments.COMMAND_PROPERTY, "/opt/hub/bin/analyze");
        try {
            run("analyze", "--help");
        } finally {
            System.clearProperty(AnalyzeArguments.COMMAND_PROPERTY);
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: /opt/hub/bin/analyze FILE --out DIR");
    }

    @Test
    void usageNamesJarByDefault() {
        run("analyze", "--help");

        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("Usage: java -jar opendata-hub.jar analyze FILE --out DIR")
                .contains("JSON", "DBF", "ZIP");
    }

    @Test
    void rejectsMissingOutFolder() {
        int status = run("analyze", HOSPICES);

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("analyze: --out DIR is missing")
                .contains("Usage:");
        assertThat(analysis.analysedNames()).isEmpty();
    }

    @Test
    void rejectsUnknownOption() {
        int status = run("analyze", HOSPICES, "--out", dir.toString(), "--fast");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("analyze: unknown option '--fast'");
    }

    @Test
    void rejectsUnknownLanguage() {
        int status = run("analyze", HOSPICES, "--out", dir.toString(), "--lang", "de");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("analyze: unknown language 'de'");
    }

    @Test
    void rejectsSecondFile() {
        int status = run("analyze", HOSPICES, HOSPICES, "--out", dir.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("analyze: expected one FILE");
    }

    @Test
    void reportsMissingFileOnOneLine() {
        int status = run("analyze", "src/test/resources/passport/no-such-unload.csv", "--out", dir.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("analyze: cannot read src/test/resources/passport/no-such-unload.csv: file not found"
                        + System.lineSeparator());
        assertThat(dir).doesNotExist();
    }

    @Test
    void reportsFolderGivenAsFile() {
        int status = run("analyze", "src/test/resources/passport", "--out", dir.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not a regular file");
    }

    @Test
    void reportsUnreadableUnloadOnOneLine() {
        analysis = FakeAnalysisService.failing(new UnreadableUnloadException(
                "hospices.csv: no header row in the first 50 rows;\nsend the table with its header"));

        int status = run("analyze", HOSPICES, "--out", dir.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("analyze: cannot read " + HOSPICES
                        + ": hospices.csv: no header row in the first 50 rows; send the table with its header"
                        + System.lineSeparator());
    }

    @Test
    void returnsOneOnUnexpectedFailure() {
        analysis = FakeAnalysisService.failing(new IllegalStateException("profiler bug"));

        int status = run("analyze", HOSPICES, "--out", dir.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("analysing").contains("profiler bug");
    }

    @Test
    void returnsOneWhenOutIsFile() throws Exception {
        Files.createDirectories(dir.getParent());
        Files.writeString(dir, "not a folder");

        int status = run("analyze", HOSPICES, "--out", dir.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("writing the documents");
    }

    @Test
    void showsProgressOnTerminal() throws Exception {
        AtomicLong clock = new AtomicLong();
        long size = Files.size(Path.of(HOSPICES));
        analysis.reportingProgress(step -> clock.addAndGet(1_500_000_000L), size / 4, size / 2, size);
        AnalyzeCommand command = new AnalyzeCommand(stream(out), stream(err), analysis, () -> true, clock::get, false);

        int status = command.run(new String[] {"analyze", HOSPICES, "--out", dir.toString()});

        assertThat(status).isZero();
        // Steps at 1.5 s (too early), 3 s and 4.5 s: two lines, then the line is cleared.
        String progress = err.toString(StandardCharsets.UTF_8);
        assertThat(progress)
                .doesNotContain("25%")
                .contains("\ranalyze: 50% read")
                .contains("\ranalyze: 100% read");
        assertThat(progress).endsWith("\r").doesNotContain("\n");
    }

    private int run(String... args) {
        return new AnalyzeCommand(stream(out), stream(err), analysis).run(args);
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
