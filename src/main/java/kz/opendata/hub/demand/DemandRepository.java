package kz.opendata.hub.demand;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored requests for data and their matches, tables {@code demand_signal} and {@code demand_match}. */
@Repository
class DemandRepository {

    /** Outcome of storing one request. */
    enum Outcome {
        INSERTED,
        UPDATED,
        UNCHANGED
    }

    private final JdbcClient jdbc;

    DemandRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a request, or updates the stored copy with the same source and external id. */
    Outcome upsert(NewSignal signal, OffsetDateTime now) {
        Optional<DemandSignal> stored = find(signal.source(), signal.externalId());
        if (stored.isEmpty()) {
            insert(signal, now);
            return Outcome.INSERTED;
        }
        if (same(stored.get(), signal)) {
            return Outcome.UNCHANGED;
        }
        jdbc.sql("UPDATE demand_signal SET kind = ?, title = ?, description = ?, keywords = ?, column_names = ?,"
                        + " agency_code = ?, votes = ?, requested_at = ?, updated_at = ? WHERE id = ?")
                .params(
                        signal.kind(),
                        signal.title(),
                        signal.description(),
                        joined(signal.keywords()),
                        joined(signal.columns()),
                        signal.agencyCode(),
                        signal.votes(),
                        signal.requestedAt(),
                        now,
                        stored.get().id())
                .update();
        return Outcome.UPDATED;
    }

    private void insert(NewSignal signal, OffsetDateTime now) {
        jdbc.sql("INSERT INTO demand_signal (source, external_id, kind, title, description, keywords, column_names,"
                        + " agency_code, votes, requested_at, imported_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        signal.source(),
                        signal.externalId(),
                        signal.kind(),
                        signal.title(),
                        signal.description(),
                        joined(signal.keywords()),
                        joined(signal.columns()),
                        signal.agencyCode(),
                        signal.votes(),
                        signal.requestedAt(),
                        now,
                        now)
                .update();
    }

    private static boolean same(DemandSignal stored, NewSignal signal) {
        return stored.kind().equals(signal.kind())
                && stored.title().equals(signal.title())
                && Objects.equals(stored.description(), signal.description())
                && Objects.equals(stored.keywords(), joined(signal.keywords()))
                && Objects.equals(stored.columnNames(), joined(signal.columns()))
                && Objects.equals(stored.agencyCode(), signal.agencyCode())
                && stored.votes() == signal.votes()
                && sameInstant(stored.requestedAt(), signal.requestedAt());
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.toInstant().equals(b.toInstant());
    }

    Optional<DemandSignal> find(String source, String externalId) {
        return jdbc.sql("SELECT * FROM demand_signal WHERE source = ? AND external_id = ?")
                .params(source, externalId)
                .query(DemandSignal.class)
                .optional();
    }

    Optional<DemandSignal> find(long id) {
        return jdbc.sql("SELECT * FROM demand_signal WHERE id = ?")
                .param(id)
                .query(DemandSignal.class)
                .optional();
    }

    List<DemandSignal> all() {
        return jdbc.sql("SELECT * FROM demand_signal ORDER BY id")
                .query(DemandSignal.class)
                .list();
    }

    List<DemandSignal> latest(int limit) {
        return jdbc.sql("SELECT * FROM demand_signal ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query(DemandSignal.class)
                .list();
    }

    /**
     * Waits for the demand lock and holds it until the calling transaction ends, so imports and
     * rematches run one at a time across threads and hub nodes.
     */
    void lockSignals() {
        jdbc.sql("SELECT id FROM demand_lock WHERE id = 1 FOR UPDATE")
                .query(Integer.class)
                .single();
    }

    /** Replaces every stored match with {@code matches}. */
    void replaceMatches(List<StoredMatch> matches) {
        jdbc.sql("DELETE FROM demand_match").update();
        for (StoredMatch match : matches) {
            jdbc.sql("INSERT INTO demand_match (signal_id, target_type, target_id, unload_id, score, matched_terms,"
                            + " matched_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            match.signalId(),
                            match.targetType(),
                            match.targetId(),
                            match.unloadId(),
                            match.score(),
                            match.matchedTerms(),
                            match.matchedAt())
                    .update();
        }
    }

    List<StoredMatch> matchesOf(long signalId) {
        return jdbc.sql("SELECT * FROM demand_match WHERE signal_id = ? ORDER BY score DESC, target_type, target_id")
                .param(signalId)
                .query(StoredMatch.class)
                .list();
    }

    List<StoredMatch> allMatches() {
        return jdbc.sql("SELECT * FROM demand_match ORDER BY unload_id, score DESC")
                .query(StoredMatch.class)
                .list();
    }

    private static String joined(List<String> items) {
        return items.isEmpty() ? null : String.join(DemandSignal.LIST_SEPARATOR, items);
    }

    /**
     * One row of {@code demand_match}.
     *
     * @param matchedTerms the matched terms with their fields, joined with ", "
     */
    record StoredMatch(
            long signalId,
            String targetType,
            long targetId,
            long unloadId,
            double score,
            String matchedTerms,
            OffsetDateTime matchedAt) {}
}
