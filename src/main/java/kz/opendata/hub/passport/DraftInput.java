package kz.opendata.hub.passport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.ColumnReport;
import kz.opendata.hub.analysis.Restriction;

/**
 * Input of the drafter: the analysis report, the columns that may be published and the sampled
 * rows.
 *
 * @param columns columns without restricted data, in source order
 * @param excluded columns with restricted data, which never reach the passport
 */
record DraftInput(AnalysisReport report, List<PublishedColumn> columns, List<ColumnReport> excluded, RowSample sample) {

    static DraftInput of(AnalysisReport report, RowSample sample) {
        List<PublishedColumn> columns = new ArrayList<>();
        List<ColumnReport> excluded = new ArrayList<>();
        Set<String> technicalNames = new HashSet<>();
        for (ColumnReport column : report.columns()) {
            if (isRestricted(column)) {
                excluded.add(column);
            } else {
                String technicalName = uniqueTechnicalName(column, technicalNames);
                columns.add(new PublishedColumn(column, technicalName, column.restricted() != null));
            }
        }
        return new DraftInput(report, List.copyOf(columns), List.copyOf(excluded), sample);
    }

    /** Sampled values of a column whose values may be shown; empty for columns under review. */
    List<String> shownValues(PublishedColumn column) {
        return column.underReview() ? List.of() : sample.values(column.index());
    }

    private static boolean isRestricted(ColumnReport column) {
        return column.restricted() != null
                && !Restriction.SEVERITY_REVIEW.equals(column.restricted().severity());
    }

    private static String uniqueTechnicalName(ColumnReport column, Set<String> taken) {
        String base = column.technicalName();
        if (base == null || !base.matches("[a-z0-9_]+")) {
            base = Transliteration.technicalName(column.name() == null ? "" : column.name());
        }
        if (base.isEmpty()) {
            base = "column_" + (column.index() + 1);
        }
        String name = base;
        for (int suffix = 2; !taken.add(name); suffix++) {
            name = base + "_" + suffix;
        }
        return name;
    }

    /**
     * A column that becomes a passport attribute.
     *
     * @param technicalName the report's technical name, or one derived when the report's is not
     *     Latin lower-case
     * @param underReview the analysis leaves it to a person to decide whether its values may be published
     */
    record PublishedColumn(ColumnReport report, String technicalName, boolean underReview) {

        int index() {
            return report.index();
        }

        String name() {
            return report.name() == null ? "" : report.name().strip();
        }

        String type() {
            return report.type() == null ? "string" : report.type();
        }

        String semanticType() {
            return report.semanticType();
        }
    }
}
