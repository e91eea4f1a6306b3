package kz.opendata.hub.store;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every publication attempt and its outcome. */
@Repository
public class PublicationRepository {

    private final JdbcClient jdbc;

    PublicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(PublicationRecord record) {
        jdbc.sql("INSERT INTO publication (passport_id, dataset_name, portal, status, location, data_sha256,"
                        + " row_count, message, attempted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        record.passportId(),
                        record.datasetName(),
                        record.portal(),
                        record.status(),
                        record.location(),
                        record.dataSha256(),
                        record.rowCount(),
                        record.message(),
                        OffsetDateTime.now())
                .update();
    }

    public List<PublicationRecord> forPassport(long passportId) {
        return jdbc.sql("SELECT * FROM publication WHERE passport_id = ? ORDER BY id")
                .param(passportId)
                .query(PublicationRecord.class)
                .list();
    }

    /**
     * One publication attempt.
     *
     * @param status published, unchanged, refused or failed
     */
    public record PublicationRecord(
            long passportId,
            String datasetName,
            String portal,
            String status,
            String location,
            String dataSha256,
            Long rowCount,
            String message,
            OffsetDateTime attemptedAt) {}
}
