package kz.opendata.hub.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationMailReaderTest {

    private static final List<RecommendationMailReader.Candidate> PACKAGE = List.of(
            new RecommendationMailReader.Candidate(12, "city-health-hospices"),
            new RecommendationMailReader.Candidate(15, "stat-bureau-population"));

    @Test
    void readsRecommendationsUnderPassportHeadings() {
        String text = """
                Паспорт № 12
                1. Переименовать столбец «Руководитель»
                   в «Главный врач».
                2. Добавить режим работы.

                stat-bureau-population:
                - Указать единицу измерения.
                """;

        RecommendationMailReader.Result result = RecommendationMailReader.read(text, PACKAGE);

        assertThat(result.recommendations().get(12L))
                .containsExactly("Переименовать столбец «Руководитель» в «Главный врач».", "Добавить режим работы.");
        assertThat(result.recommendations().get(15L)).containsExactly("Указать единицу измерения.");
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void reportsPassportOutsidePackage() {
        RecommendationMailReader.Result result =
                RecommendationMailReader.read("Passport 99\n1. Remove the phone column.", PACKAGE);

        assertThat(result.recommendations()).isEmpty();
        assertThat(result.problems())
                .containsExactly("passport 99 is not in the commission package the e-mail answers");
    }

    @Test
    void singlePassportNeedsNoHeading() {
        RecommendationMailReader.Result result = RecommendationMailReader.read(
                "Коллеги, рекомендации такие:\n1. Уточнить описание.",
                List.of(new RecommendationMailReader.Candidate(3, "stat-bureau-water")));

        assertThat(result.recommendations().get(3L)).containsExactly("Уточнить описание.");
    }

    @Test
    void itemsWithoutHeadingIgnoredForSeveral() {
        RecommendationMailReader.Result result = RecommendationMailReader.read("1. Уточнить описание.", PACKAGE);

        assertThat(result.recommendations()).isEmpty();
    }
}
