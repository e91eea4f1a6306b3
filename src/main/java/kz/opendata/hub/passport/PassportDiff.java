package kz.opendata.hub.passport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Differences between two passport documents, one per changed leaf value. Paths read like the
 * passport's review list: {@code general.fullName.ru}, {@code attributes[2].required}, {@code
 * general.keywords.kk[0]}.
 */
public final class PassportDiff {

    private PassportDiff() {}

    /** Leaves added, removed or changed, in the order of the newer document, then removed ones. */
    public static List<Change> between(JsonNode before, JsonNode after) {
        Map<String, String> old = flatten(before);
        Map<String, String> current = flatten(after);
        Set<String> paths = new LinkedHashSet<>(current.keySet());
        paths.addAll(old.keySet());
        List<Change> changes = new ArrayList<>();
        for (String path : paths) {
            String was = old.get(path);
            String now = current.get(path);
            if (was == null ? now != null : !was.equals(now)) {
                changes.add(new Change(path, was, now));
            }
        }
        return changes;
    }

    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> leaves = new LinkedHashMap<>();
        if (node != null) {
            flatten("", node, leaves);
        }
        return leaves;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> leaves) {
        if (node.isObject()) {
            node.properties().forEach(member -> flatten(join(path, member.getKey()), member.getValue(), leaves));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), leaves);
            }
        } else if (!node.isNull()) {
            leaves.put(path, node.asText());
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /**
     * One changed leaf.
     *
     * @param before null when the value was added
     * @param after null when the value was removed
     */
    public record Change(String path, String before, String after) {}
}
