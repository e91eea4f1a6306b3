package kz.opendata.hub.approval;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of the {@code mail_outbox} table: letters queued, claimed, sent or given up. */
@Repository
class OutboxRepository {

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OutgoingLetter letter, byte[] mime, OffsetDateTime queuedAt) {
        jdbc.sql("INSERT INTO mail_outbox (message_id, kind, passport_id, audit_subject, audit_subject_id,"
                        + " recipients, in_reply_to, subject, mime, queued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        letter.messageId(),
                        letter.kind(),
                        letter.passportId(),
                        letter.auditSubject(),
                        letter.auditSubjectId(),
                        String.join(",", letter.recipients()),
                        letter.inReplyTo(),
                        truncate(letter.letter().subject(), 2000),
                        mime,
                        queuedAt)
                .update();
    }

    /** Ids of letters not yet sent nor given up, and not claimed since {@code claimedBefore}. */
    List<Long> pending(OffsetDateTime claimedBefore, int limit) {
        return jdbc.sql("SELECT id FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL"
                        + " AND (claimed_at IS NULL OR claimed_at < ?) ORDER BY id LIMIT ?")
                .params(claimedBefore, limit)
                .query(Long.class)
                .list();
    }

    /** Claims a letter for sending; false when it was sent, given up or claimed meanwhile. */
    boolean claim(long id, OffsetDateTime now, OffsetDateTime claimedBefore) {
        return jdbc.sql("UPDATE mail_outbox SET claimed_at = ? WHERE id = ? AND sent_at IS NULL"
                                + " AND failed_at IS NULL AND (claimed_at IS NULL OR claimed_at < ?)")
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

    /** Counts a failed attempt, releases the claim, and gives up when {@code giveUp} is set. */
    void recordFailure(long id, String error, OffsetDateTime now, boolean giveUp) {
        jdbc.sql("UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, claimed_at = NULL,"
                        + " failed_at = ? WHERE id = ?")
                .params(truncate(error, 2000), giveUp ? now : null, id)
                .update();
    }

    /** Whether a letter of this kind went to exactly this recipient list since {@code since}. */
    boolean queuedSince(String kind, String recipients, OffsetDateTime since) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE kind = ? AND recipients = ? AND queued_at >= ?")
                        .params(kind, recipients, since)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Whether a letter of this kind answering this Message-ID was queued before. */
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
