package kz.opendata.hub.approval;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Approvals that wait for the commission round of their passport to end. */
@Repository
class HeldApprovalRepository {

    static final String APPLIED = "applied";
    static final String SUPERSEDED = "superseded";

    private final JdbcClient jdbc;

    HeldApprovalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the approval unless one is held for the passport already; returns whether it was. */
    boolean holdIfNone(HeldApproval approval) {
        if (find(approval.passportId()).isPresent()) {
            return false;
        }
        jdbc.sql("INSERT INTO held_approval (passport_id, message_id, sender, decisive_sentence, held_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(
                        approval.passportId(),
                        approval.messageId(),
                        approval.sender(),
                        approval.decisiveSentence(),
                        approval.heldAt())
                .update();
        return true;
    }

    Optional<HeldApproval> find(long passportId) {
        return jdbc.sql("SELECT * FROM held_approval WHERE passport_id = ?")
                .param(passportId)
                .query(HeldApproval.class)
                .optional();
    }

    /** Closes a held approval; false when it was released before. */
    boolean release(long passportId, String outcome, OffsetDateTime at) {
        return jdbc.sql("UPDATE held_approval SET released_at = ?, outcome = ? WHERE passport_id = ?"
                                + " AND released_at IS NULL")
                        .params(at, outcome, passportId)
                        .update()
                == 1;
    }

    /**
     * One held approval.
     *
     * @param outcome {@value #APPLIED} or {@value #SUPERSEDED} once released, null while held
     */
    record HeldApproval(
            long passportId,
            String messageId,
            String sender,
            String decisiveSentence,
            OffsetDateTime heldAt,
            OffsetDateTime releasedAt,
            String outcome) {

        boolean isOpen() {
            return releasedAt == null;
        }
    }
}
