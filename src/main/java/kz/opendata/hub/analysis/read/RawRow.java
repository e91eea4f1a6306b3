package kz.opendata.hub.analysis.read;

import java.util.List;

/**
 * One physical row as the file stores it, before the table layout is applied.
 *
 * @param number 1-based line number of a text file or row number of a sheet
 * @param cells cell texts by column position; an empty cell is an empty string
 */
record RawRow(long number, List<String> cells) {

    String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }

    boolean isBlank() {
        return firstFilledColumn() < 0;
    }

    int filledCount() {
        int count = 0;
        for (int i = 0; i < cells.size(); i++) {
            if (isFilled(i)) {
                count++;
            }
        }
        return count;
    }

    /** Returns true when exactly one cell is filled. It stops at the second filled cell, where {@link #filledCount} reads on. */
    boolean hasOneFilledCell() {
        int count = 0;
        for (int i = 0; i < cells.size(); i++) {
            if (isFilled(i) && ++count > 1) {
                return false;
            }
        }
        return count == 1;
    }

    int firstFilledColumn() {
        for (int i = 0; i < cells.size(); i++) {
            if (isFilled(i)) {
                return i;
            }
        }
        return -1;
    }

    int lastFilledColumn() {
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (isFilled(i)) {
                return i;
            }
        }
        return -1;
    }

    /** Tells whether a cell is filled, from its bytes when the row keeps them. */
    boolean isFilled(int column) {
        if (cells instanceof EncodedCells encoded) {
            return encoded.isFilled(column);
        }
        return isFilled(cells.get(column));
    }

    static boolean isFilled(String cell) {
        return cell != null && !cell.isBlank();
    }
}
