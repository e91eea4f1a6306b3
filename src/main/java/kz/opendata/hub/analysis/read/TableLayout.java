package kz.opendata.hub.analysis.read;

import java.util.List;

/**
 * The position of the table among a file's rows.
 *
 * @param headerRow 1-based row or line number of the header
 * @param firstColumn 0-based position of the table's first column in the row
 * @param header header texts with white space collapsed, one per table column
 * @param headerFields cells in the header row as read, including empty ones beyond the table
 */
record TableLayout(long headerRow, int firstColumn, List<String> header, int headerFields) {

    int width() {
        return header.size();
    }
}
