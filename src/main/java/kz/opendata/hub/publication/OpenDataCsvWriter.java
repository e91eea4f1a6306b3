package kz.opendata.hub.publication;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.ColumnReport;
import kz.opendata.hub.analysis.Restriction;
import kz.opendata.hub.analysis.TableReader;

/**
 * Writes the open copy of an unload: UTF-8 CSV after RFC 4180, without the columns that must not
 * be published.
 *
 * <p>The format: UTF-8 without a byte order mark, a comma between fields, CRLF after every record
 * (the line break RFC 4180 prescribes), a header row of the columns' technical names. A field is
 * quoted when it contains a comma, a double quote, CR or LF; a quote inside is doubled. A missing
 * cell and an empty cell are both written as an empty field.
 *
 * <p>Spreadsheet programs run a cell that starts with {@code =}, {@code +}, {@code -}, {@code @},
 * a tab or CR as a formula. Such a cell gets a leading apostrophe ({@code '=SUM(A1)}), unless it
 * is a plain number such as {@code -12.5} or {@code +7}, which is kept as it is.
 *
 * <p>Rows stream from the reader to the file one at a time, so memory does not grow with the
 * table's size.
 */
public class OpenDataCsvWriter {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+([.,]\\d+)?|[.,]\\d+)([eE][+-]?\\d+)?");
    private static final String RECORD_END = "\r\n";

    /**
     * Writes every row of {@code table} to {@code target}, replacing the file if it exists.
     *
     * @param excludedColumns technical names of further columns to leave out, beside every column
     *     whose restriction severity is {@code restricted}
     * @throws IllegalArgumentException when the reader's header does not match the report's columns
     */
    public CsvWriteResult write(TableReader table, AnalysisReport report, Set<String> excludedColumns, Path target) {
        return write(table, report, List.of(), excludedColumns, target);
    }

    /**
     * Writes every row of {@code table} to {@code target} with the kept columns in the order of
     * {@code columnOrder}, so a later unload whose columns moved still matches the approved
     * schema's order. Kept columns that {@code columnOrder} does not name follow in source order.
     *
     * @param columnOrder technical names in the order to write them
     * @see #write(TableReader, AnalysisReport, Set, Path)
     */
    public CsvWriteResult write(
            TableReader table,
            AnalysisReport report,
            List<String> columnOrder,
            Set<String> excludedColumns,
            Path target) {
        List<ColumnReport> kept = inOrder(keptColumns(report, excludedColumns), columnOrder);
        requireMatchingHeader(table.header(), report);
        MessageDigest digest = Sha256.newDigest();
        try (OutputStream file = Files.newOutputStream(target);
                Writer out = new BufferedWriter(
                        new OutputStreamWriter(new DigestOutputStream(file, digest), StandardCharsets.UTF_8),
                        64 * 1024)) {
            List<String> header = kept.stream().map(ColumnReport::technicalName).toList();
            writeRecord(out, header.toArray(String[]::new), false);
            long rows = writeRows(table, kept, out);
            out.flush();
            return new CsvWriteResult(target, header, rows, Files.size(target), Sha256.hex(digest.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write the open data CSV " + target + ": " + e.getMessage(), e);
        }
    }

    /** Columns to publish, in source order: the report's columns minus restricted and excluded ones. */
    static List<ColumnReport> keptColumns(AnalysisReport report, Set<String> excludedColumns) {
        List<ColumnReport> kept = new ArrayList<>();
        for (ColumnReport column : report.columns()) {
            if (!isRestricted(column) && !excludedColumns.contains(column.technicalName())) {
                kept.add(column);
            }
        }
        return kept;
    }

    private static List<ColumnReport> inOrder(List<ColumnReport> kept, List<String> columnOrder) {
        List<ColumnReport> ordered = new ArrayList<>(kept);
        ordered.sort(Comparator.comparingInt(column -> {
            int position = columnOrder.indexOf(column.technicalName());
            return position < 0 ? Integer.MAX_VALUE : position;
        }));
        return ordered;
    }

    static boolean isRestricted(ColumnReport column) {
        return column.restricted() != null
                && Restriction.SEVERITY_RESTRICTED.equals(column.restricted().severity());
    }

    private static void requireMatchingHeader(List<String> header, AnalysisReport report) {
        if (header.size() != report.columns().size()) {
            throw new IllegalArgumentException(
                    "the table has " + header.size() + " columns but its analysis report lists "
                            + report.columns().size() + "; analyse the unload again before publishing");
        }
        for (ColumnReport column : report.columns()) {
            if (column.index() < 0 || column.index() >= header.size()) {
                throw new IllegalArgumentException("the analysis report gives column '" + column.technicalName()
                        + "' index " + column.index() + ", outside the table's " + header.size() + " columns");
            }
        }
    }

    private static long writeRows(TableReader table, List<ColumnReport> kept, Writer out) throws IOException {
        String[] fields = new String[kept.size()];
        long rows = 0;
        for (String[] cells = table.next(); cells != null; cells = table.next()) {
            for (int i = 0; i < fields.length; i++) {
                int index = kept.get(i).index();
                fields[i] = index < cells.length ? cells[index] : null;
            }
            writeRecord(out, fields, true);
            rows++;
        }
        return rows;
    }

    private static void writeRecord(Writer out, String[] fields, boolean guard) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            String value = fields[i] == null ? "" : fields[i];
            writeField(out, guard ? guardFormula(value) : value);
        }
        out.write(RECORD_END);
    }

    /** Prefixes an apostrophe to a cell that a spreadsheet would run as a formula. */
    static String guardFormula(String value) {
        if (value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0) {
            return value;
        }
        return PLAIN_NUMBER.matcher(value).matches() ? value : "'" + value;
    }

    private static void writeField(Writer out, String value) throws IOException {
        if (!needsQuotes(value)) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
