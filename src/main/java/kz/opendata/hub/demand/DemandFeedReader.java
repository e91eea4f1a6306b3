package kz.opendata.hub.demand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads requests for data from the JSON the synced endpoint returns: an array of request objects,
 * or an object holding that array under {@code requests}, {@code items}, {@code results} or
 * {@code data}.
 *
 * <p>A request object has {@code id}, {@code title} (or {@code name}, {@code subject}),
 * {@code description} (or {@code text}), {@code kind} (or {@code type}), {@code keywords} (or
 * {@code tags}) and {@code columns} (or {@code fields}) as an array or a string separated by ';'
 * or ',', {@code agency} (or {@code organization}), {@code votes} (or {@code likes}) and
 * {@code requestedAt} (or {@code requested_at}, {@code createdAt}, {@code created}, {@code date}).
 * Other fields, such as the requester's name, are ignored and never stored.
 */
final class DemandFeedReader {

    private static final List<String> ARRAY_FIELDS = List.of("requests", "items", "results", "data");

    private DemandFeedReader() {}

    /** @throws DemandImportException when the body is not JSON or contains no array of requests */
    static ParsedSignals read(byte[] body, SignalRules rules, ObjectMapper json) {
        JsonNode items = items(parse(body, json));
        List<NewSignal> signals = new ArrayList<>();
        List<String> rejections = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            try {
                if (!item.isObject()) {
                    throw new SignalRules.InvalidSignalException("item " + (i + 1) + ": not a JSON object");
                }
                signals.add(rules.check(raw(item, "item " + (i + 1))));
            } catch (SignalRules.InvalidSignalException e) {
                rejections.add(e.getMessage());
            }
        }
        return new ParsedSignals(items.size(), signals, rejections, StandardCharsets.UTF_8.name());
    }

    private static JsonNode parse(byte[] body, ObjectMapper json) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new DemandImportException(
                    "the demand endpoint returned a body that is not JSON (" + e.getMessage()
                            + "); check hub.demand.sync.url",
                    e);
        }
    }

    private static JsonNode items(JsonNode root) {
        if (root != null && root.isArray()) {
            return root;
        }
        for (String field : ARRAY_FIELDS) {
            if (root != null && root.path(field).isArray()) {
                return root.path(field);
            }
        }
        throw new DemandImportException("the demand endpoint returned JSON without an array of requests; expected"
                + " an array, or an object with one of " + ARRAY_FIELDS);
    }

    private static RawSignal raw(JsonNode item, String where) {
        return new RawSignal(
                where,
                text(item, "id"),
                text(item, "kind", "type"),
                text(item, "title", "name", "subject"),
                text(item, "description", "text"),
                list(item, "keywords", "tags"),
                list(item, "columns", "fields"),
                text(item, "agency", "organization"),
                text(item, "votes", "likes"),
                text(item, "requestedAt", "requested_at", "createdAt", "created", "date"));
    }

    private static String text(JsonNode item, String... names) {
        for (String name : names) {
            JsonNode value = item.path(name);
            if (value.isValueNode() && !value.isNull()) {
                return value.asText();
            }
        }
        return null;
    }

    private static List<String> list(JsonNode item, String... names) {
        for (String name : names) {
            JsonNode value = item.path(name);
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(element -> items.add(element.asText("")));
                return items;
            }
            if (value.isTextual()) {
                return List.of(value.asText());
            }
        }
        return List.of();
    }
}
