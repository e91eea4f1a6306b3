package kz.opendata.hub.commission;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The results of the analysis that a commission package presents: agencies, unloads, candidates,
 * passports, and restricted-data findings by kind. It holds counts, names and column headings
 * only, never a value from an unload, because the package leaves the integrator.
 */
record CommissionSummary(
        String title,
        OffsetDateTime preparedAt,
        String language,
        Totals totals,
        List<AgencyRow> agencies,
        List<UnloadRow> unloads,
        List<PassportRow> passports,
        List<FindingRow> findings) {

    /**
     * Counts over the whole package.
     *
     * @param candidates unloads whose verdict allows an open data set
     * @param restrictedColumns columns whose data must not be published
     * @param reviewColumns columns a person has to check before publication
     */
    record Totals(int agencies, int unloads, int candidates, int passports, int restrictedColumns, int reviewColumns) {}

    record AgencyRow(String code, String name, int unloads, int candidates, int passports) {}

    /**
     * One unload.
     *
     * @param verdict candidate, candidate-without-restricted-columns, not-candidate, or null when
     *     it was not analysed
     */
    record UnloadRow(
            long id,
            String agencyCode,
            String fileName,
            String format,
            Long rowCount,
            int columns,
            String verdict,
            OffsetDateTime receivedAt) {}

    record PassportRow(
            long id,
            String agencyCode,
            String datasetName,
            int version,
            String status,
            String title,
            int attributes,
            int excludedColumns) {}

    /**
     * Restricted-data findings of one kind and severity.
     *
     * @param columnNames the columns as "file: heading", never their values
     */
    record FindingRow(String kind, String severity, int columns, List<String> columnNames) {}
}
