package kz.opendata.hub.analysis.read;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import kz.opendata.hub.analysis.Problem;
import kz.opendata.hub.analysis.TableReader;
import kz.opendata.hub.analysis.UnreadableUnloadException;

/**
 * Data rows of an unload's table, aligned to its header.
 *
 * <p>Blank rows are skipped, and reported as a problem only when data rows follow them. Notes
 * below the table are left out. In a table at least three columns wide, a row that fills a single
 * cell is a note when it follows a blank row or another note, or when it starts with a note
 * marker such as "Примечание" or "Source".
 *
 * <p>The table rejects the unload with an {@link UnreadableUnloadException} when a cell is longer
 * than {@link ReadLimits#maxCellLength()}, when no data row follows the header, and when a text
 * table has data rows but none of them lines up with the header's fields.
 */
public final class UnloadTable implements TableReader {

    private static final List<String> NOTE_MARKERS =
            List.of("примечан", "ескерту", "источник", "дереккөз", "note", "source", "*");

    private final RowSource rows;
    private final Closeable owner;
    private final TableLayout layout;
    private final TableOrigin origin;
    private final boolean textFormat;
    private final Deque<RawRow> pending;
    private final ReadIssues issues;
    private final StreamDigest digest;
    private final String fileName;
    private final int maxCellLength;
    private long previousRow;
    private long dataRows;
    private long fittingRows;
    private RawRow firstMisfit;
    private boolean afterBlank;
    private boolean inNotes;
    private long pendingBlankRows;
    private long firstPendingBlankRow;

    UnloadTable(
            RowSource rows,
            Closeable owner,
            TableLayout layout,
            TableOrigin origin,
            List<RawRow> following,
            StreamDigest digest,
            String fileName,
            ReadLimits limits) {
        this.digest = digest;
        this.fileName = fileName;
        this.maxCellLength = limits.maxCellLength();
        this.rows = rows;
        this.owner = owner;
        this.layout = layout;
        this.origin = origin;
        this.textFormat = origin.sheet() == null;
        this.pending = new ArrayDeque<>(following);
        this.issues = new ReadIssues(rows);
        this.previousRow = layout.headerRow();
        checkHeaderLength();
    }

    @Override
    public List<String> header() {
        return layout.header();
    }

    public TableOrigin origin() {
        return origin;
    }

    @Override
    public String[] next() throws IOException {
        RawRow row = nextDataRow();
        return row == null ? null : align(row);
    }

    /** Returns an empty batch for {@link #next(RowBatch)} that takes up to this many rows. */
    public RowBatch newBatch(int capacity) {
        return new RowBatch(capacity, layout.firstColumn());
    }

    /**
     * Reads the next data row into the batch, where a delimited text file's cells stay undecoded
     * until a column worker reads them. Returns false after the last row.
     */
    public boolean next(RowBatch batch) throws IOException {
        RawRow row = nextDataRow();
        if (row == null) {
            return false;
        }
        if (row.cells() instanceof EncodedCells encoded) {
            checkShape(row, layout.firstColumn(), layout.width());
            decodeOutsideTable(row);
            batch.add(encoded);
        } else {
            batch.add(align(row));
        }
        return true;
    }

    private RawRow nextDataRow() throws IOException {
        RawRow row;
        while ((row = nextRaw()) != null) {
            boolean gap = row.number() > previousRow + 1 && !textFormat;
            previousRow = row.number();
            if (row.isBlank()) {
                holdBlankRow(row.number());
                continue;
            }
            if (isNote(row, afterBlank || gap)) {
                issues.note(row.number());
                inNotes = true;
                continue;
            }
            commitBlankRows();
            afterBlank = false;
            inNotes = false;
            return row;
        }
        checkEnd();
        return null;
    }

    /**
     * Finishes reading the file and returns its SHA-256, for formats read as one stream; null for
     * workbooks, which POI reads by parts. Call after {@link #next()} has returned null.
     */
    public String sha256() throws IOException {
        return digest == null ? null : digest.finish();
    }

    /** Problems met while reading so far; complete once {@link #next()} has returned null. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>(issues.headerProblems(layout, origin));
        problems.addAll(issues.rowProblems());
        problems.addAll(rows.problems());
        return problems;
    }

    /** Holds a blank row back, because blank rows after the last data row are not a flaw. */
    private void holdBlankRow(long number) {
        if (pendingBlankRows++ == 0) {
            firstPendingBlankRow = number;
        }
        afterBlank = true;
    }

    private void commitBlankRows() {
        if (pendingBlankRows > 0) {
            issues.blankRows(firstPendingBlankRow, pendingBlankRows);
            pendingBlankRows = 0;
        }
    }

