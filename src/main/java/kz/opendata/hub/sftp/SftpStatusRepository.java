package kz.opendata.hub.sftp;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The last known state of each agency's SFTP connection. */
@Repository
public class SftpStatusRepository {

    public static final String OK = "ok";
    public static final String FAILING = "failing";
    public static final String NOT_STARTED = "not-started";

    private final JdbcClient jdbc;

    SftpStatusRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SftpStatus> find(String agencyCode) {
        return jdbc.sql("SELECT * FROM sftp_status WHERE agency_code = ?")
                .param(agencyCode)
                .query(SftpStatus.class)
                .optional();
    }

    public List<SftpStatus> all() {
        return jdbc.sql("SELECT * FROM sftp_status ORDER BY agency_code")
                .query(SftpStatus.class)
                .list();
    }

    void save(String agencyCode, String state, SftpProblem problem, OffsetDateTime now) {
        String code = problem == null ? null : problem.code();
        String message = problem == null ? null : truncate(problem.message());
        int updated = jdbc.sql("UPDATE sftp_status SET state = ?, problem = ?, message = ?, changed_at = ?"
                        + " WHERE agency_code = ?")
                .params(state, code, message, now, agencyCode)
                .update();
        if (updated == 0) {
            jdbc.sql(
                            "INSERT INTO sftp_status (agency_code, state, problem, message, changed_at) VALUES (?, ?, ?, ?, ?)")
                    .params(agencyCode, state, code, message, now)
                    .update();
        }
    }

    private static String truncate(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 4000);
    }

    /**
     * The state of one agency's connection.
     *
     * @param state ok, failing or not-started
     * @param problem the kind of problem, null when ok
     */
    public record SftpStatus(
            String agencyCode, String state, String problem, String message, OffsetDateTime changedAt) {}
}
