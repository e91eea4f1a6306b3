package kz.opendata.hub.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import kz.opendata.hub.analysis.detect.ColumnHints;
import kz.opendata.hub.analysis.detect.ColumnScan;
import kz.opendata.hub.analysis.detect.QuasiIdentifiers;
import kz.opendata.hub.analysis.detect.QuasiIdentifiers.Risk;
import kz.opendata.hub.analysis.detect.RestrictedDataDetector;
import kz.opendata.hub.analysis.read.TableOrigin;
import kz.opendata.hub.analysis.read.UnloadOpener;
import kz.opendata.hub.analysis.read.UnloadTable;
import kz.opendata.hub.analysis.types.ColumnProfiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Analyses one unload: reads its table once as a stream, profiles every column, looks for
 * restricted data and applies the four criteria of the open data rules.
 */
@Service
public class AnalysisService {

    private static final Logger log = LoggerFactory.getLogger(AnalysisService.class);

    private final AnalysisSettings settings;
    private final UnloadOpener opener;
    private final RestrictedDataDetector detector;
    private final ColumnHints hints;

    /** Creates the service with {@link AnalysisSettings#defaults()}. */
    public AnalysisService() {
        this(AnalysisSettings.defaults());
    }

    @Autowired
    public AnalysisService(AnalysisSettings settings) {
        this.settings = settings;
        this.opener = new UnloadOpener(settings.headerScanRows());
        this.hints = ColumnHints.load(settings.columnHintsFile());
        this.detector = new RestrictedDataDetector(hints, settings.evidenceSamples());
    }

    /**
     * Analyses an unload.
     *
     * @param fileName the name the agency gave the file; reported and used in messages
     * @throws UnreadableUnloadException when the file contains no readable table
     */
    public AnalysisReport analyze(Path file, String fileName) throws IOException {
        return analyze(file, fileName, AnalysisProgress.NONE);
    }

    /**
     * Analyses an unload, reporting how many bytes have been read. A workbook's first visible sheet
     * that contains a table is analysed; other such sheets are listed as a problem.
     */
    public AnalysisReport analyze(Path file, String fileName, AnalysisProgress progress) throws IOException {
        AnalysisReport report = analyze(file, fileName, null, progress);
        if (report.source().sheet() == null) {
            return report;
        }
        List<String> otherSheets = opener.findTables(file, fileName).stream()
                .map(TableOrigin::sheet)
                .filter(sheet -> !sheet.equals(report.source().sheet()))
                .toList();
        return otherSheets.isEmpty() ? report : withProblem(report, otherSheetsProblem(otherSheets));
    }

    /**
     * Analyses every table of an unload: each visible sheet of a workbook that contains a table,
     * or the one table of a text file.
     */
    public List<AnalysisReport> analyzeAllSheets(Path file, String fileName, AnalysisProgress progress)
            throws IOException {
        List<AnalysisReport> reports = new ArrayList<>();
        for (TableOrigin origin : opener.findTables(file, fileName)) {
            reports.add(analyze(file, fileName, origin.sheet() == null ? null : origin, progress));
        }
        return reports;
    }

    private AnalysisReport analyze(Path file, String fileName, TableOrigin origin, AnalysisProgress progress)
            throws IOException {
        long size = Files.size(file);
        String sha256 = sha256(file);
        try (UnloadTable table = opener.open(file, fileName, origin, progress)) {
            TableProfile profile = profile(table);
            progress.update(size, size);
            TableOrigin read = table.origin();
            Source source = new Source(
                    fileName,
                    sha256,
                    size,
                    read.format(),
                    read.encoding(),
                    read.encodingConfidence(),
                    read.delimiter(),
                    read.sheet(),
                    (int) read.headerRow());
            AnalysisReport report = new ReportAssembler(detector).assemble(source, table, profile);
            log.info(
                    "Analysed unload {} (sha256 {}): {} rows, {} columns, verdict {}",
                    fileName,
                    sha256,
                    report.rowCount(),
                    report.columns().size(),
                    report.verdict().code());
            return report;
        }
    }

    /**
     * Opens the table of an analysed unload again, read the same way: same encoding, delimiter,
     * sheet and header row.
     *
     * @param source the {@link AnalysisReport#source()} of the analysis
     */
    public TableReader openTable(Path file, Source source) throws IOException {
        TableOrigin origin = new TableOrigin(
                source.format(),
                source.encoding(),
                source.encodingConfidence(),
                source.delimiter(),
                source.sheet(),
                source.headerRow());
        return opener.open(file, source.fileName(), origin, AnalysisProgress.NONE);
    }

    private static Problem otherSheetsProblem(List<String> sheets) {
        String names = sheets.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
        return new Problem(
                "other-sheets",
                "the workbook has %d more sheets with tables (%s); each needs its own analysis"
                                .formatted(sheets.size(), names)
                        + " and data set, so send one table per file",
                null);
    }

    private static AnalysisReport withProblem(AnalysisReport report, Problem problem) {
        List<Problem> problems = new ArrayList<>(report.problems());
        problems.add(problem);
        return new AnalysisReport(
                report.schemaVersion(),
                report.source(),
                report.rowCount(),
                report.columns(),
                report.criteria(),
                report.verdict(),
                List.copyOf(problems));
    }

    private TableProfile profile(UnloadTable table) throws IOException {
        int width = table.header().size();
        List<ColumnProfiler> profilers = new ArrayList<>(width);
        List<ColumnScan> scans = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            profilers.add(new ColumnProfiler(settings.exactDistinctLimit(), settings.topValues()));
            scans.add(detector.newScan());
        }
        QuasiIdentifiers quasiIdentifiers =
                QuasiIdentifiers.forHeader(table.header(), hints, settings.exactDistinctLimit() * 10);
        long rows = 0;
        String[] row;
        while ((row = table.next()) != null) {
            rows++;
            for (int i = 0; i < width; i++) {
                profilers.get(i).accept(row[i]);
                scans.get(i).accept(row[i]);
            }
            quasiIdentifiers.accept(row);
        }
        return new TableProfile(rows, profilers, scans, quasiIdentifiers.risk());
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The per-column accumulators after the single pass over the rows. */
    record TableProfile(long rowCount, List<ColumnProfiler> profilers, List<ColumnScan> scans, Risk risk) {}
}
