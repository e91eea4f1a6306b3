package kz.opendata.hub.analysis.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.opendata.hub.analysis.Problem;

/** Counts the flaws met while reading a table, keeping the first place of each. */
final class ReadIssues {

    private final RowSource rows;
    private final Map<String, Tally> tallies = new HashMap<>();

    ReadIssues(RowSource rows) {
        this.rows = rows;
    }

    void blankRows(long firstRow, long count) {
        Tally tally = tally("blank-rows", firstRow);
        tally.count += count - 1;
    }

    void note(long row) {
        tally("notes-below-table", row);
    }

    void cellsOutsideTable(long row) {
        tally("cells-outside-table", row);
    }

    void raggedRow(long row, int fields, int expected) {
        Tally tally = tally("ragged-row", row);
        if (tally.count == 1) {
            tally.detail = "%d fields where the header has %d".formatted(fields, expected);
        }
    }

    List<Problem> rowProblems() {
        List<Problem> problems = new ArrayList<>();
        addProblem(
                problems,
                "ragged-row",
                "%d rows have fewer fields than the header (first on %s);"
                        + " export the table again so every row has one field per column");
        addProblem(
                problems,
                "cells-outside-table",
                "%d rows have values left or right of the header's columns"
                        + " (first on %s); those values were left out, so give every column a header");
        addProblem(
                problems,
                "notes-below-table",
                "%d note rows below the table (first on %s) were left out of the"
                        + " data; keep notes in the passport description instead");
        addProblem(
                problems, "blank-rows", "%d blank rows (first on %s) were skipped; remove blank rows from the export");
        return problems;
    }

    List<Problem> headerProblems(TableLayout layout, TableOrigin origin) {
        List<Problem> problems = new ArrayList<>();
        List<String> header = layout.header();
        if (layout.headerRow() > 1) {
            problems.add(new Problem(
                    "rows-above-header",
                    "the header is on " + rows.describe(layout.headerRow())
                            + "; the rows above it (titles, units) were left out, so move them to the passport",
                    rows.describe(1)));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            String place = "column " + (layout.firstColumn() + i + 1) + ", " + rows.describe(layout.headerRow());
            if (name.isEmpty()) {
                problems.add(
                        new Problem("blank-header", "column " + (i + 1) + " has no header; name every column", place));
            } else if (seen.merge(name.toLowerCase(), 1, Integer::sum) == 2) {
                problems.add(new Problem(
                        "duplicate-header",
                        "header '" + name + "' appears more than once; give each column its own name",
                        place));
            }
        }
        return problems;
    }

    private void addProblem(List<Problem> problems, String code, String template) {
        Tally tally = tallies.get(code);
        if (tally == null) {
            return;
        }
        String first = rows.describe(tally.firstRow);
        if (tally.detail != null) {
            first += ": " + tally.detail;
        }
        problems.add(new Problem(code, template.formatted(tally.count, first), rows.describe(tally.firstRow)));
    }

    private Tally tally(String code, long row) {
        Tally tally = tallies.computeIfAbsent(code, key -> new Tally(row));
        tally.count++;
        return tally;
    }

    private static final class Tally {
        private final long firstRow;
        private long count;
        private String detail;

        Tally(long firstRow) {
            this.firstRow = firstRow;
        }
    }
}
