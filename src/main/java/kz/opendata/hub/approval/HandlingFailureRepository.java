package kz.opendata.hub.approval;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed attempts to handle messages of the approval mailbox, counted in the database so that
 * every node of the hub and a restarted node agree on the count.
 */
@Repository
class HandlingFailureRepository {

    private static final int MAX_ERROR_LENGTH = 2000;

    private final JdbcClient jdbc;

    HandlingFailureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds one failed attempt for the message and returns the attempts counted so far. It commits
     * in a transaction of its own, because the handling that failed rolls back its transaction.
     *
     * @param error what failed, with addresses already removed
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int recordFailure(String messageId, String error, OffsetDateTime failedAt) {
        String shortError = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        int updated = jdbc.sql("UPDATE approval_handling_failure SET attempts = attempts + 1, last_error = ?,"
                        + " last_failed_at = ? WHERE message_id = ?")
                .params(shortError, failedAt, messageId)
                .update();
        // NOTE: two nodes that fail the same message for the first time at once would both insert;
        // one gets a duplicate key error and the message is read again on the next poll. Clustered
        // Quartz lets one node poll the mailbox at a time, so this is not expected.
        if (updated == 0) {
            jdbc.sql("INSERT INTO approval_handling_failure (message_id, attempts, last_error, last_failed_at)"
                            + " VALUES (?, 1, ?, ?)")
                    .params(messageId, shortError, failedAt)
                    .update();
        }
        return attempts(messageId);
    }

    /** Returns the failed attempts counted for the message, 0 when none. */
    public int attempts(String messageId) {
        return jdbc.sql("SELECT attempts FROM approval_handling_failure WHERE message_id = ?")
                .param(messageId)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** Forgets the failed attempts of a message once it was handled or set aside. */
    public void clear(String messageId) {
        jdbc.sql("DELETE FROM approval_handling_failure WHERE message_id = ?")
                .param(messageId)
                .update();
    }
}
