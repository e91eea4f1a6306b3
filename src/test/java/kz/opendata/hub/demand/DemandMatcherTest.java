package kz.opendata.hub.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemandMatcherTest {

    private final DemandMatcher matcher = new DemandMatcher(0.5);

    /** A population table drafted from a file named in Latin, with Latin technical names. */
    private static final MatchTarget POPULATION = new MatchTarget(
            MatchTarget.UNLOAD,
            7,
            7,
            DemandTerms.of("naselenie-po-oblastiam"),
            Set.of(),
            DemandTerms.of("oblast god chislennost_naseleniia"));

    private static DemandSignal signal(String title, String description, String keywords, String columns) {
        OffsetDateTime now = OffsetDateTime.parse("2031-01-01T00:00:00Z");
        return new DemandSignal(
                1,
                "upload",
                "r-1",
                DemandSignal.PORTAL_REQUEST,
                title,
                description,
                keywords,
                columns,
                null,
                1,
                null,
                now,
                now);
    }

    @Test
    void cyrillicRequestMatchesLatinNames() {
        Set<String> terms = DemandMatcher.terms(signal("Население по областям", null, null, null));

        DemandMatcher.Match match = matcher.match(terms, POPULATION).orElseThrow();

        // naselenie and oblastiam are both words of the file name: (1.0 + 1.0) / 2.
        assertThat(terms).containsExactly("naselenie", "oblastiam");
        assertThat(match.score()).isEqualTo(1.0);
        assertThat(match.matchedTerms()).containsExactly("naselenie(name)", "oblastiam(name)");
    }

    @Test
    void wordFormsMatchByCommonBeginning() {
        Set<String> terms = DemandMatcher.terms(signal("Численность населения за год", null, null, null));

        DemandMatcher.Match match = matcher.match(terms, POPULATION).orElseThrow();

        // chislennost (column), naseleniia (name, via naselenie), god (column): (0.6 + 1.0 + 0.6) / 3.
        assertThat(match.score()).isEqualTo(0.73);
        assertThat(match.matchedTerms()).containsExactly("chislennost(column)", "naseleniia(name)", "god(column)");
    }

    @Test
    void keywordsAndColumnsOfRequestCount() {
        Set<String> terms = DemandMatcher.terms(signal("Статистика", null, "население; регион", "область"));

        DemandMatcher.Match match = matcher.match(terms, POPULATION).orElseThrow();

        // Of four terms naselenie and oblast (via oblastiam) are in the name: (1.0 + 1.0) / 4.
        assertThat(terms).containsExactly("statistika", "naselenie", "region", "oblast");
        assertThat(match.score()).isEqualTo(0.5);
        assertThat(new DemandMatcher(0.6).match(terms, POPULATION)).isEmpty();
    }

    @Test
    void descriptionAddsTermsOnlyForShortTitles() {
        Set<String> shortTitle = DemandMatcher.terms(signal("Прошу данные", "население по областям", null, null));
        Set<String> longTitle = DemandMatcher.terms(signal("Реестр аптек города", "население по областям", null, null));

        assertThat(shortTitle).containsExactly("naselenie", "oblastiam");
        assertThat(longTitle).containsExactly("reestr", "aptek", "goroda");
    }

    @Test
    void kazakhRequestMatchesKazakhColumns() {
        MatchTarget table = new MatchTarget(
                MatchTarget.PASSPORT, 3, 9, DemandTerms.of("Тұрғындар"), Set.of(), DemandTerms.of("Халық саны; Облыс"));
        Set<String> terms = DemandMatcher.terms(signal("Халық саны облыстар бойынша", null, null, null));

        DemandMatcher.Match match = matcher.match(terms, table).orElseThrow();

        // khalyq, sany and oblystar (via oblys) are columns, boiynsha a common word: 3 x 0.6 / 3.
        assertThat(terms).containsExactly("khalyq", "sany", "oblystar");
        assertThat(match.score()).isEqualTo(0.6);
    }

    @Test
    void unrelatedRequestDoesNotMatch() {
        Set<String> terms = DemandMatcher.terms(signal("Реестр аптек", null, null, null));

        assertThat(matcher.match(terms, POPULATION)).isEmpty();
    }

    @Test
    void wordFormsMatchByStemOrLongBeginning() {
        // goda is god with the genitive ending a; gorod shares only "go" and has no ending.
        assertThat(DemandTerms.sameWord("god", "goda")).isTrue();
        assertThat(DemandTerms.sameWord("god", "gorod")).isFalse();
        assertThat(DemandTerms.sameWord("shkola", "shkoly")).isTrue();
        // obrazova covers 8 of 11 letters of the shorter word, less than three quarters.
        assertThat(DemandTerms.sameWord("obrazovanie", "obrazovatelnye")).isFalse();
    }
}
