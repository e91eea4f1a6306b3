package kz.opendata.hub.passport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.opendata.hub.analysis.detect.EmbeddedValues;
import kz.opendata.hub.passport.DraftInput.PublishedColumn;

/**
 * Picks control examples (passport section 3): the first sampled rows that fill every required
 * attribute, topped up with the first other rows. Records hold only published columns that are not
 * under review, keyed by technical name, so no restricted column reaches them. Restricted values
 * inside other cells, such as an IIN in a comment, are hidden ({@link EmbeddedValues}).
 */
final class ControlExampleSelection {

    static final int COUNT = 3;

    private ControlExampleSelection() {}

    static List<Map<String, String>> select(DraftInput input) {
        List<PublishedColumn> exampleColumns =
                input.columns().stream().filter(column -> !column.underReview()).toList();
        List<String[]> complete = new ArrayList<>();
        List<String[]> others = new ArrayList<>();
        for (String[] row : input.sample().rows()) {
            (fillsRequired(row, input.columns()) ? complete : others).add(row);
        }
        List<Map<String, String>> examples = new ArrayList<>();
        for (String[] row : concat(complete, others)) {
            if (examples.size() == COUNT) {
                break;
            }
            examples.add(record(row, exampleColumns));
        }
        return examples;
    }

    private static boolean fillsRequired(String[] row, List<PublishedColumn> columns) {
        return columns.stream()
                .filter(column -> column.report().required())
                .allMatch(column -> RowSample.cell(row, column.index()) != null);
    }

    private static Map<String, String> record(String[] row, List<PublishedColumn> exampleColumns) {
        Map<String, String> record = new LinkedHashMap<>();
        for (PublishedColumn column : exampleColumns) {
            record.put(column.technicalName(), EmbeddedValues.mask(RowSample.cell(row, column.index())));
        }
        return Collections.unmodifiableMap(record);
    }

    private static List<String[]> concat(List<String[]> first, List<String[]> second) {
        List<String[]> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
