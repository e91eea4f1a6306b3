package kz.opendata.hub.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kz.opendata.hub.analysis.Criteria.Criterion;
import kz.opendata.hub.analysis.types.ColumnStats;

/**
 * Applies the four criteria of the open data rules to an analysed table and reaches the verdict.
 *
 * <p>Readiness is a weighted score: machine readability 0.3 (text formats 1.0, XLSX 0.9, XLS 0.8,
 * minus 0.2 when title rows sit above the header and 0.1 when rows are ragged or hold notes),
 * completeness 0.3 (share of filled cells), type consistency 0.25 (mean share of values of each
 * column's main type) and a stable key 0.15 (some column is filled in every row and unique). The
 * criterion passes from {@value #READINESS_PASS}.
 */
final class CriteriaEvaluator {

    static final double READINESS_PASS = 0.6;

    private static final Set<String> SHAPE_PROBLEMS =
            Set.of("ragged-row", "cells-outside-table", "notes-below-table", "blank-rows");
    private static final Set<String> ROW_NUMBER_HEADERS =
            Set.of("№", "№ п/п", "№ строки", "no", "n", "#", "р/с №", "р/с");

    private final Source source;
    private final List<ColumnReport> columns;
    private final List<ColumnStats> stats;
    private final List<Problem> problems;
    private final long rowCount;

    CriteriaEvaluator(
            Source source, List<ColumnReport> columns, List<ColumnStats> stats, List<Problem> problems, long rowCount) {
        this.source = source;
        this.columns = columns;
        this.stats = stats;
        this.problems = problems;
        this.rowCount = rowCount;
    }

    Criteria evaluate() {
        return new Criteria(restrictedData(), demand(), readiness(), publishedNotMachineReadable());
    }

    private Criterion restrictedData() {
        List<String> reasons = new ArrayList<>();
        boolean restricted = false;
        for (ColumnReport column : columns) {
            Restriction restriction = column.restricted();
            if (restriction == null) {
                continue;
            }
            boolean blocks = Restriction.SEVERITY_RESTRICTED.equals(restriction.severity());
            restricted |= blocks;
            reasons.add("column '%s' (%s): %s in %s of its values, %s"
                    .formatted(
                            column.name(),
                            column.technicalName(),
                            restriction.kind(),
                            percent(restriction.share()),
                            blocks
                                    ? "restricted: leave the column out of the open data set"
                                    : "review: a person decides whether it may be published"));
        }
        if (reasons.isEmpty()) {
            reasons.add("no column holds IINs, names of people, phone numbers or e-mail addresses");
        }
        return new Criterion(!restricted, null, reasons);
    }

    private static Criterion demand() {
        return new Criterion(
                null,
                null,
                List.of("no demand signals (portal users' requests, business needs) are stored for this data yet"));
    }

    private static Criterion publishedNotMachineReadable() {
        return new Criterion(
                null, null, List.of("the agency's inventory of data it already publishes is not known to the hub"));
    }

    private Criterion readiness() {
        double readability = machineReadability();
        double completeness = completeness();
        double consistency = stats.stream()
                .mapToDouble(ColumnStats::typeConsistency)
                .average()
                .orElse(0);
        boolean key = columns.stream().anyMatch(c -> c.required() && c.unique() && c.restricted() == null);
        double score = 0.3 * readability + 0.3 * completeness + 0.25 * consistency + 0.15 * (key ? 1 : 0);
        score = Math.round(score * 100) / 100.0;
        List<String> reasons = List.of(
                "machine readability %.2f (%s format)".formatted(readability, source.format()),
                "completeness %.2f (share of filled cells)".formatted(completeness),
                "type consistency %.2f (mean share of values of each column's type)".formatted(consistency),
                key
                        ? "a column is filled in every row and unique, so it can serve as the key"
                        : "no column is both filled in every row and unique, so rows have no stable key");
        return new Criterion(rowCount > 0 && score >= READINESS_PASS, score, reasons);
    }

    private double machineReadability() {
        double value = switch (source.format()) {
            case "xlsx" -> 0.9;
            case "xls" -> 0.8;
            default -> 1.0;
        };
        if (problems.stream().anyMatch(p -> p.code().equals("rows-above-header"))) {
            value -= 0.2;
        }
        if (problems.stream().anyMatch(p -> SHAPE_PROBLEMS.contains(p.code()))) {
            value -= 0.1;
        }
        return Math.max(0, value);
    }

    private double completeness() {
        if (rowCount == 0 || columns.isEmpty()) {
            return 0;
        }
        long nulls = columns.stream().mapToLong(ColumnReport::nullCount).sum();
        return 1 - (double) nulls / (rowCount * columns.size());
    }

    /**
     * Reaches the verdict. A table without rows is not a candidate, and neither is one where no
     * column of value remains once the restricted columns are dropped. A table with restricted
     * columns and other columns of value is a candidate without its restricted columns, and any
     * other table is a candidate. Review findings do not change the verdict.
     */
    static Verdict verdict(List<ColumnReport> columns, long rowCount) {
        if (rowCount == 0) {
            return Verdict.NOT_CANDIDATE;
        }
        boolean anyRestricted = columns.stream().anyMatch(CriteriaEvaluator::isRestricted);
        if (!anyRestricted) {
            return Verdict.CANDIDATE;
        }
        boolean valueRemains = columns.stream()
                .filter(column -> !isRestricted(column))
                .anyMatch(column -> column.nullCount() < rowCount && !isRowNumber(column, rowCount));
        return valueRemains ? Verdict.CANDIDATE_WITHOUT_RESTRICTED_COLUMNS : Verdict.NOT_CANDIDATE;
    }

    /**
     * Formats a share as a whole percentage from 10 % on, and with up to three significant digits
     * below, so that 4.99 % of values, under the trace share of 5 %, does not read as 5 %.
     */
    static String percent(double share) {
        double percent = share * 100;
        if (percent >= 10 || percent == 0) {
            return "%.0f%%".formatted(percent);
        }
        return new BigDecimal(percent)
                        .round(new MathContext(3))
                        .stripTrailingZeros()
                        .toPlainString() + "%";
    }

    private static boolean isRestricted(ColumnReport column) {
        return column.restricted() != null
                && Restriction.SEVERITY_RESTRICTED.equals(column.restricted().severity());
    }

    /** Tells whether a column only numbers the rows 1..n, which carries no information of its own. */
    private static boolean isRowNumber(ColumnReport column, long rowCount) {
        if (ROW_NUMBER_HEADERS.contains(column.name().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return "integer".equals(column.type())
                && column.unique()
                && "1".equals(column.min())
                && String.valueOf(rowCount).equals(column.max());
    }
}
