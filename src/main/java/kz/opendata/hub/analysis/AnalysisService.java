package kz.opendata.hub.analysis;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Temporary signature of the analysis engine so that code using it compiles before the engine is
 * merged; every method throws.
 */
public class AnalysisService {

    public AnalysisReport analyze(Path file, String fileName) throws IOException {
        return analyze(file, fileName, AnalysisProgress.NONE);
    }

    public AnalysisReport analyze(Path file, String fileName, AnalysisProgress progress) throws IOException {
        throw new UnsupportedOperationException("analysis engine not merged yet");
    }

    public TableReader openTable(Path file, Source source) throws IOException {
        throw new UnsupportedOperationException("analysis engine not merged yet");
    }
}
