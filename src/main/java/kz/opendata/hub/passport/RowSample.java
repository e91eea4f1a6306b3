package kz.opendata.hub.passport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import kz.opendata.hub.analysis.TableReader;

/**
 * The first rows of an unload, kept in memory to pick control examples and to infer date formats,
 * update frequency and categories. Bounded in rows and in characters per cell so that any unload
 * fits.
 */
final class RowSample {

    static final int MAX_ROWS = 1000;
    static final int MAX_CELL_LENGTH = 500;

    private final List<String[]> rows;

    RowSample(List<String[]> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Reads up to {@link #MAX_ROWS} rows; the caller closes the reader. */
    static RowSample read(TableReader reader) throws IOException {
        List<String[]> rows = new ArrayList<>();
        String[] row;
        while (rows.size() < MAX_ROWS && (row = reader.next()) != null) {
            rows.add(shorten(row));
        }
        return new RowSample(rows);
    }

    List<String[]> rows() {
        return rows;
    }

    /** Returns the trimmed cell of a column, or null when the row is shorter or the cell is blank. */
    static String cell(String[] row, int index) {
        if (index < 0 || index >= row.length || row[index] == null || row[index].isBlank()) {
            return null;
        }
        return row[index].strip();
    }

    /** Returns the non-blank trimmed cells of one column, in row order. */
    List<String> values(int index) {
        List<String> values = new ArrayList<>();
        for (String[] row : rows) {
            String value = cell(row, index);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private static String[] shorten(String[] row) {
        String[] copy = row.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] != null && copy[i].length() > MAX_CELL_LENGTH) {
                copy[i] = copy[i].substring(0, MAX_CELL_LENGTH) + "…";
            }
        }
        return copy;
    }
}
