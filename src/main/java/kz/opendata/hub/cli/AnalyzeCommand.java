package kz.opendata.hub.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import kz.opendata.hub.analysis.AnalysisProgress;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.AnalysisService;
import kz.opendata.hub.analysis.TableReader;
import kz.opendata.hub.analysis.UnreadableUnloadException;
import kz.opendata.hub.passport.Passport;
import kz.opendata.hub.passport.PassportDocuments;
import kz.opendata.hub.passport.PassportDrafter;
import kz.opendata.hub.passport.PassportJson;
import kz.opendata.hub.passport.Supplier;

/**
 * The {@code analyze FILE --out DIR} command: analyses one unload without Spring or any route and
 * writes {@value #ANALYSIS_JSON}, the passport's documents and its data package into DIR.
 *
 * <p>Exit status: {@value #EXIT_OK} on success; {@value #EXIT_UNREADABLE} for invalid arguments
 * and for input that cannot be read, with one line on standard error saying which file and why;
 * {@value #EXIT_FAILED} on any other failure.
 */
public class AnalyzeCommand {

    public static final String NAME = "analyze";
    public static final String ANALYSIS_JSON = "analysis.json";
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_UNREADABLE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final AnalysisService analysis;
    private final BooleanSupplier terminal;
    private final LongSupplier nanoTime;
    private final boolean configureLogging;

    /** Runs the real analysis engine; shows progress when standard error is a terminal. */
    public AnalyzeCommand(PrintStream out, PrintStream err) {
        this(out, err, new AnalysisService(), () -> System.console() != null, System::nanoTime, true);
    }

    /** Runs the given analysis engine, without progress line and leaving logging as it is. */
    public AnalyzeCommand(PrintStream out, PrintStream err, AnalysisService analysis) {
        this(out, err, analysis, () -> false, System::nanoTime, false);
    }

    AnalyzeCommand(
            PrintStream out,
            PrintStream err,
            AnalysisService analysis,
            BooleanSupplier terminal,
            LongSupplier nanoTime,
            boolean configureLogging) {
        this.out = out;
        this.err = err;
        this.analysis = analysis;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.configureLogging = configureLogging;
    }

    /**
     * Runs the command.
     *
     * @param args the command line, starting with {@value #NAME}
     * @return the exit status
     */
    public int run(String[] args) {
        AnalyzeArguments arguments;
        try {
            arguments = AnalyzeArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            err.print(AnalyzeArguments.usage());
            return EXIT_UNREADABLE;
        }
        if (arguments.help()) {
            out.print(AnalyzeArguments.usage());
            return EXIT_OK;
        }
        if (configureLogging) {
            CliLogging.configure();
        }
        return analyze(arguments);
    }

    private int analyze(AnalyzeArguments arguments) {
        Path file = arguments.file();
        String problem = unreadableReason(file);
        if (problem != null) {
            return unreadable(file, problem);
        }
        AnalysisReport report;
        try {
            report = runAnalysis(file);
        } catch (UnreadableUnloadException e) {
            return unreadable(file, e.getMessage());
        } catch (IOException e) {
            return unreadable(file, "reading failed: " + e.getMessage());
        } catch (RuntimeException e) {
            return failed("analysing " + file + " failed", e);
        }
        try {
            writeDocuments(arguments, report);
            return EXIT_OK;
        } catch (IOException | RuntimeException e) {
            return failed("writing the documents of " + file + " to " + arguments.out() + " failed", e);
        }
    }

    private static String unreadableReason(Path file) {
        if (!Files.exists(file)) {
            return "file not found";
        } else if (!Files.isRegularFile(file)) {
            return "not a regular file";
        } else if (!Files.isReadable(file)) {
            return "permission denied";
        }
        return null;
    }

    private AnalysisReport runAnalysis(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        if (!terminal.getAsBoolean()) {
            return analysis.analyze(file, fileName, AnalysisProgress.NONE);
        }
        ProgressLine progress = new ProgressLine(err, nanoTime);
        try {
            return analysis.analyze(file, fileName, progress);
        } finally {
            progress.finish();
        }
    }

    private void writeDocuments(AnalyzeArguments arguments, AnalysisReport report) throws IOException {
        Path dir = arguments.out();
        Files.createDirectories(dir);
        // The report's JSON is written on a thread of its own while the passport is drafted and
        // rendered. Both spend most of their time loading and initialising classes in a JVM that
        // has just started, and the row pass that kept both cores busy is over.
        FutureTask<Path> analysisJson = new FutureTask<>(() -> PassportDocuments.replace(
                dir.resolve(ANALYSIS_JSON), PassportJson.mapper().writeValueAsBytes(report)));
        Thread jsonWriter = new Thread(analysisJson, "analysis-json");
        jsonWriter.start();
        List<Path> documents;
        try {
            Passport passport = draft(arguments, report);
            documents = new PassportDocuments().writeAll(passport, arguments.language(), dir);
        } finally {
            awaitQuietly(jsonWriter);
        }
        List<Path> written = new ArrayList<>();
        written.add(result(analysisJson));
        written.addAll(documents);
        written.forEach(out::println);
    }

    private static void awaitQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns the task's result, or throws the IOException or RuntimeException it failed with. */
    private static Path result(FutureTask<Path> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing " + ANALYSIS_JSON, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    private Passport draft(AnalyzeArguments arguments, AnalysisReport report) throws IOException {
        Supplier supplier = arguments.agency() == null ? null : new Supplier(arguments.agency(), Map.of());
        try (TableReader rows = analysis.openTable(arguments.file(), report.source())) {
            return new PassportDrafter().draft(report, supplier, rows);
        }
    }

    private int unreadable(Path file, String reason) {
        // The contract promises one line, and exception messages may span several.
        err.println(NAME + ": cannot read " + file + ": " + reason.replaceAll("\\R+", " "));
        return EXIT_UNREADABLE;
    }

    private int failed(String what, Exception e) {
        err.println(NAME + ": " + what + ": " + e.toString().replaceAll("\\R+", " "));
        return EXIT_FAILED;
    }
}
