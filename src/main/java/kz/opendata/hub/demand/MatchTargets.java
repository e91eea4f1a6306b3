package kz.opendata.hub.demand;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.Set;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.UnloadRecord;

/**
 * Builds {@link MatchTarget}s: a passport's names, keywords, category and attributes in every
 * language, and an unload's file name, sheet and column headers.
 */
final class MatchTargets {

    private MatchTargets() {}

    static MatchTarget of(PassportRecord passport, ObjectMapper json) throws JsonProcessingException {
        JsonNode document = json.readTree(passport.passportJson());
        JsonNode general = document.path("general");
        Set<String> names = new LinkedHashSet<>(DemandTerms.of(passport.datasetName()));
        addTexts(names, general.path("fullName"));
        addTexts(names, general.path("shortName"));
        Set<String> keywords = new LinkedHashSet<>();
        addTexts(keywords, general.path("keywords"));
        addTexts(keywords, general.path("category"));
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode attribute : document.path("attributes")) {
            columns.addAll(DemandTerms.of(attribute.path("technicalName").asText("")));
            addTexts(columns, attribute.path("name"));
        }
        return new MatchTarget(MatchTarget.PASSPORT, passport.id(), passport.unloadId(), names, keywords, columns);
    }

    static MatchTarget of(UnloadRecord unload, ObjectMapper json) throws JsonProcessingException {
        JsonNode report = json.readTree(unload.reportJson());
        Set<String> names = new LinkedHashSet<>(DemandTerms.of(withoutExtension(unload.fileName())));
        names.addAll(DemandTerms.of(report.path("source").path("sheet").asText("")));
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode column : report.path("columns")) {
            columns.addAll(DemandTerms.of(column.path("name").asText("")));
            columns.addAll(DemandTerms.of(column.path("technicalName").asText("")));
        }
        return new MatchTarget(MatchTarget.UNLOAD, unload.id(), unload.id(), names, Set.of(), columns);
    }

    /** Adds the terms of every text leaf: a plain string, a language map, or lists inside one. */
    private static void addTexts(Set<String> terms, JsonNode node) {
        if (node.isTextual()) {
            terms.addAll(DemandTerms.of(node.asText()));
        }
        node.forEach(child -> addTexts(terms, child));
    }

    private static String withoutExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
