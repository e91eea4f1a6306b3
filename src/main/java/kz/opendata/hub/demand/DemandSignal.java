package kz.opendata.hub.demand;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * A stored request for data, table {@code demand_signal}.
 *
 * @param source where it came from: {@code upload} or the synced portal's name
 * @param externalId the source's own id of the request
 * @param kind {@value #PORTAL_REQUEST} or {@value #BUSINESS_NEED}
 * @param keywords keywords joined with {@value #LIST_SEPARATOR}, or null
 * @param columnNames requested columns joined with {@value #LIST_SEPARATOR}, or null
 * @param agencyCode the agency the request names, or null
 * @param votes how many people back the request, at least 1
 */
public record DemandSignal(
        long id,
        String source,
        String externalId,
        String kind,
        String title,
        String description,
        String keywords,
        String columnNames,
        String agencyCode,
        int votes,
        OffsetDateTime requestedAt,
        OffsetDateTime importedAt,
        OffsetDateTime updatedAt) {

    /** A portal user's request for data. */
    public static final String PORTAL_REQUEST = "portal-request";
    /** A business need, such as those the national chamber of entrepreneurs gathers. */
    public static final String BUSINESS_NEED = "business-need";

    static final String LIST_SEPARATOR = "; ";

    List<String> keywordList() {
        return split(keywords);
    }

    List<String> columnList() {
        return split(columnNames);
    }

    static List<String> split(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(";"))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }
}
