package kz.opendata.hub.demand;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A request for data as read from an upload or the synced endpoint, before it is stored.
 *
 * @param externalId the source's own id. A CSV row without one gets a hash of its kind, title and
 *     description, so the same row imported again finds its earlier copy.
 */
record NewSignal(
        String source,
        String externalId,
        String kind,
        String title,
        String description,
        List<String> keywords,
        List<String> columns,
        String agencyCode,
        int votes,
        OffsetDateTime requestedAt) {

    NewSignal {
        keywords = List.copyOf(keywords);
        columns = List.copyOf(columns);
    }
}
