package kz.opendata.hub.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.opendata.hub.analysis.AnalysisService;
import kz.opendata.hub.cli.AnalyzeCommand;
import kz.opendata.hub.passport.PassportJson;

/**
 * Passport documents drafted from the real unloads in the test corpus by the analyze command, as
 * the hub drafts them, for tests that need a passport without starting the hub.
 */
final class SamplePassports {

    private SamplePassports() {}

    /** Drafts the passport of a corpus file, such as {@code mos/hospices.csv}. */
    static ObjectNode drafted(String corpusFile) throws Exception {
        Path out = Path.of("target", "approval-unit", corpusFile.replace('/', '-'));
        Files.createDirectories(out);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        AnalyzeCommand command = new AnalyzeCommand(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8),
                new AnalysisService());
        String file = HubMailTest.CORPUS.resolve(corpusFile).toString();
        int status = command.run(new String[] {AnalyzeCommand.NAME, file, "--out", out.toString()});
        if (status != AnalyzeCommand.EXIT_OK) {
            throw new IllegalStateException("analyze " + corpusFile + " exited " + status + ": " + errors);
        }
        JsonNode passport =
                PassportJson.mapper().readTree(out.resolve("passport.json").toFile());
        return (ObjectNode) passport;
    }
}
