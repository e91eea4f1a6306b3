package kz.opendata.hub.analysis.read;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a stream of records (field name to value), as JSON and XML hold them, into rows: a header
 * row numbered 0 with the field names of the first {@value #SAMPLE_RECORDS} records in order of
 * first appearance, then one row per record. A field that first appears later goes to the right
 * of the header, so the table reports it as a value outside its columns.
 */
abstract class RecordRows implements RowSource {

    static final int SAMPLE_RECORDS = 50;

    private final Deque<Map<String, String>> sampled = new ArrayDeque<>();
    private List<String> fields;
    private long recordNumber;

    /** Reads the next record, or returns null after the last one. */
    protected abstract Map<String, String> nextRecord() throws IOException;

    @Override
    public final RawRow next() throws IOException {
        if (fields == null) {
            return headerRow();
        }
        Map<String, String> record = sampled.isEmpty() ? nextRecord() : sampled.poll();
        if (record == null) {
            return null;
        }
        List<String> cells = new ArrayList<>(fields.size());
        for (String field : fields) {
            String value = record.remove(field);
            cells.add(value == null ? "" : value);
        }
        // Fields the sample did not show: kept beyond the header, so the table counts them.
        cells.addAll(record.values());
        return new RawRow(++recordNumber, cells);
    }

    private RawRow headerRow() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        Map<String, String> record;
        while (sampled.size() < SAMPLE_RECORDS && (record = nextRecord()) != null) {
            sampled.add(new LinkedHashMap<>(record));
            names.addAll(record.keySet());
        }
        fields = List.copyOf(names);
        return sampled.isEmpty() ? null : new RawRow(0, fields);
    }

    @Override
    public Long fixedHeaderRow() {
        return 0L;
    }

    @Override
    public boolean fixedColumns() {
        return true;
    }

    @Override
    public String describe(long rowNumber) {
        return rowNumber == 0 ? "the field names" : "record " + rowNumber;
    }
}
