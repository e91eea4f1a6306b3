package kz.opendata.hub.analysis;

import java.nio.file.Path;
import org.springframework.stereotype.Service;

// TEMPORARY local placeholder, never committed
@Service
public class AnalysisService {
    public AnalysisReport analyze(Path file, String fileName) {
        throw new UnreadableUnloadException("placeholder: " + fileName);
    }
    public TableReader openTable(Path file, Source source) { throw new UnsupportedOperationException(); }
}
