package kz.opendata.hub.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests in Russian and Kazakh against a passport named in both languages. The pairs were
 * chosen by hand: a request for kindergartens in either language must match the kindergarten
 * passport with every term, and requests for schools, pharmacies or garden plots must not.
 */
class DemandLanguagesTest {

    private final DemandMatcher matcher = new DemandMatcher(0.5);

    /** A kindergarten passport whose names and keywords are in Kazakh and Russian. */
    private static final MatchTarget KINDERGARTENS = new MatchTarget(
            MatchTarget.PASSPORT,
            3,
            3,
            terms("Алматы қаласының мемлекеттік балабақшалары", "Государственные детские сады города Алматы"),
            terms("балабақша", "детский сад", "дошкольное образование"),
            terms("Наименование", "Адрес", "Количество мест"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Список детских садов", "Балабақшалар тізімі", "Детский сад", "Детские сады Алматы"})
    void kindergartenRequestMatchesEveryTerm(String request) {
        Set<String> terms = DemandMatcher.terms(signal(request));

        DemandMatcher.Match match = matcher.match(terms, KINDERGARTENS).orElseThrow();

        // Every term is a word of a name in one of the two languages, so each counts 1.0.
        assertThat(match.score()).isEqualTo(1.0);
        assertThat(match.matchedTerms()).allMatch(term -> term.endsWith("(name)"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Список школ", "Мектептер тізімі", "Список аптек", "Дәріханалар тізімі", "Садовые участки"})
    void otherRequestDoesNotMatch(String request) {
        Set<String> terms = DemandMatcher.terms(signal(request));

        assertThat(terms).isNotEmpty();
        assertThat(matcher.match(terms, KINDERGARTENS)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sadov sady", "detskikh detskie", "balalar bala", "balabaqshalary balabaqsha"})
    void wordFormsShareStem(String pair) {
        String[] words = pair.split(" ");

        assertThat(DemandTerms.sameWord(words[0], words[1])).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sadov shkol", "sad sadovye", "mektep detskie", "bala balans"})
    void differentWordsStayApart(String pair) {
        String[] words = pair.split(" ");

        assertThat(DemandTerms.sameWord(words[0], words[1])).isFalse();
    }

    private static Set<String> terms(String... texts) {
        Set<String> terms = new LinkedHashSet<>();
        for (String text : texts) {
            terms.addAll(DemandTerms.of(text));
        }
        return terms;
    }

    private static DemandSignal signal(String title) {
        OffsetDateTime now = OffsetDateTime.parse("2031-01-01T00:00:00Z");
        return new DemandSignal(
                1, "upload", "r-1", DemandSignal.PORTAL_REQUEST, title, null, null, null, null, 1, null, now, now);
    }
}
