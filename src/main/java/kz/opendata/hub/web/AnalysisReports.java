package kz.opendata.hub.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.store.UnloadRecord;
import org.springframework.stereotype.Component;

/** Reads the analysis report stored with an unload. */
@Component
public class AnalysisReports {

    private final ObjectMapper json;

    AnalysisReports(ObjectMapper json) {
        this.json = json;
    }

    /** Returns the unload's report, or empty while the unload is not analysed. */
    public Optional<AnalysisReport> of(UnloadRecord unload) {
        return unload.reportJson() == null ? Optional.empty() : Optional.of(parse(unload.id(), unload.reportJson()));
    }

    AnalysisReport parse(Object unloadId, String reportJson) {
        try {
            return json.readValue(reportJson, AnalysisReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Unload " + unloadId + ": the stored analysis report is not a valid" + " analysis.json ("
                            + e.getOriginalMessage() + "); analyse the file again",
                    e);
        }
    }
}
