package kz.opendata.hub.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.AnalysisService;
import kz.opendata.hub.analysis.UnreadableUnloadException;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.UnloadRecord;
import kz.opendata.hub.store.UnloadRepository;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Analyses a received unload and stores the report. Running it again for an unload that was
 * already analysed does nothing, so intake can be repeated after a crash.
 */
@Service
public class AnalysisStage {

    private static final String REPEATED_REASON = ", which was set aside for this reason: ";

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisStage.class);

    private final AnalysisService analysis;
    private final UnloadRepository unloads;
    private final AuditLog audit;
    private final ObjectMapper json;

    AnalysisStage(AnalysisService analysis, UnloadRepository unloads, AuditLog audit, ObjectMapper json) {
        this.analysis = analysis;
        this.unloads = unloads;
        this.audit = audit;
        this.json = json;
    }

    /**
     * Analyses the unload's file unless that was done before.
     *
     * @param file where the file is now (still in the drop folder while intake runs)
     * @throws UnreadableUnloadException when the file cannot be read as a table, also for a file
     *     that failed before and was dropped again
     */
    @Transactional
    public void analyse(@Header(IntakeService.UNLOAD_ID) long unloadId, @Header(Exchange.FILE_PATH) String file)
            throws IOException {
        analyseFile(unloadId, Path.of(file));
    }

    /** Analyses the unload's file; see {@link #analyse(long, String)}. */
    @Transactional
    public void analyseFile(long unloadId, Path file) throws IOException {
        UnloadRecord unload = unloads.find(unloadId)
                .orElseThrow(() -> new IllegalStateException("Unload " + unloadId + " not found"));
        if (UnloadRecord.ANALYSED.equals(unload.status())) {
            LOG.debug("Unload {} was analysed before; skipping", unloadId);
            return;
        }
        if (UnloadRecord.FAILED.equals(unload.status())) {
            throw new UnreadableUnloadException(
                    repeatedFailure(unload, file.getFileName().toString()));
        }
        AnalysisReport report = analysis.analyze(file, unload.fileName());
        unloads.markAnalysed(
                unloadId,
                report.source().format(),
                report.source().encoding(),
                report.rowCount(),
                report.verdict().code(),
                toJson(report));
        audit.record(
                "analysis",
                "unload-analysed",
                "unload",
                unloadId,
                "verdict=" + report.verdict().code() + " rows=" + report.rowCount() + " restrictedColumns="
                        + report.restrictedColumns().size());
        LOG.info(
                "Unload {} analysed: {} rows, {} columns, verdict {}",
                unloadId,
                report.rowCount(),
                report.columns().size(),
                report.verdict().code());
    }

    /**
     * Explains a file whose bytes were set aside before. The reason names the earlier file, so a
     * file delivered under another name says which earlier file it repeats.
     */
    static String repeatedFailure(UnloadRecord unload, String fileName) {
        String reason = unload.failureReason() == null ? "" : unload.failureReason();
        if (fileName.equals(unload.fileName())) {
            return reason;
        }
        int earlier = reason.lastIndexOf(REPEATED_REASON);
        String first = earlier < 0 ? reason : reason.substring(earlier + REPEATED_REASON.length());
        return fileName + " has the same content (SHA-256) as " + unload.fileName() + ", unload " + unload.id()
                + REPEATED_REASON + first;
    }

    private String toJson(AnalysisReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Analysis report could not be written as JSON", e);
        }
    }
}
