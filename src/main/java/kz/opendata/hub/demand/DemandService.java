package kz.opendata.hub.demand;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.opendata.hub.analysis.Criteria.Criterion;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.UnloadRecord;
import kz.opendata.hub.store.UnloadRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores requests for data, matches them to passports and unloads, and keeps the demand criterion
 * of the stored analysis reports up to date.
 *
 * <p>The criterion is recomputed whenever the requests change (an upload, a sync) and on every run
 * of the {@code demand-sync} route, which also covers unloads and passports that arrived since. It
 * is not computed at analysis or drafting time, so the analysis stays a function of the file
 * alone. Until the next rematch, a new unload's report shows the analysis's own undecided demand
 * criterion.
 *
 * <p>Imports and rematches take the demand lock first, a database row lock held to the end of their
 * transaction, so a sync and an upload never replace the stored matches at the same time.
 */
@Service
public class DemandService {

    /** Source name of CSV uploads when the caller names none. */
    public static final String UPLOAD_SOURCE = "upload";

    private static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Logger LOG = LoggerFactory.getLogger(DemandService.class);

    private final DemandRepository repository;
    private final PassportRepository passports;
    private final UnloadRepository unloads;
    private final DemandMatcher matcher;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json;

    DemandService(
            DemandRepository repository,
            PassportRepository passports,
            UnloadRepository unloads,
            DemandProperties settings,
            AuditLog audit,
            Clock clock,
            ObjectMapper json) {
        this.repository = repository;
        this.passports = passports;
        this.unloads = unloads;
        this.matcher = new DemandMatcher(settings.matchThreshold());
        this.audit = audit;
        // Of the hub's two clocks, the parameter name selects the one in the hub's time zone.
        this.clock = clock;
        this.json = json;
    }

    /**
     * Counts of one import.
     *
     * @param rejected why rows or items were left out, one line each
     */
    public record ImportResult(
            String source,
            String encoding,
            int received,
            int inserted,
            int updated,
            int unchanged,
            List<String> rejected) {}

    /** Counts of one rematch: requests, targets, matches found and reports changed. */
    public record RematchResult(int signals, int targets, int matches, int reportsUpdated) {}

    /**
     * Imports requests from a CSV upload, then matches every stored request again.
     *
     * @param source source name stored with the requests, such as {@code upload} or {@code atameken}
     * @param kind kind of rows that name none: portal-request or business-need
     * @throws DemandImportException when the file cannot be read as a list of requests
     */
    @Transactional
    public ImportResult importCsv(byte[] content, String source, String kind, String actor) {
        SignalRules rules = rules(source, kind);
        repository.lockSignals();
        ImportResult result = store(DemandCsvReader.read(content, rules), rules.source(), actor);
        rematch();
        return result;
    }

    /**
     * Stores the requests the synced endpoint returned. The {@code demand-sync} route matches them
     * in its next step.
     */
    @Transactional
    public ImportResult importFeed(DemandFeedClient.Feed feed, String source) {
        SignalRules rules = rules(source, DemandSignal.PORTAL_REQUEST);
        repository.lockSignals();
        ParsedSignals parsed = feed.isCsv()
                ? DemandCsvReader.read(feed.body(), rules)
                : DemandFeedReader.read(feed.body(), rules, json);
        return store(parsed, rules.source(), "demand-sync");
    }

    private SignalRules rules(String source, String kind) {
        if (source == null || !SOURCE_NAME.matcher(source).matches()) {
            throw new DemandImportException("source name '" + source + "' is invalid; use up to 64 lower-case"
                    + " letters, digits and hyphens, such as upload or atameken");
        }
        try {
            return new SignalRules(source, kind == null ? DemandSignal.PORTAL_REQUEST : kind, clock.getZone());
        } catch (SignalRules.InvalidSignalException e) {
            throw new DemandImportException(e.getMessage(), e);
        }
    }

    private ImportResult store(ParsedSignals parsed, String source, String actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<DemandRepository.Outcome, Integer> counts = new HashMap<>();
        for (NewSignal signal : parsed.signals()) {
            counts.merge(repository.upsert(signal, now), 1, Integer::sum);
        }
        ImportResult result = new ImportResult(
                source,
                parsed.encoding(),
                parsed.received(),
                counts.getOrDefault(DemandRepository.Outcome.INSERTED, 0),
                counts.getOrDefault(DemandRepository.Outcome.UPDATED, 0),
                counts.getOrDefault(DemandRepository.Outcome.UNCHANGED, 0),
                parsed.rejections());
        audit.record(
                actor,
                "demand-imported",
                "demand-source",
                source,
                "received=" + result.received() + " inserted=" + result.inserted() + " updated=" + result.updated()
                        + " unchanged=" + result.unchanged() + " rejected="
                        + result.rejected().size());
        LOG.info(
                "Imported demand signals from {}: {} received, {} new, {} updated, {} rejected",
                source,
                result.received(),
                result.inserted(),
                result.updated(),
                result.rejected().size());
        return result;
    }

