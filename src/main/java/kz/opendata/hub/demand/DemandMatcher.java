package kz.opendata.hub.demand;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Scores how well a request for data fits a passport or an unload.
 *
 * <p>Each term of the request counts 1.0 when it is a word of the target's names, 0.8 of its
 * keywords and 0.6 of its column names, taking the best field, and 0 when it is in none. The
 * score is the mean over the request's terms, so a request matches fully only when every term is
 * found. The request's terms come from its title, keywords and requested columns; its
 * description adds terms only when those give fewer than two.
 */
final class DemandMatcher {

    static final double NAME_WEIGHT = 1.0;
    static final double KEYWORD_WEIGHT = 0.8;
    static final double COLUMN_WEIGHT = 0.6;

    private final double threshold;

    /** @param threshold lowest score that counts as a match, 0..1 */
    DemandMatcher(double threshold) {
        this.threshold = threshold;
    }

    /**
     * A match of a request with a target.
     *
     * @param score 0..1, rounded to two decimals
     * @param matchedTerms each matched term with the field it was found in, as {@code term(name)}
     */
    record Match(double score, List<String> matchedTerms) {}

    /** Returns the terms of a request that matching compares. */
    static Set<String> terms(DemandSignal signal) {
        Set<String> terms = new LinkedHashSet<>(DemandTerms.of(signal.title()));
        signal.keywordList().forEach(keyword -> terms.addAll(DemandTerms.of(keyword)));
        signal.columnList().forEach(column -> terms.addAll(DemandTerms.of(column)));
        if (terms.size() < 2) {
            terms.addAll(DemandTerms.of(signal.description()));
        }
        return terms;
    }

    /** Scores the request's terms against a target; empty when the score is below the threshold. */
    Optional<Match> match(Set<String> requestTerms, MatchTarget target) {
        if (requestTerms.isEmpty()) {
            return Optional.empty();
        }
        double sum = 0;
        List<String> matched = new ArrayList<>();
        for (String term : requestTerms) {
            double weight = weight(term, target);
            if (weight > 0) {
                sum += weight;
                matched.add(term + "(" + field(weight) + ")");
            }
        }
        double score = Math.round(sum / requestTerms.size() * 100) / 100.0;
        return score >= threshold && !matched.isEmpty() ? Optional.of(new Match(score, matched)) : Optional.empty();
    }

    private static double weight(String term, MatchTarget target) {
        if (contains(target.nameTerms(), term)) {
            return NAME_WEIGHT;
        }
        if (contains(target.keywordTerms(), term)) {
            return KEYWORD_WEIGHT;
        }
        return contains(target.columnTerms(), term) ? COLUMN_WEIGHT : 0;
    }

    private static boolean contains(Set<String> terms, String term) {
        return terms.contains(term) || terms.stream().anyMatch(candidate -> DemandTerms.sameWord(candidate, term));
    }

    private static String field(double weight) {
        if (weight == NAME_WEIGHT) {
            return "name";
        }
        return weight == KEYWORD_WEIGHT ? "keyword" : "column";
    }
}
