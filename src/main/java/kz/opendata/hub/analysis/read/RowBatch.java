package kz.opendata.hub.analysis.read;

/**
 * Data rows of a table handed to the column workers together. A row of delimited text keeps its
 * cells as the file's bytes, so each worker decodes only its own columns. A row of any other
 * format arrives as text.
 */
public final class RowBatch {

    private final Object[] rows;
    private final int firstColumn;
    private int size;

    RowBatch(int capacity, int firstColumn) {
        this.rows = new Object[capacity];
        this.firstColumn = firstColumn;
    }

    void add(EncodedCells row) {
        rows[size++] = row;
    }

    void add(String[] alignedRow) {
        rows[size++] = alignedRow;
    }

    /** Returns the row's undecoded cells, or null when the row arrived as text. */
    EncodedCells encoded(int row) {
        return rows[row] instanceof EncodedCells encoded ? encoded : null;
    }

    /** Returns the file's column index of the table's first column, for rows that keep every field. */
    int firstColumn() {
        return firstColumn;
    }

    public int size() {
        return size;
    }

    public boolean isFull() {
        return size == rows.length;
    }

    /**
     * Returns the text of a cell, decoding it when the row keeps bytes, or null when the cell is
     * missing or blank.
     *
     * @param column the column's index in the table's header
     */
    public String cell(int row, int column) {
        Object cells = rows[row];
        if (cells instanceof EncodedCells encoded) {
            return encoded.filledOrNull(firstColumn + column);
        }
        String[] aligned = (String[]) cells;
        return column < aligned.length ? aligned[column] : null;
    }
}
