package kz.opendata.hub.passport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.opendata.hub.analysis.detect.EmbeddedValues;
import kz.opendata.hub.passport.DraftInput.PublishedColumn;

/**
 * Picks control examples (passport section 3): the first sampled rows that fill every required
 * attribute, topped up with the first other rows. Records hold only published columns that are not
 * under review, keyed by technical name, so no restricted column reaches them. Restricted values
 * inside other cells, such as an IIN in a comment, are hidden ({@link EmbeddedValues}). A value
 * longer than {@value #MAX_VALUE_LENGTH} characters is cut there and ends with an ellipsis, so one
 * pasted document does not fill pages of the passport.
 */
final class ControlExampleSelection {

    static final int COUNT = 3;

    /** Maximum length of a value quoted in full, in characters. */
    static final int MAX_VALUE_LENGTH = 500;

    private ControlExampleSelection() {}

    /**
     * The chosen examples and the names of the columns that have a value cut to {@link
     * #MAX_VALUE_LENGTH} characters in them, in table order.
     */
    record Selection(List<Map<String, String>> examples, List<String> shortenedColumns) {}

    static Selection select(DraftInput input) {
        List<PublishedColumn> exampleColumns =
                input.columns().stream().filter(column -> !column.underReview()).toList();
        List<String[]> complete = new ArrayList<>();
        List<String[]> others = new ArrayList<>();
        for (String[] row : input.sample().rows()) {
            (fillsRequired(row, input.columns()) ? complete : others).add(row);
        }
        List<Map<String, String>> examples = new ArrayList<>();
        Set<String> shortened = new LinkedHashSet<>();
        for (String[] row : concat(complete, others)) {
            if (examples.size() == COUNT) {
                break;
            }
            examples.add(record(row, exampleColumns, shortened));
        }
        List<String> shortenedColumns = exampleColumns.stream()
                .map(PublishedColumn::name)
                .filter(shortened::contains)
                .toList();
        return new Selection(examples, shortenedColumns);
    }

    private static boolean fillsRequired(String[] row, List<PublishedColumn> columns) {
        return columns.stream()
                .filter(column -> column.report().required())
                .allMatch(column -> RowSample.cell(row, column.index()) != null);
    }

    private static Map<String, String> record(
            String[] row, List<PublishedColumn> exampleColumns, Set<String> shortened) {
        Map<String, String> record = new LinkedHashMap<>();
        for (PublishedColumn column : exampleColumns) {
            String value = EmbeddedValues.mask(RowSample.cell(row, column.index()));
            if (value != null && value.codePointCount(0, value.length()) > MAX_VALUE_LENGTH) {
                value = value.substring(0, value.offsetByCodePoints(0, MAX_VALUE_LENGTH)) + "…";
                shortened.add(column.name());
            }
            record.put(column.technicalName(), value);
        }
        return Collections.unmodifiableMap(record);
    }

    private static List<String[]> concat(List<String[]> first, List<String[]> second) {
        List<String[]> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
