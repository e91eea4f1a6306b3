package kz.opendata.hub.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import kz.opendata.hub.analysis.Criteria.Criterion;
import org.junit.jupiter.api.Test;

class DemandCriterionTest {

    private static DemandSignal signal(long id, int votes) {
        OffsetDateTime now = OffsetDateTime.parse("2031-01-01T00:00:00Z");
        return new DemandSignal(
                id,
                "portal",
                "r-" + id,
                DemandSignal.PORTAL_REQUEST,
                "Заголовок " + id,
                null,
                null,
                null,
                null,
                votes,
                null,
                now,
                now);
    }

    @Test
    void undecidedWithoutStoredRequests() {
        Criterion demand = DemandCriterion.of(0, List.of());

        assertThat(demand.pass()).isNull();
        assertThat(demand.score()).isNull();
    }

    @Test
    void failsWhenNoRequestMatches() {
        Criterion demand = DemandCriterion.of(3, List.of());

        assertThat(demand.pass()).isFalse();
        assertThat(demand.score()).isEqualTo(0.0);
        assertThat(demand.reasons())
                .containsExactly(
                        "none of the 3 stored requests for data matches this data's names, keywords or column names");
    }

    @Test
    void scoresCombineAsIndependentChances() {
        List<DemandCriterion.SignalMatch> matches = List.of(
                new DemandCriterion.SignalMatch(signal(4, 1), 0.73, "chislo(column)", "unload 2"),
                new DemandCriterion.SignalMatch(signal(9, 12), 0.87, "naselenie(name)", "passport 5"));

        Criterion demand = DemandCriterion.of(5, matches);

        // 1 - (1 - 0.87) * (1 - 0.73) = 1 - 0.13 * 0.27 = 0.9649, rounded to 0.96.
        assertThat(demand.pass()).isTrue();
        assertThat(demand.score()).isEqualTo(0.96);
        assertThat(demand.reasons())
                .containsExactly(
                        "portal request 9 from portal (12 votes): score 0.87, matched naselenie(name) in passport 5",
                        "portal request 4 from portal (1 vote): score 0.73, matched chislo(column) in unload 2");
    }

    @Test
    void reasonsNameTenRequestsAndCountTheRest() {
        List<DemandCriterion.SignalMatch> matches = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            matches.add(new DemandCriterion.SignalMatch(signal(i, 1), 0.5, "god(column)", "unload 1"));
        }

        Criterion demand = DemandCriterion.of(12, matches);

        assertThat(demand.reasons()).hasSize(11);
        assertThat(demand.reasons().get(10)).isEqualTo("and 2 more matching requests");
        assertThat(String.join(" ", demand.reasons())).doesNotContain("Заголовок");
    }
}
