package kz.opendata.hub.approval;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Passport versions drafted from an agency's edited passport, and their changed fields. */
@Repository
class RevisionRepository {

    private final JdbcClient jdbc;

    RevisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Revision revision, List<PassportMerge.RecordedChange> changes) {
        jdbc.sql("INSERT INTO passport_revision (passport_id, previous_passport_id, message_id, sender, file_name,"
                        + " format, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        revision.passportId(),
                        revision.previousPassportId(),
                        revision.messageId(),
                        revision.sender(),
                        revision.fileName(),
                        revision.format(),
                        revision.recordedAt())
                .update();
        for (int i = 0; i < changes.size(); i++) {
            PassportMerge.RecordedChange change = changes.get(i);
            jdbc.sql("INSERT INTO passport_change (passport_id, position, field_path, old_value, new_value, applied)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(
                            revision.passportId(),
                            i + 1,
                            change.path(),
                            change.before(),
                            change.after(),
                            change.applied())
                    .update();
        }
    }

    Optional<Revision> find(long passportId) {
        return jdbc.sql("SELECT * FROM passport_revision WHERE passport_id = ?")
                .param(passportId)
                .query(Revision.class)
                .optional();
    }

    List<Change> changes(long passportId) {
        return jdbc.sql("SELECT field_path AS path, old_value AS before, new_value AS after, applied"
                        + " FROM passport_change WHERE passport_id = ? ORDER BY position")
                .param(passportId)
                .query(Change.class)
                .list();
    }

    /**
     * A version drafted from an edited passport.
     *
     * @param format json, xlsx or docx
     */
    record Revision(
            long passportId,
            long previousPassportId,
            String messageId,
            String sender,
            String fileName,
            String format,
            OffsetDateTime recordedAt) {}

    /**
     * One changed field.
     *
     * @param applied false when the agency changed a field the hub keeps as derived from the data
     */
    record Change(String path, String before, String after, boolean applied) {}
}
