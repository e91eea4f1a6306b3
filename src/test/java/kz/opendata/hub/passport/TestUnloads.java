package kz.opendata.hub.passport;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.ColumnReport;
import kz.opendata.hub.analysis.ColumnReport.ValueCount;
import kz.opendata.hub.analysis.Criteria;
import kz.opendata.hub.analysis.Criteria.Criterion;
import kz.opendata.hub.analysis.Restriction;
import kz.opendata.hub.analysis.Source;
import kz.opendata.hub.analysis.TableReader;
import kz.opendata.hub.analysis.Verdict;

/**
 * Unloads for drafting tests: real files from {@code src/test/resources/passport} with analysis
 * reports built by hand. Column types, meanings and restrictions are stated per test; counts,
 * ranges and top values are computed from the file so that the report matches it.
 */
public final class TestUnloads {

    public static final int TOP_VALUES = 30;

    private TestUnloads() {}

    /** Column settings the analysis would have decided. */
    public record Column(String technicalName, String type, String semanticType, Restriction restricted) {

        public static Column of(String technicalName, String type) {
            return new Column(technicalName, type, null, null);
        }

        public Column meaning(String semanticType) {
            return new Column(technicalName, type, semanticType, restricted);
        }

        public Column restricted(String kind, String severity) {
            return new Column(technicalName, type, semanticType, new Restriction(kind, severity, 1.0, List.of("***")));
        }
    }

    /** A file's header and data rows. */
    public record Table(String fileName, byte[] bytes, List<String> header, List<String[]> rows) {

        public TableReader reader() {
            return new ListTableReader(header, rows);
        }
    }

    public static Table read(String fileName, String delimiter) throws IOException {
        byte[] bytes;
        try (InputStream input = TestUnloads.class.getResourceAsStream("/passport/" + fileName)) {
            bytes = Objects.requireNonNull(input, fileName).readAllBytes();
        }
        List<String> lines = new String(bytes, StandardCharsets.UTF_8)
                .lines()
                .filter(line -> !line.isEmpty())
                .toList();
        List<String> header = List.of(lines.get(0).split(Pattern.quote(delimiter), -1));
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(Pattern.quote(delimiter), -1));
        }
        return new Table(fileName, bytes, header, rows);
    }

    public static Table hospices() throws IOException {
        return read("hospices.csv", "\t");
    }

    /** Builds the hospices report as the analysis would: the head's name restricted, phones for review. */
    public static AnalysisReport hospicesReport(Table table) {
        return report(
                table,
                "tsv",
                Verdict.CANDIDATE_WITHOUT_RESTRICTED_COLUMNS,
                List.of(
                        Column.of("no_stroki", "integer"),
                        Column.of("nazvanie", "string"),
                        Column.of("adres", "string").meaning("address"),
                        Column.of("administrativnyi_okrug", "string"),
                        Column.of("rukovoditel", "string")
                                .meaning("person-name")
                                .restricted("person-name", "restricted"),
                        Column.of("telefon", "string").meaning("phone").restricted("phone", "review"),
                        Column.of("faks", "string").meaning("phone").restricted("phone", "review"),
                        Column.of("dopolnitelnaia_informatsiia", "string")));
    }

    public static AnalysisReport report(Table table, String format, Verdict verdict, List<Column> columns) {
        List<ColumnReport> reports = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            reports.add(profile(table, i, columns.get(i)));
        }
        Source source = new Source(
                table.fileName(),
                sha256(table.bytes()),
                table.bytes().length,
                format,
                "UTF-8",
                1.0,
                "tsv".equals(format) ? "\t" : ",",
                null,
                1);
        Criterion open = new Criterion(null, null, List.of());
        return new AnalysisReport(
                AnalysisReport.SCHEMA_VERSION,
                source,
                table.rows().size(),
                reports,
                new Criteria(open, open, open, open),
                verdict,
                List.of());
    }

    private static ColumnReport profile(Table table, int index, Column column) {
        List<String> values = new ArrayList<>();
        for (String[] row : table.rows()) {
            String cell = index < row.length ? row[index].strip() : "";
            if (!cell.isEmpty() && !cell.equals("-")) {
                values.add(cell);
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        values.forEach(value -> counts.merge(value, 1L, Long::sum));
        long nulls = table.rows().size() - values.size();
        boolean restricted = column.restricted() != null;
        return new ColumnReport(
                index,
                table.header().get(index),
                column.technicalName(),
                column.type(),
                column.semanticType(),
                nulls,
                counts.size(),
                nulls == 0,
                counts.size() == values.size(),
                column.restricted(),
                restricted ? null : min(values, column.type()),
                restricted ? null : max(values, column.type()),
                values.stream().mapToInt(String::length).min().stream()
                        .boxed()
                        .findFirst()
                        .orElse(null),
                values.stream().mapToInt(String::length).max().stream()
                        .boxed()
                        .findFirst()
                        .orElse(null),
                restricted ? List.of() : top(counts));
    }

    private static List<ValueCount> top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(TOP_VALUES)
                .map(entry -> new ValueCount(entry.getKey(), entry.getValue()))
                .toList();
    }

    private static String min(List<String> values, String type) {
        return values.stream().min(order(type)).map(value -> plain(value, type)).orElse(null);
    }

    private static String max(List<String> values, String type) {
        return values.stream().max(order(type)).map(value -> plain(value, type)).orElse(null);
    }

    private static Comparator<String> order(String type) {
        boolean numeric = List.of("integer", "number", "year").contains(type);
        return numeric ? Comparator.comparing(BigDecimal::new) : Comparator.naturalOrder();
    }

    private static String plain(String value, String type) {
        return "integer".equals(type) || "year".equals(type)
                ? new BigDecimal(value).toBigInteger().toString()
                : value;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves rows from memory, as the analysis' reader would from the file. */
    public static final class ListTableReader implements TableReader {

        private final List<String> header;
        private final List<String[]> rows;
        private int next;
        private boolean closed;

        public ListTableReader(List<String> header, List<String[]> rows) {
            this.header = header;
            this.rows = rows;
        }

        @Override
        public List<String> header() {
            return header;
        }

        @Override
        public String[] next() {
            if (closed) {
                throw new IllegalStateException("reader is closed");
            }
            return next < rows.size() ? Arrays.copyOf(rows.get(next++), header.size()) : null;
        }

        @Override
        public void close() {
            closed = true;
        }

        public boolean isClosed() {
            return closed;
        }
    }
}
