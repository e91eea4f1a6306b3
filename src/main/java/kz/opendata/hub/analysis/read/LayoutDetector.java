package kz.opendata.hub.analysis.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the header row and the column span of a table from its first rows.
 *
 * <p>Title rows and unit rows above a table fill one or two cells, while the header fills most of
 * the table's width. The header is the first row that fills at least a third as many cells as the
 * fullest row among the first rows, with at least two different texts when the table is wider than
 * one column.
 */
final class LayoutDetector {

    private static final int SPAN_SAMPLE_ROWS = 20;
    /** Filled rows a one-column sheet needs to count as a table: the header and two values. */
    private static final int MIN_SINGLE_COLUMN_SHEET_ROWS = 3;

    private static final Pattern GENERATED_NAME = Pattern.compile("(?iu)(column|столбец|колонка|бағана)\\s*\\d+");

    /**
     * Detects the layout.
     *
     * @param rows the first rows of the file or sheet, in order
     * @param headerRow the header row to use, or null to detect it
     * @param textFormat true for delimited text, where the header's fields fix the columns. In a
     *     sheet the columns span the header and the filled cells of the first data rows.
     */
    Optional<HeaderChoice> detect(List<RawRow> rows, Long headerRow, boolean textFormat) {
        int width = rows.stream().mapToInt(RawRow::filledCount).max().orElse(0);
        if (width == 0) {
            return Optional.empty();
        }
        if (width == 1 && !textFormat && headerRow == null && filledRows(rows) < MIN_SINGLE_COLUMN_SHEET_ROWS) {
            // A sheet with a title and a note in one column is a cover page or a promise of data,
            // not a table; a real one-column list has a header and at least two values.
            return Optional.empty();
        }
        for (int i = 0; i < rows.size(); i++) {
            RawRow row = rows.get(i);
            boolean chosen = headerRow == null ? looksLikeHeader(row, width) : row.number() == headerRow;
            if (chosen
                    && headerRow == null
                    && isGeneratedHeader(row)
                    && i + 1 < rows.size()
                    && looksLikeHeader(rows.get(i + 1), width)) {
                continue;
            }
            if (chosen) {
                List<RawRow> following = rows.subList(i + 1, rows.size());
                TableLayout layout = textFormat ? textLayout(row, following) : sheetLayout(row, following);
                return Optional.of(new HeaderChoice(i, layout));
            }
        }
        return Optional.empty();
    }

    private static long filledRows(List<RawRow> rows) {
        return rows.stream().filter(row -> row.filledCount() > 0).count();
    }

    private static boolean looksLikeHeader(RawRow row, int tableWidth) {
        int filled = row.filledCount();
        if (tableWidth == 1) {
            return filled == 1;
        }
        return filled >= 2 && filled * 3 >= tableWidth && distinctTexts(row) >= 2;
    }

    /**
     * True for the placeholder names a query tool writes over a table it loaded without a header
     * ("Column1", "Столбец1"), in which case the real header is the next row.
     */
    private static boolean isGeneratedHeader(RawRow row) {
        return row.cells().stream()
                .filter(RawRow::isFilled)
                .allMatch(cell -> GENERATED_NAME.matcher(cell.strip()).matches());
    }

    private static int distinctTexts(RawRow row) {
        Set<String> texts = new HashSet<>();
        for (String cell : row.cells()) {
            if (RawRow.isFilled(cell)) {
                texts.add(cell.strip());
            }
        }
        return texts.size();
    }

    /**
     * Takes the header's fields as the columns, without trailing fields that are empty in the
     * header and in the first data rows, as Excel writes when cells to the right were once used.
     */
    private static TableLayout textLayout(RawRow header, List<RawRow> following) {
        int last = header.lastFilledColumn();
        for (RawRow row : following.subList(0, Math.min(SPAN_SAMPLE_ROWS, following.size()))) {
            last = Math.max(last, row.lastFilledColumn());
        }
        return layout(header, 0, Math.min(last, header.cells().size() - 1));
    }

    private static TableLayout sheetLayout(RawRow header, List<RawRow> following) {
        int first = header.firstFilledColumn();
        int last = header.lastFilledColumn();
        int sampled = 0;
        for (RawRow row : following) {
            if (sampled == SPAN_SAMPLE_ROWS) {
                break;
            }
            // Single-cell rows are often notes below the table, so they do not widen it.
            if (row.filledCount() >= 2) {
                first = Math.min(first, row.firstFilledColumn());
                last = Math.max(last, row.lastFilledColumn());
                sampled++;
            }
        }
        return layout(header, first, last);
    }

    private static TableLayout layout(RawRow header, int first, int last) {
        List<String> names = new ArrayList<>();
        for (int column = first; column <= last; column++) {
            names.add(collapseWhiteSpace(header.cell(column)));
        }
        return new TableLayout(header.number(), first, names, header.cells().size());
    }

    static String collapseWhiteSpace(String text) {
        return text.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    }

    /**
     * The detected header.
     *
     * @param index position of the header row among the rows given to {@link #detect}
     */
    record HeaderChoice(int index, TableLayout layout) {}
}
