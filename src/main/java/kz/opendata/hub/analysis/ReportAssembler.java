package kz.opendata.hub.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kz.opendata.hub.analysis.AnalysisService.TableProfile;
import kz.opendata.hub.analysis.detect.QuasiIdentifiers.Risk;
import kz.opendata.hub.analysis.detect.RestrictedDataDetector;
import kz.opendata.hub.analysis.detect.RestrictedDataDetector.Finding;
import kz.opendata.hub.analysis.read.UnloadTable;
import kz.opendata.hub.analysis.types.ColumnProfiler;
import kz.opendata.hub.analysis.types.ColumnStats;
import kz.opendata.hub.analysis.types.SemanticTypes;
import kz.opendata.hub.analysis.types.SemanticTypes.Inference;
import kz.opendata.hub.analysis.types.TechnicalNames;
import kz.opendata.hub.analysis.types.ValueType;

/** Builds the analysis report from the accumulated column statistics and detector findings. */
final class ReportAssembler {

    private static final Set<String> CODES = Set.of("kato", "postcode");

    private final RestrictedDataDetector detector;

    ReportAssembler(RestrictedDataDetector detector) {
        this.detector = detector;
    }

    AnalysisReport assemble(Source source, UnloadTable table, TableProfile profile) {
        List<String> header = table.header();
        List<ColumnStats> stats =
                profile.profilers().stream().map(ColumnProfiler::stats).toList();
        List<ColumnReport> columns = columns(header, stats, profile);

        List<Problem> problems = new ArrayList<>(table.problems());
        for (int i = 0; i < header.size(); i++) {
            problems.addAll(ColumnProblems.of(i, header.get(i), stats.get(i), profile.rowCount()));
        }
        if (profile.risk() != null && profile.risk().atRisk()) {
            problems.add(riskProblem(header, profile.risk()));
        }

        Criteria criteria = new CriteriaEvaluator(source, columns, stats, problems, profile.rowCount()).evaluate();
        Verdict verdict = CriteriaEvaluator.verdict(columns, profile.rowCount());
        return new AnalysisReport(
                AnalysisReport.SCHEMA_VERSION,
                source,
                profile.rowCount(),
                columns,
                criteria,
                verdict,
                List.copyOf(problems));
    }

    private List<ColumnReport> columns(List<String> header, List<ColumnStats> stats, TableProfile profile) {
        List<String> technicalNames = TechnicalNames.assign(header);
        List<Finding> findings = detector.evaluate(header, profile.scans());
        List<ColumnReport> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            Finding finding = withRisk(findings.get(i), i, profile.risk());
            columns.add(column(i, header.get(i), technicalNames.get(i), stats.get(i), finding));
        }
        return columns;
    }

    /** Adds a review finding to a quasi-identifier column that has no finding of its own. */
    private static Finding withRisk(Finding finding, int column, Risk risk) {
        if (risk == null || !risk.atRisk() || !risk.columns().contains(column) || finding.restriction() != null) {
            return finding;
        }
        return new Finding(finding.semanticType(), risk.restriction());
    }

    private static Problem riskProblem(List<String> header, Risk risk) {
        String names =
                risk.columns().stream().map(i -> "'" + header.get(i) + "'").collect(Collectors.joining(", "));
        return new Problem(
                "re-identification-risk",
                "the columns %s together single out groups as small as %d rows (%d of %d rows are in groups under 5);"
                                .formatted(names, risk.smallestGroup(), risk.rowsAtRisk(), risk.rows())
                        + " publish them coarser (age bands, regions) or leave one out",
                null);
    }

    private static ColumnReport column(
            int index, String name, String technicalName, ColumnStats stats, Finding finding) {
        Restriction restriction = finding.restriction();
        boolean hidden = restriction != null;
        Inference inferred = SemanticTypes.infer(name, stats);
        String semanticType = finding.semanticType() != null ? finding.semanticType() : inferred.semanticType();
        // Identifiers and codes are strings even when every one of them is made of digits.
        String type = finding.semanticType() != null || semanticType != null && CODES.contains(semanticType)
                ? ValueType.STRING.schemaName()
                : inferred.type().schemaName();
        return new ColumnReport(
                index,
                name,
                technicalName,
                type,
                semanticType,
                stats.nullCount(),
                stats.distinctCount(),
                stats.nullCount() == 0 && stats.valueCount() > 0,
                stats.unique(),
                restriction,
                hidden ? null : stats.min(),
                hidden ? null : stats.max(),
                stats.minLength(),
                stats.maxLength(),
                hidden ? List.of() : stats.topValues());
    }
}
