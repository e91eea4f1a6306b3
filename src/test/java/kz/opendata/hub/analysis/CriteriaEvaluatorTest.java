package kz.opendata.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CriteriaEvaluatorTest {

    /** One phone number in 2,000 comments reads 0.05 %, not 0 %, and 4.99 % does not read as 5 %. */
    @ParameterizedTest
    @CsvSource({
        "1.0, 100%",
        "0.5, 50%",
        "0.01, 1%",
        "0.1, 10%",
        "0.0499, 4.99%",
        "0.025, 2.5%",
        "0.0005, 0.05%",
        "0.0001234, 0.0123%",
        "0.009, 0.9%",
        "0.0, 0%"
    })
    void shareReadsAsPercent(double share, String expected) {
        assertThat(CriteriaEvaluator.percent(share)).isEqualTo(expected);
    }
}
