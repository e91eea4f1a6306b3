package kz.opendata.hub.approval;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Rows of the {@code mail_outbox} table: letters queued, claimed, sent or given up. */
@Repository
class OutboxRepository {

    /** Delivery state of letters queued and not yet sent or given up. */
    static final String PENDING = "pending";

    /** Delivery state of letters given up after their last attempt. */
    static final String FAILED = "failed";

    /** Delivery state of letters the mail server accepted. */
    static final String SENT = "sent";

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a queued letter and returns its row id. */
    long insert(Entry entry, byte[] mime, OffsetDateTime queuedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO mail_outbox (message_id, kind, passport_id, audit_subject, audit_subject_id,"
                        + " recipients, in_reply_to, subject, mime, queued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        entry.messageId(),
                        entry.kind(),
                        entry.passportId(),
                        entry.auditSubject(),
                        entry.auditSubjectId(),
                        String.join(",", entry.recipients()),
                        entry.inReplyTo(),
                        truncate(entry.subject(), 2000),
                        mime,
                        queuedAt)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Returns whether a letter with this Message-ID was ever queued. */
    boolean contains(String messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE message_id = ?")
                        .param(messageId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Ids of letters not yet sent nor given up, not claimed since {@code claimedBefore}, and whose
     * back-off after a failed attempt ended by {@code now}.
     */
    List<Long> pending(OffsetDateTime now, OffsetDateTime claimedBefore, int limit) {
        return jdbc.sql("SELECT id FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL"
                        + " AND (claimed_at IS NULL OR claimed_at < ?)"
                        + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT ?")
                .params(claimedBefore, now, limit)
                .query(Long.class)
                .list();
    }

    /**
     * Claims a letter for sending and counts the attempt. The caller commits both before the letter
     * goes to the mail server. Returns false when the letter was sent, given up or claimed meanwhile.
     */
    boolean claim(long id, OffsetDateTime now, OffsetDateTime claimedBefore) {
        return jdbc.sql("UPDATE mail_outbox SET claimed_at = ?, attempts = attempts + 1 WHERE id = ?"
                                + " AND sent_at IS NULL AND failed_at IS NULL"
                                + " AND (claimed_at IS NULL OR claimed_at < ?)")
                        .params(now, id, claimedBefore)
                        .update()
                == 1;
    }

    Optional<Row> find(long id) {
        return jdbc.sql("SELECT id, message_id, kind, passport_id, audit_subject, audit_subject_id, recipients,"
                        + " mime, attempts FROM mail_outbox WHERE id = ?")
                .param(id)
                .query(Row.class)
                .optional();
    }

    void markSent(long id, OffsetDateTime sentAt) {
        jdbc.sql("UPDATE mail_outbox SET sent_at = ?, last_error = NULL WHERE id = ?")
                .params(sentAt, id)
                .update();
    }

    /**
     * Records the error of the attempt in progress and releases the claim. The letter is tried
     * again from {@code nextAttemptAt}, or never when {@code giveUp} is set.
     */
    void recordFailure(long id, String error, OffsetDateTime now, OffsetDateTime nextAttemptAt, boolean giveUp) {
        jdbc.sql("UPDATE mail_outbox SET last_error = ?, claimed_at = NULL, next_attempt_at = ?, failed_at = ?"
                        + " WHERE id = ?")
                .params(truncate(error, 2000), nextAttemptAt, giveUp ? now : null, id)
                .update();
    }

    /**
     * Lists letters in one delivery state, newest first.
     *
     * @param state pending (queued, not sent and not given up), failed (given up) or sent
     */
    List<Listed> list(String state, int limit) {
        String where = switch (state) {
            case PENDING -> "sent_at IS NULL AND failed_at IS NULL";
            case FAILED -> "failed_at IS NOT NULL";
            case SENT -> "sent_at IS NOT NULL";
            default ->
                throw new IllegalArgumentException("Invalid outbox state " + state + "; use pending, failed or sent");
        };
        return jdbc.sql("SELECT id, message_id, kind, passport_id, attempts, last_error, queued_at, next_attempt_at,"
                        + " sent_at, failed_at FROM mail_outbox WHERE " + where + " ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query(Listed.class)
                .list();
    }

    long countFailed() {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE failed_at IS NOT NULL")
                .query(Long.class)
                .single();
    }

    /** Queues a given-up letter again with a fresh count of attempts; false when it was not given up. */
    boolean requeue(long id) {
        return jdbc.sql("UPDATE mail_outbox SET failed_at = NULL, attempts = 0, next_attempt_at = NULL,"
                                + " claimed_at = NULL WHERE id = ? AND failed_at IS NOT NULL")
                        .param(id)
                        .update()
                == 1;
    }

    /** Returns whether a letter of this kind went to exactly this recipient list since {@code since}. */
    boolean queuedSince(String kind, String recipients, OffsetDateTime since) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE kind = ? AND recipients = ? AND queued_at >= ?")
                        .params(kind, recipients, since)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Returns whether a letter of this kind replying to this Message-ID was queued before. */
    boolean answered(String kind, String inReplyTo) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE kind = ? AND in_reply_to = ?")
                        .params(kind, inReplyTo)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    /**
     * Fields the outbox stores about a letter besides its bytes.
     *
     * @param recipients To and Cc addresses, lower-case
     * @param subject decoded subject line
     */
    record Entry(
            String messageId,
            String kind,
            Long passportId,
            String auditSubject,
            String auditSubjectId,
            List<String> recipients,
            String inReplyTo,
            String subject) {}

    /**
     * A letter as the analysts' list shows it, without its recipients.
     *
     * @param nextAttemptAt when a failed attempt is repeated; null before the first failure
     */
    record Listed(
            long id,
            String messageId,
            String kind,
            Long passportId,
            int attempts,
            String lastError,
            OffsetDateTime queuedAt,
            OffsetDateTime nextAttemptAt,
            OffsetDateTime sentAt,
            OffsetDateTime failedAt) {}

    /** A queued letter as the sending route needs it. */
    record Row(
            long id,
            String messageId,
            String kind,
            Long passportId,
            String auditSubject,
            String auditSubjectId,
            String recipients,
            byte[] mime,
            int attempts) {}
}
