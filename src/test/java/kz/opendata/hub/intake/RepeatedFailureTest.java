package kz.opendata.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import kz.opendata.hub.store.UnloadRecord;
import org.junit.jupiter.api.Test;

class RepeatedFailureTest {

    private static final String EMPTY = "zero.csv: the file is empty (0 bytes); send the unload again";

    @Test
    void sameNameKeepsEarlierReason() {
        assertThat(AnalysisStage.repeatedFailure(failed(EMPTY), "zero.csv")).isEqualTo(EMPTY);
    }

    @Test
    void otherNameNamesBothFiles() {
        String reason = AnalysisStage.repeatedFailure(failed(EMPTY), "empty.csv");

        assertThat(reason)
                .isEqualTo("empty.csv has the same content (SHA-256) as zero.csv, unload 2, which was set aside"
                        + " for this reason: " + EMPTY);
    }

    @Test
    void thirdNameKeepsFirstReasonOnce() {
        String second = AnalysisStage.repeatedFailure(failed(EMPTY), "empty.csv");

        String third = AnalysisStage.repeatedFailure(failed(second), "blank.csv");

        assertThat(third)
                .isEqualTo("blank.csv has the same content (SHA-256) as zero.csv, unload 2, which was set aside"
                        + " for this reason: " + EMPTY);
    }

    private static UnloadRecord failed(String reason) {
        return new UnloadRecord(
                2,
                "city-health",
                "zero.csv",
                "e3b0c442",
                0,
                UnloadRecord.FAILED,
                null,
                null,
                "quarantine/x",
                null,
                null,
                null,
                null,
                null,
                reason);
    }
}
