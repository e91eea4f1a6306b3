package kz.opendata.hub.demand;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import kz.opendata.hub.analysis.Criteria.Criterion;

/**
 * The demand criterion of one unload's analysis report, from the stored requests that match the
 * unload or a passport drafted from it.
 *
 * <p>With no request stored at all the criterion is undecided ({@code pass} null). With requests
 * stored but none matching it fails with score 0. Otherwise it passes, and its score combines the
 * matches' scores as independent chances, 1 − ∏(1 − score), so each further request raises it. The
 * reasons name each matching request by kind and id with its votes, score and matched terms, never
 * its text, which may name the person who asked.
 */
final class DemandCriterion {

    /** Most requests named in the reasons; the rest are counted in one further reason. */
    static final int MAX_REASONS = 10;

    private DemandCriterion() {}

    /**
     * The best match of one request with the unload.
     *
     * @param target where it matched, as {@code passport 5} or {@code unload 3}
     */
    record SignalMatch(DemandSignal signal, double score, String matchedTerms, String target) {}

    static Criterion of(int storedSignals, List<SignalMatch> matches) {
        if (storedSignals == 0) {
            return new Criterion(
                    null,
                    null,
                    List.of("no demand signals (portal users' requests, business needs) are stored for any data yet"));
        }
        if (matches.isEmpty()) {
            return new Criterion(
                    false,
                    0.0,
                    List.of("none of the " + storedSignals
                            + " stored requests for data matches this data's names, keywords or column names"));
        }
        List<SignalMatch> ordered = new ArrayList<>(matches);
        ordered.sort(Comparator.comparingDouble(SignalMatch::score)
                .reversed()
                .thenComparingLong(match -> match.signal().id()));
        double missed = 1;
        for (SignalMatch match : ordered) {
            missed *= 1 - match.score();
        }
        return new Criterion(true, Math.round((1 - missed) * 100) / 100.0, reasons(ordered));
    }

    private static List<String> reasons(List<SignalMatch> ordered) {
        List<String> reasons = new ArrayList<>();
        for (SignalMatch match : ordered.subList(0, Math.min(MAX_REASONS, ordered.size()))) {
            DemandSignal signal = match.signal();
            reasons.add(String.format(
                    Locale.ROOT,
                    "%s %d from %s (%d %s): score %.2f, matched %s in %s",
                    signal.kind().replace('-', ' '),
                    signal.id(),
                    signal.source(),
                    signal.votes(),
                    signal.votes() == 1 ? "vote" : "votes",
                    match.score(),
                    match.matchedTerms(),
                    match.target()));
        }
        if (ordered.size() > MAX_REASONS) {
            reasons.add("and " + (ordered.size() - MAX_REASONS) + " more matching requests");
        }
        return reasons;
    }
}
