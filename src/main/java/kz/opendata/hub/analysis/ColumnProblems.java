package kz.opendata.hub.analysis;

import java.util.ArrayList;
import java.util.List;
import kz.opendata.hub.analysis.types.ColumnStats;

/** Problems found in one column's statistics. The messages name the column, never its values. */
final class ColumnProblems {

    private ColumnProblems() {}

    static List<Problem> of(int index, String name, ColumnStats stats, long rowCount) {
        List<Problem> problems = new ArrayList<>();
        String place = "column " + (index + 1) + " '" + name + "'";
        if (stats.mixedType() != null) {
            long conforming = Math.round(stats.typeConsistency() * stats.valueCount());
            problems.add(new Problem(
                    "mixed-types",
                    "%s: %d of %d values are of type %s and %d are not, so the column is typed as string; correct those cells"
                            .formatted(
                                    place,
                                    conforming,
                                    stats.valueCount(),
                                    stats.mixedType().schemaName(),
                                    stats.valueCount() - conforming),
                    place));
        }
        if (rowCount > 0 && stats.valueCount() == 0) {
            problems.add(
                    new Problem("empty-column", place + " has no values in any row; fill it or leave it out", place));
        }
        return problems;
    }
}