    /**
     * Matches every stored request with every passport and analysed unload, replaces the stored
     * matches, and updates the demand criterion of each analysed unload's report that changed.
     */
    @Transactional
    public RematchResult rematch() {
        repository.lockSignals();
        List<DemandSignal> signals = repository.all();
        List<MatchTarget> targets = targets();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<DemandRepository.StoredMatch> matches = new ArrayList<>();
        for (DemandSignal signal : signals) {
            var terms = DemandMatcher.terms(signal);
            for (MatchTarget target : targets) {
                matcher.match(terms, target)
                        .ifPresent(match -> matches.add(new DemandRepository.StoredMatch(
                                signal.id(),
                                target.type(),
                                target.id(),
                                target.unloadId(),
                                match.score(),
                                String.join(", ", match.matchedTerms()),
                                now)));
            }
        }
        repository.replaceMatches(matches);
        int updated = updateReports(signals, matches);
        LOG.debug(
                "Demand rematch: {} signals, {} targets, {} matches, {} reports updated",
                signals.size(),
                targets.size(),
                matches.size(),
                updated);
        return new RematchResult(signals.size(), targets.size(), matches.size(), updated);
    }

    private List<MatchTarget> targets() {
        List<MatchTarget> targets = new ArrayList<>();
        try {
            for (PassportRecord passport : passports.all()) {
                targets.add(MatchTargets.of(passport, json));
            }
            for (UnloadRecord unload : unloads.findAnalysed()) {
                if (unload.reportJson() != null) {
                    targets.add(MatchTargets.of(unload, json));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "a stored passport or report is not valid JSON: " + e.getOriginalMessage(), e);
        }
        return targets;
    }

    private int updateReports(List<DemandSignal> signals, List<DemandRepository.StoredMatch> matches) {
        Map<Long, DemandSignal> byId = new HashMap<>();
        signals.forEach(signal -> byId.put(signal.id(), signal));
        Map<Long, Map<Long, DemandCriterion.SignalMatch>> bestByUnload = new HashMap<>();
        for (DemandRepository.StoredMatch match : matches) {
            Map<Long, DemandCriterion.SignalMatch> best =
                    bestByUnload.computeIfAbsent(match.unloadId(), id -> new HashMap<>());
            DemandCriterion.SignalMatch current = best.get(match.signalId());
            if (current == null || match.score() > current.score()) {
                best.put(
                        match.signalId(),
                        new DemandCriterion.SignalMatch(
                                byId.get(match.signalId()),
                                match.score(),
                                match.matchedTerms(),
                                match.targetType() + " " + match.targetId()));
            }
        }
        int updated = 0;
        for (UnloadRecord unload : unloads.findAnalysed()) {
            List<DemandCriterion.SignalMatch> unloadMatches = new ArrayList<>(
                    bestByUnload.getOrDefault(unload.id(), Map.of()).values());
            if (unload.reportJson() != null
                    && updateReport(unload, DemandCriterion.of(signals.size(), unloadMatches))) {
                updated++;
            }
        }
        return updated;
    }

    /** Writes the criterion into the stored report; returns false when it was already there. */
    private boolean updateReport(UnloadRecord unload, Criterion demand) {
        try {
            ObjectNode report = (ObjectNode) json.readTree(unload.reportJson());
            JsonNode computed = json.readTree(json.writeValueAsString(demand));
            if (computed.equals(report.path("criteria").path("demand"))) {
                return false;
            }
            report.withObjectProperty("criteria").set("demand", computed);
            unloads.updateReportJson(unload.id(), json.writeValueAsString(report));
            audit.record(
                    "demand",
                    "demand-criterion-updated",
                    "unload",
                    unload.id(),
                    "pass=" + demand.pass() + " score=" + demand.score());
            return true;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the analysis report of unload " + unload.id() + " is not valid JSON", e);
        }
    }

    /** Stored requests, newest first. */
    public List<DemandSignal> latest(int limit) {
        return repository.latest(limit);
    }

    public Optional<DemandSignal> find(long id) {
        return repository.find(id);
    }

    List<DemandRepository.StoredMatch> matchesOf(long signalId) {
        return repository.matchesOf(signalId);
    }
}
