package kz.opendata.hub.demand;

import java.util.List;

/**
 * A request for data with its fields as text, as found in a CSV row or a JSON object, before
 * {@link SignalRules} checks them.
 *
 * @param where the place in the input, such as "line 4" or "item 2", named in rejections
 * @param keywords keywords, each item possibly a list separated by ';' or ','
 * @param columns requested column names, each item possibly a list separated by ';' or ','
 */
record RawSignal(
        String where,
        String id,
        String kind,
        String title,
        String description,
        List<String> keywords,
        List<String> columns,
        String agency,
        String votes,
        String requestedAt) {

    RawSignal {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
