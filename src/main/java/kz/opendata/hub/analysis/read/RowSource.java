package kz.opendata.hub.analysis.read;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import kz.opendata.hub.analysis.Problem;

/** Physical rows of one table in a file, in file order. */
interface RowSource extends Closeable {

    /** Reads the next row, or returns null after the last one. */
    RawRow next() throws IOException;

    /** Problems the source met below the level of rows, such as skipped comment lines. */
    default List<Problem> problems() {
        return List.of();
    }

    /**
     * True when the header's fields fix the table's columns, as in delimited text, JSON, XML and
     * DBF; false for sheets, whose columns span the header and the cells of the first data rows.
     */
    default boolean fixedColumns() {
        return false;
    }

    /** Returns the header row number when the format fixes it, as JSON, XML and DBF do; otherwise null. */
    default Long fixedHeaderRow() {
        return null;
    }

    /** Describes a row for messages, such as "line 12" or "row 12 of sheet 'ООС'". */
    String describe(long rowNumber);
}
