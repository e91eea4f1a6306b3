package kz.opendata.hub.analysis;

import java.util.List;

/**
 * Result of analysing one unload: the document written as {@code analysis.json}.
 *
 * <p>Field names are a public contract read by scripts and by the passport drafter; a change
 * that renames or removes one raises {@link #SCHEMA_VERSION}.
 */
public record AnalysisReport(
        int schemaVersion,
        Source source,
        long rowCount,
        List<ColumnReport> columns,
        Criteria criteria,
        Verdict verdict,
        List<Problem> problems) {

    public static final int SCHEMA_VERSION = 1;

    /** Columns whose restriction severity is {@code restricted}, which must never be published. */
    public List<ColumnReport> restrictedColumns() {
        return columns.stream()
                .filter(column -> column.restricted() != null)
                .filter(column -> Restriction.SEVERITY_RESTRICTED.equals(
                        column.restricted().severity()))
                .toList();
    }
}