    private RawRow nextRaw() throws IOException {
        RawRow row = pending.isEmpty() ? rows.next() : pending.poll();
        if (row != null) {
            checkCellLength(row);
        }
        return row;
    }

    private void checkHeaderLength() {
        for (int i = 0; i < layout.width(); i++) {
            if (layout.header().get(i).length() > maxCellLength) {
                throw cellTooLong(
                        layout.headerRow(),
                        layout.firstColumn() + i,
                        layout.header().get(i).length());
            }
        }
    }

    /**
     * Decodes the filled cells left and right of the table, which no column worker reads, so
     * that their bytes are checked against the encoding like the rest of the file.
     */
    private void decodeOutsideTable(RawRow row) {
        int first = layout.firstColumn();
        int end = first + layout.width();
        for (int i = 0; i < row.cells().size(); i++) {
            if ((i < first || i >= end) && row.isFilled(i)) {
                row.cells().get(i);
            }
        }
    }

    private void checkCellLength(RawRow row) {
        List<String> cells = row.cells();
        if (cells instanceof EncodedCells encoded) {
            for (int i = 0; i < encoded.size(); i++) {
                // A cell has at most as many characters as bytes, so only a long one is decoded to count them.
                if (encoded.byteLength(i) > maxCellLength && encoded.get(i).length() > maxCellLength) {
                    throw cellTooLong(row.number(), i, encoded.get(i).length());
                }
            }
            return;
        }
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell != null && cell.length() > maxCellLength) {
                throw cellTooLong(row.number(), i, cell.length());
            }
        }
    }

    private UnreadableUnloadException cellTooLong(long rowNumber, int column, int length) {
        return new UnreadableUnloadException(
                "%s: the cell in column %d on %s has %d characters, more than the limit of %d;"
                                .formatted(fileName, column + 1, rows.describe(rowNumber), length, maxCellLength)
                        + " a cell that long is usually a whole document pasted into the table or a quote that never"
                        + " closes, so check that cell and send the table again");
    }

    /** Rejects a table without data rows, and a text table whose rows never line up with its header. */
    private void checkEnd() {
        if (dataRows == 0) {
            throw new UnreadableUnloadException(
                    "%s: the header on %s has %d columns, but no data rows follow it; send the unload with its data rows"
                            .formatted(fileName, rows.describe(layout.headerRow()), layout.width()));
        }
        if (textFormat && fittingRows == 0) {
            throw new UnreadableUnloadException(("%s: none of the %d data rows has the header's %d fields (first on %s:"
                            + " %d fields), so the values cannot be matched to columns; export the table again"
                            + " with one field per column in every row")
                    .formatted(
                            fileName,
                            dataRows,
                            layout.headerFields(),
                            rows.describe(firstMisfit.number()),
                            firstMisfit.cells().size()));
        }
    }

    private boolean isNote(RawRow row, boolean followsBlank) {
        if (layout.width() < 3 || !row.hasOneFilledCell()) {
            return false;
        }
        String text = row.cell(row.firstFilledColumn()).strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty() || Character.isDigit(text.charAt(0)) || text.startsWith("-")) {
            return false;
        }
        return followsBlank || inNotes || NOTE_MARKERS.stream().anyMatch(text::startsWith);
    }

    private String[] align(RawRow row) {
        int first = layout.firstColumn();
        int width = layout.width();
        String[] cells = new String[width];
        for (int i = 0; i < width; i++) {
            String cell = row.cell(first + i);
            cells[i] = RawRow.isFilled(cell) ? cell : null;
        }
        checkShape(row, first, width);
        return cells;
    }

    private void checkShape(RawRow row, int first, int width) {
        countFit(row, first + width);
        int last = row.lastFilledColumn();
        if (row.firstFilledColumn() < first || last >= first + width) {
            issues.cellsOutsideTable(row.number());
        } else if (textFormat && row.cells().size() < layout.headerFields()) {
            issues.raggedRow(row.number(), row.cells().size(), layout.headerFields());
        }
    }

    /**
     * Counts a row that fits the table: at least one field per column, and nothing filled to the
     * right of the columns, so trailing empty fields and a header's trailing delimiter still fit.
     */
    private void countFit(RawRow row, int tableEnd) {
        dataRows++;
        if (row.cells().size() >= tableEnd && row.lastFilledColumn() < tableEnd) {
            fittingRows++;
        } else if (firstMisfit == null) {
            firstMisfit = row;
        }
    }

    @Override
    public void close() throws IOException {
        try (Closeable file = digest;
                Closeable workbook = owner) {
            rows.close();
        }
    }
}
