package kz.opendata.hub.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.ColumnReport;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.FindingResolutionRepository;
import kz.opendata.hub.store.FindingResolutionRepository.FindingResolution;
import kz.opendata.hub.store.UnloadRecord;
import kz.opendata.hub.store.UnloadRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The restricted-data findings of an unload and the analysts' decisions on them. */
@Service
public class FindingService {

    /** The decisions an analyst can take on a finding. */
    public static final Set<String> DECISIONS =
            Set.of(FindingResolutionRepository.EXCLUDED, FindingResolutionRepository.PUBLISH);

    private final UnloadRepository unloads;
    private final FindingResolutionRepository resolutions;
    private final AnalysisReports reports;
    private final AuditLog audit;

    FindingService(
            UnloadRepository unloads,
            FindingResolutionRepository resolutions,
            AnalysisReports reports,
            AuditLog audit) {
        this.unloads = unloads;
        this.resolutions = resolutions;
        this.reports = reports;
        this.audit = audit;
    }

    /** Columns with restricted-data findings, each with its resolution or null, in column order. */
    public List<Finding> findings(long unloadId) {
        UnloadRecord unload = unloads.find(unloadId).orElseThrow(() -> new NotFoundException("unload", unloadId));
        Map<Integer, FindingResolution> settled = resolutions.forUnload(unloadId).stream()
                .collect(Collectors.toMap(FindingResolution::columnIndex, Function.identity()));
        return reports.of(unload).map(AnalysisReport::columns).orElse(List.of()).stream()
                .filter(column -> column.restricted() != null)
                .map(column -> new Finding(column, settled.get(column.index())))
                .toList();
    }

    /**
     * Records an analyst's decision on one finding, replacing an earlier one, and audits it under
     * the analyst's user name. The audit evidence names the column and the decision but not the
     * reason, which may quote values; the reason stays in the resolution.
     */
    @Transactional
    public FindingResolution resolve(long unloadId, int columnIndex, String decision, String reason, String user) {
        if (!DECISIONS.contains(decision)) {
            throw new InvalidChangeException(
                    "Decision '" + decision + "' is unknown; use 'excluded' to leave the column out or 'publish'");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidChangeException("A reason is required; say why the column is excluded or published");
        }
        ColumnReport column = findingColumn(unloadId, columnIndex);
        resolutions.resolve(unloadId, columnIndex, decision, reason.strip(), user);
        audit.record(
                user,
                "finding-resolved",
                "unload",
                unloadId,
                "column=" + columnIndex + " technicalName=" + column.technicalName() + " kind="
                        + column.restricted().kind() + " decision=" + decision);
        return resolutions.forUnload(unloadId).stream()
                .filter(resolution -> resolution.columnIndex() == columnIndex)
                .findFirst()
                .orElseThrow();
    }

    private ColumnReport findingColumn(long unloadId, int columnIndex) {
        return findings(unloadId).stream()
                .map(Finding::column)
                .filter(column -> column.index() == columnIndex)
                .findFirst()
                .orElseThrow(() -> new NotFoundException(
                        "restricted-data finding in unload " + unloadId + " at column", columnIndex));
    }

    /** A column with restricted data and how it was settled; {@code resolution} is null while open. */
    public record Finding(ColumnReport column, FindingResolution resolution) {}
}
