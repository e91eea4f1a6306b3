package kz.opendata.hub.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How the restricted-data findings of each unload were settled. */
@Repository
public class FindingResolutionRepository {

    public static final String EXCLUDED = "excluded";
    public static final String PUBLISH = "publish";

    private final JdbcClient jdbc;

    FindingResolutionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records or replaces the resolution of one column's finding. */
    public void resolve(long unloadId, int columnIndex, String decision, String reason, String resolvedBy) {
        jdbc.sql("DELETE FROM finding_resolution WHERE unload_id = ? AND column_index = ?")
                .params(unloadId, columnIndex)
                .update();
        jdbc.sql("INSERT INTO finding_resolution (unload_id, column_index, decision, reason, resolved_by,"
                        + " resolved_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(unloadId, columnIndex, decision, reason, resolvedBy, OffsetDateTime.now())
                .update();
    }

    public List<FindingResolution> forUnload(long unloadId) {
        return jdbc.sql("SELECT * FROM finding_resolution WHERE unload_id = ? ORDER BY column_index")
                .param(unloadId)
                .query(FindingResolution.class)
                .list();
    }

    public Set<Integer> resolvedColumns(long unloadId) {
        return forUnload(unloadId).stream().map(FindingResolution::columnIndex).collect(Collectors.toSet());
    }

    /** One settled finding. */
    public record FindingResolution(
            long unloadId,
            int columnIndex,
            String decision,
            String reason,
            String resolvedBy,
            OffsetDateTime resolvedAt) {}
}
