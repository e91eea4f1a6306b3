package kz.opendata.hub.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import kz.opendata.hub.analysis.AnalysisProgress;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.AnalysisService;
import kz.opendata.hub.analysis.Source;
import kz.opendata.hub.analysis.TableReader;
import kz.opendata.hub.passport.TestUnloads.ListTableReader;
import kz.opendata.hub.passport.TestUnloads.Table;

/**
 * Stands in for the analysis engine: returns a report built by hand for a test file, or throws the
 * failure it was given, and reports progress at the given byte counts.
 */
class FakeAnalysisService extends AnalysisService {

    private final Table table;
    private final AnalysisReport report;
    private final RuntimeException failure;
    private final List<ListTableReader> openedReaders = new ArrayList<>();
    private final List<String> analysedNames = new ArrayList<>();
    private long[] progressSteps = new long[0];
    private LongConsumer beforeProgress = step -> {};

    FakeAnalysisService(Table table, AnalysisReport report) {
        this(table, report, null);
    }

    private FakeAnalysisService(Table table, AnalysisReport report, RuntimeException failure) {
        this.table = table;
        this.report = report;
        this.failure = failure;
    }

    static FakeAnalysisService failing(RuntimeException failure) {
        return new FakeAnalysisService(null, null, failure);
    }

    FakeAnalysisService reportingProgress(LongConsumer beforeEachStep, long... bytesRead) {
        this.beforeProgress = beforeEachStep;
        this.progressSteps = bytesRead;
        return this;
    }

    @Override
    public AnalysisReport analyze(Path file, String fileName, AnalysisProgress progress) {
        analysedNames.add(fileName);
        if (failure != null) {
            throw failure;
        }
        for (long bytesRead : progressSteps) {
            beforeProgress.accept(bytesRead);
            progress.update(bytesRead, report.source().sizeBytes());
        }
        return report;
    }

    @Override
    public TableReader openTable(Path file, Source source) {
        ListTableReader reader = new ListTableReader(table.header(), table.rows());
        openedReaders.add(reader);
        return reader;
    }

    List<ListTableReader> openedReaders() {
        return openedReaders;
    }

    List<String> analysedNames() {
        return analysedNames;
    }
}
