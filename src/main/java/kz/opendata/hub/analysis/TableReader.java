package kz.opendata.hub.analysis;

import java.io.IOException;
import java.util.List;

/**
 * Streams the data rows of one unload table, after the header row, in the file's order.
 *
 * <p>Publication uses it to write the open copy of the data and the passport drafter to pick
 * control examples, so both see exactly the rows and columns the analysis saw.
 */
public interface TableReader extends AutoCloseable {

    /** Column names as in {@link AnalysisReport#columns()}, in source order. */
    List<String> header();

    /**
     * Reads the next data row.
     *
     * @return cells aligned to {@link #header()}, a missing cell as null; null after the last row
     */
    String[] next() throws IOException;

    @Override
    void close() throws IOException;
}
