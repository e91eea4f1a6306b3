package kz.opendata.hub.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.opendata.hub.passport.Passport;
import kz.opendata.hub.passport.PassportDiff;
import kz.opendata.hub.passport.PassportJson;

/**
 * Applies an agency's edited passport to the version it was sent: the next version takes the
 * fields an agency may change and keeps every other field as the hub derived it from the data.
 *
 * <p>An agency may change the names, the description and the keywords (general, except the
 * category and the supplier), the update frequency, the geobinding, and each attribute's name,
 * group flag and obligation. The attributes keep their technical names in their order, because
 * they come from the unload's columns. A change to any other field, such as an attribute's type or
 * a control example, is recorded as not applied so that an analyst sees it.
 */
final class PassportMerge {

    private static final ObjectMapper MAPPER = PassportJson.mapper();
    private static final List<String> GENERAL_UNITS =
            List.of("/general/fullName", "/general/shortName", "/general/description", "/general/keywords");
    private static final List<String> ATTRIBUTE_FIELDS = List.of("name", "group", "required");
    private static final Set<String> GEOMETRY_TYPES = Set.of("point", "line", "polygon");
    private static final Set<String> BINDING_TYPES = Set.of("address", "coordinates", "territorial-code");

    private PassportMerge() {}

    /**
     * A merged next version and what the agency changed.
     *
     * @param document the next version's passport document, version raised and status draft
     * @param changes every changed leaf, with {@code applied} false for those kept as they were
     */
    record Result(Passport passport, String document, List<RecordedChange> changes) {

        boolean appliesAnything() {
            return changes.stream().anyMatch(RecordedChange::applied);
        }
    }

    /** One changed leaf of an edited passport and whether the next version takes it. */
    record RecordedChange(String path, String before, String after, boolean applied) {}

    /**
     * Merges the edited document into the sent one.
     *
     * @throws UnusableEditException when the edited document is for another data set or version,
     *     changes the attribute list, or gives a value the passport form does not allow
     */
    static Result merge(JsonNode sent, JsonNode edited, String fileName) {
        requireSamePassport(sent, edited, fileName);
        List<String> units = editableUnits(sent);
        ObjectNode merged = sent.deepCopy();
        for (String unit : units) {
            JsonNode value = edited.at(unit);
            if (!value.isMissingNode() && !value.isNull() && !value.equals(sent.at(unit))) {
                replace(merged, unit, value.deepCopy());
            }
        }
        merged.set("version", IntNode.valueOf(sent.path("version").asInt() + 1));
        merged.set("status", TextNode.valueOf("draft"));
        Passport passport = validated(merged, fileName);
        List<RecordedChange> changes = new ArrayList<>();
        for (PassportDiff.Change change : PassportDiff.between(sent, edited)) {
            if (!change.path().equals("version") && !change.path().equals("status")) {
                boolean applied = isInside(change.path(), units);
                changes.add(new RecordedChange(change.path(), change.before(), change.after(), applied));
            }
        }
        return new Result(passport, write(merged), changes);
    }

    private static void requireSamePassport(JsonNode sent, JsonNode edited, String fileName) {
        String id = sent.path("id").asText();
        if (!id.equals(edited.path("id").asText())) {
            throw new UnusableEditException(fileName + " describes another data set than the passport the reply"
                    + " answers (its \"id\" differs); the agency should edit the passport attached to that request");
        }
        int version = sent.path("version").asInt();
        int editedVersion = edited.path("version").asInt(version);
        if (editedVersion != version && editedVersion != version + 1) {
            throw new UnusableEditException(fileName + " is version " + editedVersion + " of the passport, but the"
                    + " reply answers version " + version + "; the agency should edit the version it was sent");
        }
        List<String> names = technicalNames(sent);
        if (!names.equals(technicalNames(edited))) {
            throw new UnusableEditException(fileName + " adds, removes or reorders attributes (technical names "
                    + names + " expected in this order); attributes come from the unload's columns, so only their"
                    + " names, group flags and obligation can change; an analyst can exclude a column instead");
        }
    }

    private static List<String> editableUnits(JsonNode sent) {
        List<String> units = new ArrayList<>(GENERAL_UNITS);
        units.add("/updating/frequency");
        units.add("/geobinding");
        for (int i = 0; i < sent.path("attributes").size(); i++) {
            for (String field : ATTRIBUTE_FIELDS) {
                units.add("/attributes/" + i + "/" + field);
            }
        }
        return units;
    }

    private static boolean isInside(String path, List<String> units) {
        for (String unit : units) {
            String prefix = toDiffPath(unit);
            if (path.equals(prefix) || path.startsWith(prefix + ".") || path.startsWith(prefix + "[")) {
                return true;
            }
        }
        return false;
    }

    /** Turns the pointer /attributes/2/name into the diff path attributes[2].name. */
    static String toDiffPath(String pointer) {
        return pointer.substring(1).replaceAll("/(\\d+)(/|$)", "[$1]$2").replace('/', '.');
    }

    private static void replace(ObjectNode root, String pointer, JsonNode value) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        ((ObjectNode) parent).set(pointer.substring(cut + 1), value);
    }

    private static Passport validated(ObjectNode merged, String fileName) {
        Passport passport;
        try {
            passport = MAPPER.treeToValue(merged, Passport.class);
        } catch (JsonProcessingException e) {
            throw new UnusableEditException(
                    fileName + " has a value the passport form does not allow (" + e.getOriginalMessage()
                            + "); an analyst should ask the agency to correct it",
                    e);
        }
        if (passport.general().fullName().values().stream().allMatch(String::isBlank)) {
            throw new UnusableEditException(fileName + " leaves the full name (1.1.1) empty in every language;"
                    + " the agency should fill it in");
        }
        checkGeobinding(passport, fileName);
        return passport;
    }

    private static void checkGeobinding(Passport passport, String fileName) {
        Passport.Geobinding geobinding = passport.geobinding();
        String problem = null;
        if (geobinding.geometryType() != null && !GEOMETRY_TYPES.contains(geobinding.geometryType())) {
            problem = "geometry type (1.3.2) must be one of " + GEOMETRY_TYPES;
        } else if (geobinding.bindingType() != null && !BINDING_TYPES.contains(geobinding.bindingType())) {
            problem = "geobinding type (1.3.3) must be one of " + BINDING_TYPES;
        } else if (geobinding.addressAttribute() != null
                && !technicalNames(MAPPER.valueToTree(passport)).contains(geobinding.addressAttribute())) {
            problem = "the address attribute (1.3.4) must be the technical name of one of the attributes";
        } else if (!geobinding.available() && (geobinding.geometryType() != null || geobinding.bindingType() != null)) {
            problem = "geobinding is marked as not available (1.3.1) but a geometry or binding type is given";
        }
        if (problem != null) {
            throw new UnusableEditException(
                    fileName + ": " + problem + "; an analyst should ask the agency to" + " correct the geobinding");
        }
    }

    private static List<String> technicalNames(JsonNode document) {
        List<String> names = new ArrayList<>();
        for (JsonNode attribute : document.path("attributes")) {
            names.add(attribute.path("technicalName").asText());
        }
        return names;
    }

    private static String write(ObjectNode document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a passport document could not be written as JSON", e);
        }
    }
}
