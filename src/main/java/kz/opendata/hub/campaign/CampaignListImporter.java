package kz.opendata.hub.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.opendata.hub.campaign.ListFileReader.ListRow;

/**
 * Turns the list of a commission decision (one agency per row: its code or its name) into a
 * campaign request. A first row whose cell reads like a column heading is skipped.
 */
final class CampaignListImporter {

    private static final Set<String> HEADINGS = Set.of(
            "code", "agency", "name", "код", "агентство", "орган", "наименование", "атауы", "коды", "орган атауы");

    private CampaignListImporter() {}

    static ImportedList read(
            String fileName,
            byte[] content,
            String decisionNumber,
            LocalDate decisionDate,
            String authorityReference,
            String title) {
        List<ListRow> rows = ListFileReader.read(fileName, content);
        List<String> agencies = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String first = rows.get(i).cell(0);
            if (i == 0 && HEADINGS.contains(AgencyMatcher.normalise(first))) {
                continue;
            }
            agencies.add(first.isEmpty() ? rows.get(i).cell(1) : first);
            rowNumbers.add(rows.get(i).rowNumber());
        }
        return new ImportedList(
                new NewCampaign(decisionNumber, decisionDate, authorityReference, title, agencies), rowNumbers);
    }
}
