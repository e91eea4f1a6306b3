package kz.opendata.hub.analysis.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import kz.opendata.hub.analysis.Restriction;
import kz.opendata.hub.analysis.types.MissingValues;

/**
 * Measures the re-identification risk of a table from its quasi-identifiers: columns such as sex,
 * age, birth date, district or nationality, which name no one but together can single a person
 * out. The measure is the smallest number of rows that share one combination of their values
 * (k-anonymity); a group smaller than {@value #SAFE_GROUP_SIZE} rows is a risk.
 *
 * <p>Columns are chosen by their header before the rows stream past. Counting keeps one entry per
 * combination and stops at a bound, so memory stays fixed. A table with more combinations than
 * the bound gets no measure.
 */
public final class QuasiIdentifiers {

    public static final String KIND = "quasi-identifier";
    static final String LOCATION_KIND = "quasi-identifier-location";
    static final int SAFE_GROUP_SIZE = 5;

    private final List<Integer> columns;
    private final int maxCombinations;
    private Map<String, Long> groups = new HashMap<>();

    QuasiIdentifiers(List<Integer> columns, int maxCombinations) {
        this.columns = columns;
        this.maxCombinations = maxCombinations;
    }

    /**
     * Picks the columns whose header hints at a quasi-identifier. A measure needs two of them, one
     * a personal trait, because a directory of institutions also lists districts and localities.
     */
    public static QuasiIdentifiers forHeader(List<String> header, ColumnHints hints, int maxCombinations) {
        List<Integer> columns = new ArrayList<>();
        boolean personal = false;
        for (int i = 0; i < header.size(); i++) {
            boolean trait = hints.hints(header.get(i), KIND);
            personal |= trait;
            if (trait || hints.hints(header.get(i), LOCATION_KIND)) {
                columns.add(i);
            }
        }
        return new QuasiIdentifiers(personal && columns.size() >= 2 ? columns : List.of(), maxCombinations);
    }

    /** Counts one row's combination; rows missing every quasi-identifier are left out. */
    public void accept(String[] row) {
        accept(column -> row[column]);
    }

    /** Counts one row whose cells the function gives by column index. */
    public void accept(IntFunction<String> row) {
        if (columns.isEmpty() || groups == null) {
            return;
        }
        StringBuilder key = new StringBuilder();
        boolean any = false;
        for (int column : columns) {
            String cell = row.apply(column);
            boolean missing = MissingValues.isMissing(cell);
            any |= !missing;
            key.append(missing ? "" : MissingValues.normalize(cell).toLowerCase(Locale.ROOT))
                    .append('\u0001');
        }
        if (any) {
            groups.merge(key.toString(), 1L, Long::sum);
            if (groups.size() > maxCombinations) {
                groups = null;
            }
        }
    }

    /** Returns the measure, or null when too few columns qualify or the bound was reached. */
    public Risk risk() {
        if (columns.isEmpty() || groups == null || groups.isEmpty()) {
            return null;
        }
        long smallest =
                groups.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long rows = groups.values().stream().mapToLong(Long::longValue).sum();
        long rowsAtRisk = groups.values().stream()
                .filter(size -> size < SAFE_GROUP_SIZE)
                .mapToLong(Long::longValue)
                .sum();
        return new Risk(columns, smallest, rowsAtRisk, rows);
    }

    /**
     * The re-identification measure.
     *
     * @param columns positions of the quasi-identifier columns
     * @param smallestGroup rows in the smallest group sharing one combination
     * @param rowsAtRisk rows in groups smaller than {@value #SAFE_GROUP_SIZE}
     * @param rows rows with at least one quasi-identifier
     */
    public record Risk(List<Integer> columns, long smallestGroup, long rowsAtRisk, long rows) {

        public boolean atRisk() {
            return smallestGroup < SAFE_GROUP_SIZE;
        }

        /** Builds a review finding for one of the columns, with the share of rows at risk. */
        public Restriction restriction() {
            double share = rows == 0 ? 0 : Math.round(rowsAtRisk * 1000.0 / rows) / 1000.0;
            String evidence = "smallest group: %d row%s".formatted(smallestGroup, smallestGroup == 1 ? "" : "s");
            return new Restriction(KIND, Restriction.SEVERITY_REVIEW, share, List.of(evidence));
        }
    }
}
