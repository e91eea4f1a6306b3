package kz.opendata.hub.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.AnalysisService;
import kz.opendata.hub.analysis.ColumnReport;
import kz.opendata.hub.analysis.TableReader;
import kz.opendata.hub.store.FindingResolutionRepository;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.UnloadRecord;
import kz.opendata.hub.store.UnloadRepository;
import org.springframework.stereotype.Service;

/**
 * Reads what one publication target needs from the store (passport, data package, the unload's
 * report and rows, the analyst's resolutions of findings) and hands it to the
 * {@link PublicationService}.
 */
@Service
class TargetPublisher {

    private final PassportRepository passports;
    private final UnloadRepository unloads;
    private final FindingResolutionRepository resolutions;
    private final AgencyRegistry agencies;
    private final AnalysisService analysis;
    private final PublicationService publisher;
    private final ObjectMapper json;

    TargetPublisher(
            PassportRepository passports,
            UnloadRepository unloads,
            FindingResolutionRepository resolutions,
            AgencyRegistry agencies,
            AnalysisService analysis,
            PublicationService publisher,
            ObjectMapper json) {
        this.passports = passports;
        this.unloads = unloads;
        this.resolutions = resolutions;
        this.agencies = agencies;
        this.analysis = analysis;
        this.publisher = publisher;
        this.json = json;
    }

    /**
     * Publishes the target's unload under its passport.
     *
     * @param requestedBy the caller (a route id or a user), recorded with a refusal
     * @throws IOException when the unload's file cannot be read
     */
    PublicationResult publish(PublicationTarget target, String requestedBy) throws IOException {
        PassportRecord passport = passports.find(target.passportId()).orElseThrow();
        UnloadRecord unload = unloads.find(target.unloadId()).orElseThrow();
        AnalysisReport report = readReport(unload);
        ObjectNode document = (ObjectNode) json.readTree(passport.passportJson());
        document.put("status", gateStatus(target, passport));
        Agency agency = agencies.find(passport.agencyCode()).orElseThrow();
        Set<Integer> resolved = target.isUpdate()
                ? resolvedForUpdate(passport, unload, report)
                : resolutions.resolvedColumns(unload.id());
        try (TableReader rows = analysis.openTable(Path.of(unload.storedPath()), report.source())) {
            return publisher.publish(new PublicationInput(
                    target.datasetName(),
                    document,
                    (ObjectNode) json.readTree(passport.datapackageJson()),
                    report,
                    rows,
                    resolved,
                    Set.of(),
                    agency.code(),
                    agency.names(),
                    requestedBy));
        }
    }

    /**
     * Returns the passport status given to the gate. The record's status is authoritative, but a
     * published passport was approved before it was published. So its approval covers publishing
     * it again and later unloads with the same structure.
     */
    private static String gateStatus(PublicationTarget target, PassportRecord passport) {
        boolean approvalStands = target.isUpdate() || PassportRecord.PUBLISHED.equals(passport.status());
        return approvalStands ? PassportRecord.APPROVED : passport.status();
    }

    /**
     * Findings of a later unload that count as resolved: those an analyst resolved for it, and
     * those on a column with the same technical name and the same kind of finding that an analyst
     * resolved for the approved passport's unload. A new kind of finding, or a finding on a column
     * that had none, stays unresolved, so the gate refuses the update until an analyst looks.
     */
    private Set<Integer> resolvedForUpdate(PassportRecord approved, UnloadRecord unload, AnalysisReport report)
            throws IOException {
        Set<Integer> resolved = new HashSet<>(resolutions.resolvedColumns(unload.id()));
        Map<String, String> approvedKinds = resolvedKinds(approved.unloadId());
        for (ColumnReport column : report.columns()) {
            if (column.restricted() != null
                    && column.restricted().kind().equals(approvedKinds.get(column.technicalName()))) {
                resolved.add(column.index());
            }
        }
        return resolved;
    }

    /** Technical names of the resolved findings of an unload, mapped to the kind of finding. */
    private Map<String, String> resolvedKinds(long unloadId) throws IOException {
        AnalysisReport report = readReport(unloads.find(unloadId).orElseThrow());
        Set<Integer> resolved = resolutions.resolvedColumns(unloadId);
        Map<String, String> kinds = new HashMap<>();
        for (ColumnReport column : report.columns()) {
            if (column.restricted() != null && resolved.contains(column.index())) {
                kinds.put(column.technicalName(), column.restricted().kind());
            }
        }
        return kinds;
    }

    private AnalysisReport readReport(UnloadRecord unload) throws IOException {
        if (unload.reportJson() == null) {
            throw new IllegalStateException("unload " + unload.id() + " has no analysis report; analyse it again");
        }
        return json.readValue(unload.reportJson(), AnalysisReport.class);
    }
}
