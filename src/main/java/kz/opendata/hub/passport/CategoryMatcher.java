package kz.opendata.hub.passport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kz.opendata.hub.passport.CategoryVocabulary.Entry;

/**
 * Picks the category whose keywords occur most often in weighted texts. Ties go to the category
 * listed first; no match at all gives the vocabulary's fallback.
 */
final class CategoryMatcher {

    private final CategoryVocabulary vocabulary;

    CategoryMatcher(CategoryVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    Match match(List<WeightedText> texts) {
        List<Map<String, Integer>> hits = new ArrayList<>();
        vocabulary.categories().forEach(category -> hits.add(new LinkedHashMap<>()));
        Map<String, List<int[]>> cache = new HashMap<>();
        for (WeightedText text : texts) {
            for (String token : Words.tokens(text.text())) {
                for (int[] hit : cache.computeIfAbsent(token, this::keywordsMatching)) {
                    String keyword =
                            vocabulary.categories().get(hit[0]).keywords().get(hit[1]);
                    hits.get(hit[0]).merge(keyword, text.weight(), Integer::sum);
                }
            }
        }
        return best(hits);
    }

    private List<int[]> keywordsMatching(String token) {
        List<int[]> matches = new ArrayList<>();
        List<Entry> categories = vocabulary.categories();
        for (int category = 0; category < categories.size(); category++) {
            List<String> keywords = categories.get(category).keywords();
            for (int keyword = 0; keyword < keywords.size(); keyword++) {
                if (Words.matches(token, keywords.get(keyword))) {
                    matches.add(new int[] {category, keyword});
                }
            }
        }
        return matches;
    }

    private Match best(List<Map<String, Integer>> hits) {
        int bestIndex = -1;
        int bestScore = 0;
        for (int i = 0; i < hits.size(); i++) {
            int score =
                    hits.get(i).values().stream().mapToInt(Integer::intValue).sum();
            if (score > bestScore) {
                bestIndex = i;
                bestScore = score;
            }
        }
        if (bestIndex < 0) {
            return new Match(vocabulary.fallback(), Map.of());
        }
        return new Match(vocabulary.categories().get(bestIndex), hits.get(bestIndex));
    }

    /** A text and how much each keyword found in it counts. */
    record WeightedText(String text, int weight) {}

    /**
     * The chosen category and the keywords behind the choice with their scores; no keywords when
     * the fallback was taken.
     */
    record Match(Entry category, Map<String, Integer> keywordScores) {

        String explanation() {
            return keywordScores.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(5)
                    .map(entry -> entry.getKey() + " " + entry.getValue())
                    .collect(Collectors.joining(", "));
        }
    }
}
