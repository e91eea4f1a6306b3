package kz.opendata.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CriteriaEvaluatorTest {

    /** One phone number in 2,000 comments reads 0.05 %, not 0 %, in the reason of its finding. */
    @ParameterizedTest
    @CsvSource({
        "1.0, 100%",
        "0.5, 50%",
        "0.01, 1%",
        "0.025, 3%",
        "0.0005, 0.05%",
        "0.000123, 0.012%",
        "0.009, 0.9%",
        "0.0, 0%"
    })
    void shareReadsAsPercent(double share, String expected) {
        assertThat(CriteriaEvaluator.percent(share)).isEqualTo(expected);
    }
}
