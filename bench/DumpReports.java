import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.opendata.hub.analysis.AnalysisProgress;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.AnalysisService;
import kz.opendata.hub.passport.PassportJson;

/**
 * Writes the analysis reports of every table of each file as JSON, one file per input, so that the
 * reports of two builds can be compared with {@code diff -r}. An unreadable file gets its error
 * message instead. Usage: {@code java -cp CLASSPATH DumpReports OUT_DIR FILE...}.
 */
public final class DumpReports {

    private DumpReports() {}

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        AnalysisService service = new AnalysisService();
        for (int i = 1; i < args.length; i++) {
            Path file = Path.of(args[i]);
            String name = i + "-" + file.getFileName() + ".json";
            List<String> texts = new ArrayList<>();
            try {
                List<AnalysisReport> reports =
                        service.analyzeAllSheets(file, file.getFileName().toString(), AnalysisProgress.NONE);
                texts.add(PassportJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(reports));
            } catch (Exception e) {
                texts.add("failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            Files.write(out.resolve(name), texts);
        }
    }
}
