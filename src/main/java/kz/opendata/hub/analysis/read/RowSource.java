package kz.opendata.hub.analysis.read;

import java.io.Closeable;
import java.io.IOException;

/** Physical rows of one table in a file, in file order. */
interface RowSource extends Closeable {

    /** Reads the next row, or returns null after the last one. */
    RawRow next() throws IOException;

    /** Describes a row for messages, such as "line 12" or "row 12 of sheet 'ООС'". */
    String describe(long rowNumber);
}
