package kz.opendata.hub.analysis;

import java.util.List;

/**
 * The four criteria the rules apply to decide whether data can become an open data set.
 *
 * @param restrictedData passes when the data hold no restricted information
 * @param demand citizens and business ask for the data
 * @param readiness the data are ready to publish in a machine-readable format
 * @param publishedNotMachineReadable the data are already published, but not machine-readable
 */
public record Criteria(
        Criterion restrictedData, Criterion demand, Criterion readiness, Criterion publishedNotMachineReadable) {

    /**
     * One criterion's outcome.
     *
     * @param pass true or false when decided, null when the hub has no information yet
     * @param score 0..1 where the criterion is graded, null otherwise
     */
    public record Criterion(Boolean pass, Double score, List<String> reasons) {}
}
