package kz.opendata.hub.publication;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.TableReader;
import kz.opendata.hub.passport.DatasetNames;

/**
 * Everything {@link PublicationService#publish} needs for one data set.
 *
 * @param datasetName portal name of the set, checked by {@link DatasetNames#requireValid}
 * @param passport the passport document; its {@code status} must be {@code approved}
 * @param datapackage the data package descriptor drafted with the passport; its one resource's
 *     Table Schema lists the columns to publish
 * @param report the analysis report of the unload
 * @param data the unload's rows; the caller opens and closes it
 * @param resolvedColumns indexes of columns whose restricted-data finding an analyst resolved
 * @param excludedColumns technical names of further columns to leave out of the CSV
 * @param agencyCode code of the agency that supplies the data
 * @param agencyNames the agency's name by language code
 * @param requestedBy who asked for the publication (a route id or a user), recorded with a refusal
 */
public record PublicationInput(
        String datasetName,
        ObjectNode passport,
        ObjectNode datapackage,
        AnalysisReport report,
        TableReader data,
        Set<Integer> resolvedColumns,
        Set<String> excludedColumns,
        String agencyCode,
        Map<String, String> agencyNames,
        String requestedBy) {

    /** Value of {@code requestedBy} when the caller names none. */
    public static final String UNNAMED_CALLER = "direct-call";

    public PublicationInput {
        DatasetNames.requireValid(datasetName);
        Objects.requireNonNull(passport, "passport");
        Objects.requireNonNull(datapackage, "datapackage");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(data, "data");
        resolvedColumns = resolvedColumns == null ? Set.of() : Set.copyOf(resolvedColumns);
        excludedColumns = excludedColumns == null ? Set.of() : Set.copyOf(excludedColumns);
        agencyNames = agencyNames == null ? Map.of() : Map.copyOf(agencyNames);
        requestedBy = requestedBy == null || requestedBy.isBlank() ? UNNAMED_CALLER : requestedBy;
    }

    /** An input whose caller is not named; a refusal is recorded as asked by {@value #UNNAMED_CALLER}. */
    public PublicationInput(
            String datasetName,
            ObjectNode passport,
            ObjectNode datapackage,
            AnalysisReport report,
            TableReader data,
            Set<Integer> resolvedColumns,
            Set<String> excludedColumns,
            String agencyCode,
            Map<String, String> agencyNames) {
        this(
                datasetName,
                passport,
                datapackage,
                report,
                data,
                resolvedColumns,
                excludedColumns,
                agencyCode,
                agencyNames,
                UNNAMED_CALLER);
    }
}
