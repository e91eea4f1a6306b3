package kz.opendata.hub.commission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.UnloadRecord;
import org.springframework.stereotype.Component;

/** Builds the summary of a commission package from the unloads, their reports and passports. */
@Component
class CommissionSummaries {

    private static final Set<String> CANDIDATE_VERDICTS = Set.of("candidate", "candidate-without-restricted-columns");
    private static final String RESTRICTED = "restricted";

    private final AgencyRegistry agencies;
    private final ObjectMapper json;
    private final Clock clock;

    CommissionSummaries(AgencyRegistry agencies, ObjectMapper json, Clock clock) {
        this.agencies = agencies;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Summarises the unloads and, for each, the latest passport version among {@code passports}.
     */
    CommissionSummary summarise(
            String title, String language, List<UnloadRecord> unloads, List<PassportRecord> passports) {
        List<CommissionSummary.UnloadRow> unloadRows = new ArrayList<>();
        Map<String, List<String>> findingColumns = new TreeMap<>();
        for (UnloadRecord unload : unloads) {
            JsonNode columns = report(unload).path("columns");
            unloadRows.add(new CommissionSummary.UnloadRow(
                    unload.id(),
                    unload.agencyCode(),
                    unload.fileName(),
                    unload.format(),
                    unload.rowCount(),
                    columns.size(),
                    unload.verdict(),
                    unload.receivedAt()));
            collectFindings(unload, columns, findingColumns);
        }
        List<CommissionSummary.PassportRow> passportRows = passports.stream()
                .sorted(Comparator.comparing(PassportRecord::id))
                .map(this::passportRow)
                .toList();
        List<CommissionSummary.FindingRow> findings = findingRows(findingColumns);
        return new CommissionSummary(
                title,
                OffsetDateTime.now(clock),
                language,
                totals(unloadRows, passportRows, findings),
                agencyRows(language, unloadRows, passportRows),
                unloadRows,
                passportRows,
                findings);
    }

    private void collectFindings(UnloadRecord unload, JsonNode columns, Map<String, List<String>> findings) {
        for (JsonNode column : columns) {
            JsonNode restricted = column.path("restricted");
            if (restricted.isObject()) {
                String key = restricted.path("kind").asText() + "|"
                        + restricted.path("severity").asText();
                findings.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(unload.fileName() + ": " + column.path("name").asText());
            }
        }
    }

    private static List<CommissionSummary.FindingRow> findingRows(Map<String, List<String>> findings) {
        List<CommissionSummary.FindingRow> rows = new ArrayList<>();
        findings.forEach((key, columns) -> {
            String[] parts = key.split("\\|", 2);
            rows.add(new CommissionSummary.FindingRow(parts[0], parts[1], columns.size(), List.copyOf(columns)));
        });
        return rows;
    }

    private CommissionSummary.PassportRow passportRow(PassportRecord passport) {
        JsonNode document = read(passport.passportJson());
        return new CommissionSummary.PassportRow(
                passport.id(),
                passport.agencyCode(),
                passport.datasetName(),
                passport.version(),
                passport.status(),
                passport.title(),
                document.path("attributes").size(),
                document.path("excludedColumns").size());
    }

    private static CommissionSummary.Totals totals(
            List<CommissionSummary.UnloadRow> unloads,
            List<CommissionSummary.PassportRow> passports,
            List<CommissionSummary.FindingRow> findings) {
        int restricted = findings.stream()
                .filter(f -> RESTRICTED.equals(f.severity()))
                .mapToInt(CommissionSummary.FindingRow::columns)
                .sum();
        int review = findings.stream()
                        .mapToInt(CommissionSummary.FindingRow::columns)
                        .sum()
                - restricted;
        long agencyCount = unloads.stream()
                .map(CommissionSummary.UnloadRow::agencyCode)
                .distinct()
                .count();
        long candidates = unloads.stream()
                .filter(u -> CANDIDATE_VERDICTS.contains(u.verdict()))
                .count();
        return new CommissionSummary.Totals(
                (int) agencyCount, unloads.size(), (int) candidates, passports.size(), restricted, review);
    }

    private List<CommissionSummary.AgencyRow> agencyRows(
            String language, List<CommissionSummary.UnloadRow> unloads, List<CommissionSummary.PassportRow> passports) {
        Map<String, CommissionSummary.AgencyRow> rows = new LinkedHashMap<>();
        for (CommissionSummary.UnloadRow unload : unloads) {
            String code = unload.agencyCode();
            CommissionSummary.AgencyRow row = rows.getOrDefault(code, agencyRow(code, language));
            int candidate = CANDIDATE_VERDICTS.contains(unload.verdict()) ? 1 : 0;
            rows.put(
                    code,
                    new CommissionSummary.AgencyRow(
                            code, row.name(), row.unloads() + 1, row.candidates() + candidate, row.passports()));
        }
        for (CommissionSummary.PassportRow passport : passports) {
            CommissionSummary.AgencyRow row =
                    rows.getOrDefault(passport.agencyCode(), agencyRow(passport.agencyCode(), language));
            rows.put(
                    passport.agencyCode(),
                    new CommissionSummary.AgencyRow(
                            row.code(), row.name(), row.unloads(), row.candidates(), row.passports() + 1));
        }
        return List.copyOf(rows.values());
    }

    private CommissionSummary.AgencyRow agencyRow(String code, String language) {
        String name = agencies.find(code).map(agency -> agency.name(language)).orElse(code);
        return new CommissionSummary.AgencyRow(code, name, 0, 0, 0);
    }

    private JsonNode report(UnloadRecord unload) {
        return unload.reportJson() == null ? json.createObjectNode() : read(unload.reportJson());
    }

    private JsonNode read(String document) {
        try {
            return json.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored report or passport is not valid JSON", e);
        }
    }
}
