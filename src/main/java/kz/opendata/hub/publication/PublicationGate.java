package kz.opendata.hub.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.ColumnReport;

/**
 * Checks that a data set may be published. {@link PublicationService} runs these checks itself on
 * every publication, so no caller can skip them.
 *
 * <p>A {@code restricted} column is never published, even after an analyst resolves its finding.
 * A column with a {@code review} finding is published only when an analyst has resolved the
 * finding and the column is in the data package schema. A finding on a column that the schema
 * leaves out needs no resolution, because none of its values leaves the hub.
 */
public class PublicationGate {

    static final String APPROVED = "approved";

    /**
     * Checks the passport's status and the report's findings before anything is written.
     *
     * @param resolvedColumns indexes of columns whose restricted-data finding an analyst resolved
     * @throws PublicationRefusedException naming the reason and the columns involved
     */
    public void checkBeforeWriting(
            String datasetName,
            ObjectNode passport,
            ObjectNode datapackage,
            AnalysisReport report,
            Set<Integer> resolvedColumns) {
        requireApproved(datasetName, passport);
        requireFindingsResolved(datasetName, report, schemaFieldNames(datapackage), resolvedColumns);
        requireAbsent(datasetName, report, schemaFieldNames(datapackage), "the data package schema");
    }

    /**
     * Checks the header row of the CSV about to be published.
     *
     * @throws PublicationRefusedException when a restricted column reached the header
     */
    public void checkWrittenHeader(String datasetName, AnalysisReport report, List<String> csvHeader) {
        requireAbsent(datasetName, report, csvHeader, "the CSV header");
    }

    private static void requireApproved(String datasetName, ObjectNode passport) {
        String status = passport.path("status").asText("");
        if (!APPROVED.equals(status)) {
            throw new PublicationRefusedException("data set '" + datasetName + "': passport "
                    + passport.path("id").asText("?") + " version "
                    + passport.path("version").asText("?")
                    + " has status '" + status + "'; only an approved passport is published,"
                    + " so wait for the agency's approval");
        }
    }

    private static void requireFindingsResolved(
            String datasetName, AnalysisReport report, Set<String> published, Set<Integer> resolved) {
        Set<String> unresolved = new TreeSet<>();
        for (ColumnReport column : report.columns()) {
            boolean leftOut = !published.contains(column.technicalName());
            if (column.restricted() != null && !leftOut && !resolved.contains(column.index())) {
                unresolved.add(
                        column.technicalName() + " (" + column.restricted().kind() + ", "
                                + column.restricted().severity() + ")");
            }
        }
        if (!unresolved.isEmpty()) {
            throw new PublicationRefusedException("data set '" + datasetName
                    + "': restricted-data findings are not resolved for columns " + unresolved
                    + "; an analyst must resolve each finding before the set is published");
        }
    }

    private static void requireAbsent(
            String datasetName, AnalysisReport report, Collection<String> names, String where) {
        Set<String> present = new TreeSet<>();
        for (ColumnReport column : report.restrictedColumns()) {
            if (names.contains(column.technicalName())) {
                present.add(column.technicalName());
            }
        }
        if (!present.isEmpty()) {
            throw new PublicationRefusedException("data set '" + datasetName + "': restricted columns " + present
                    + " are present in " + where + "; draft the passport again without them");
        }
    }

    /** Field names of every resource's Table Schema in the data package. */
    static Set<String> schemaFieldNames(ObjectNode datapackage) {
        Set<String> names = new TreeSet<>();
        for (JsonNode resource : datapackage.path("resources")) {
            for (JsonNode field : resource.path("schema").path("fields")) {
                names.add(field.path("name").asText());
            }
        }
        return names;
    }
}
