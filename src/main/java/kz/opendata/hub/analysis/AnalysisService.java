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
import kz.opendata.hub.analysis.read.ContainerExtractor;
import kz.opendata.hub.analysis.read.ContainerExtractor.Extracted;
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

    /** Column workers beside the parsing thread; the per-cell work costs more than the parsing. */
    private static final int WORKERS = Runtime.getRuntime().availableProcessors();

    /**
     * Distinct values per table whose parse and detector results are remembered, shared out over
     * the columns. At most 64 characters each, they hold a few megabytes at most.
     */
    private static final int MEMO_VALUES = 32_768;

    private final AnalysisSettings settings;
    private final UnloadOpener opener;
    private final RestrictedDataDetector detector;
    private final ColumnHints hints;
    private final ContainerExtractor extractor;

    /** Creates the service with {@link AnalysisSettings#defaults()}. */
    public AnalysisService() {
        this(AnalysisSettings.defaults());
    }

    @Autowired
    public AnalysisService(AnalysisSettings settings) {
        this.settings = settings;
        this.opener = new UnloadOpener(settings.headerScanRows(), settings.readLimits());
        this.hints = ColumnHints.load(settings.columnHintsFile());
        this.detector = new RestrictedDataDetector(hints, settings.evidenceSamples());
        this.extractor = new ContainerExtractor(new ContainerExtractor.Limits(
                settings.maxArchiveEntries(), settings.maxExpandedBytes(), settings.maxCompressionRatio()));
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
     * Analyses an unload, reporting how many bytes have been read. In a workbook the first visible
     * sheet with a table is analysed, and in a ZIP archive the first table entry. Other sheets and
     * entries with tables are listed as problems.
     */
    public AnalysisReport analyze(Path file, String fileName, AnalysisProgress progress) throws IOException {
        if (!ContainerExtractor.isContainer(file)) {
            return withOtherSheets(analyzeTable(file, fileName, null, progress, null, null), file, fileName);
        }
        FileIdentity identity = FileIdentity.of(file);
        try (Extracted extracted = extractor.extract(file, fileName, null)) {
            AnalysisReport report =
                    analyzeTable(extracted.table(), fileName, null, progress, identity, extracted.entry());
            report = withOtherSheets(report, extracted.table(), fileName);
            return extracted.otherEntries().isEmpty() ? report : withProblem(report, otherEntriesProblem(extracted));
        }
    }

    /**
     * Analyses every table of an unload: each visible sheet of a workbook that contains a table,
     * or the one table of a text file. In an archive, only the first table entry is read.
     */
    public List<AnalysisReport> analyzeAllSheets(Path file, String fileName, AnalysisProgress progress)
            throws IOException {
        FileIdentity identity = FileIdentity.of(file);
        if (!ContainerExtractor.isContainer(file)) {
            return analyzeEveryTable(file, fileName, progress, identity, null);
        }
        try (Extracted extracted = extractor.extract(file, fileName, null)) {
            return analyzeEveryTable(extracted.table(), fileName, progress, identity, extracted.entry());
        }
    }

    /**
     * Opens the table of an analysed unload again, read the same way: same archive entry,
     * encoding, delimiter, sheet and header row.
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
                source.headerRow() == null ? 0 : source.headerRow());
        if (source.entry() == null) {
            return opener.open(file, source.fileName(), origin, AnalysisProgress.NONE);
        }
        Extracted extracted = extractor.extract(file, source.fileName(), source.entry());
        try {
            return new ExtractedTableReader(
                    opener.open(extracted.table(), source.fileName(), origin, AnalysisProgress.NONE), extracted);
        } catch (IOException | RuntimeException e) {
            extracted.close();
            throw e;
        }
    }

    private List<AnalysisReport> analyzeEveryTable(
            Path table, String fileName, AnalysisProgress progress, FileIdentity identity, String entry)
            throws IOException {
        List<AnalysisReport> reports = new ArrayList<>();
        for (TableOrigin origin : opener.findTables(table, fileName)) {
            TableOrigin forced = origin.sheet() == null ? null : origin;
            reports.add(analyzeTable(table, fileName, forced, progress, identity, entry));
        }
        return reports;
    }

    private AnalysisReport withOtherSheets(AnalysisReport report, Path table, String fileName) throws IOException {
        if (report.source().sheet() == null) {
            return report;
        }
        List<String> otherSheets = opener.findTables(table, fileName).stream()
                .map(TableOrigin::sheet)
                .filter(sheet -> !sheet.equals(report.source().sheet()))
                .toList();
        return otherSheets.isEmpty() ? report : withProblem(report, otherSheetsProblem(otherSheets));
    }

    /**
     * Reads one table once and builds its report.
     *
     * @param identity the received file's size and digest when it differs from {@code table} (an
     *     archive), or null to take them from {@code table}
     */
    private AnalysisReport analyzeTable(
            Path table,
            String fileName,
            TableOrigin origin,
            AnalysisProgress progress,
            FileIdentity identity,
            String entry)
            throws IOException {
        try (UnloadTable unload = opener.open(table, fileName, origin, progress)) {
            TableProfile profile = profile(unload);
            long size = Files.size(table);
            progress.update(size, size);
            FileIdentity received = identity != null ? identity : identityOf(unload, table);
            TableOrigin read = unload.origin();
            Integer headerRow = read.headerRow() > 0 ? (int) read.headerRow() : null;
            Source source = new Source(
                    fileName,
                    received.sha256(),
                    received.size(),
                    read.format(),
                    read.encoding(),
                    read.encodingConfidence(),
                    read.delimiter(),
                    read.sheet(),
                    headerRow,
                    entry);
            AnalysisReport report = new ReportAssembler(detector).assemble(source, unload, profile);
            log.info(
                    "Analysed unload {} (sha256 {}): {} rows, {} columns, verdict {}",
                    fileName,
                    received.sha256(),
                    report.rowCount(),
                    report.columns().size(),
                    report.verdict().code());
            return report;
        }
    }

    /** Takes the digest from the parsing stream where there is one, so a text file is read once. */
    private static FileIdentity identityOf(UnloadTable unload, Path file) throws IOException {
        String streamed = unload.sha256();
        return streamed != null ? new FileIdentity(streamed, Files.size(file)) : FileIdentity.of(file);
    }

    private static Problem otherEntriesProblem(Extracted extracted) {
        String names =
                extracted.otherEntries().stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
        return new Problem(
                "other-entries",
                "the archive has %d more tables (%s); only '%s' was analysed, so send"
                                .formatted(extracted.otherEntries().size(), names, extracted.entry())
                        + " one table per archive",
                null);
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
        int memoCapacity =
                Math.max(1, Math.min(ColumnProfiler.DEFAULT_MEMO_CAPACITY, MEMO_VALUES / Math.max(1, width)));
        List<ColumnProfiler> profilers = new ArrayList<>(width);
        List<ColumnScan> scans = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            profilers.add(new ColumnProfiler(settings.exactDistinctLimit(), settings.topValues(), memoCapacity));
            scans.add(detector.newScan(table.header().get(i), memoCapacity));
        }
        QuasiIdentifiers quasiIdentifiers =
                QuasiIdentifiers.forHeader(table.header(), hints, settings.exactDistinctLimit() * 10);
        long rows = new ColumnWorkers(profilers, scans, quasiIdentifiers, WORKERS, memoCapacity).consume(table);
        return new TableProfile(rows, profilers, scans, quasiIdentifiers.risk());
    }

    /** The per-column accumulators after the single pass over the rows. */
    /** The received file's size and SHA-256, which identify the unload even when it is an archive. */
    private record FileIdentity(String sha256, long size) {

        static FileIdentity of(Path file) throws IOException {
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
            }
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return new FileIdentity(HexFormat.of().formatHex(digest.digest()), Files.size(file));
        }
    }

    record TableProfile(long rowCount, List<ColumnProfiler> profilers, List<ColumnScan> scans, Risk risk) {}
}
