package kz.opendata.hub.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Approval e-mails sent and received, one row per direction and Message-ID. */
@Repository
public class ApprovalMessageRepository {

    public static final String OUT = "out";
    public static final String IN = "in";

    private final JdbcClient jdbc;

    ApprovalMessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String direction, String messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM approval_message WHERE direction = ? AND message_id = ?")
                        .params(direction, messageId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void insert(ApprovalMessage message) {
        jdbc.sql("INSERT INTO approval_message (passport_id, direction, message_id, in_reply_to, sender, subject,"
                        + " sent_at, recorded_at, decision, decisive_sentence, own_text)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        message.passportId(),
                        message.direction(),
                        message.messageId(),
                        message.inReplyTo(),
                        message.sender(),
                        message.subject(),
                        message.sentAt(),
                        OffsetDateTime.now(),
                        message.decision(),
                        message.decisiveSentence(),
                        message.ownText())
                .update();
    }

    /**
     * Records a message with its kind and a note for analysts.
     *
     * @param kind see the column comment in the migration that adds {@code approval_message.kind}
     * @param recordedAt when the hub recorded it, from the hub's clock
     */
    public void insert(ApprovalMessage message, String kind, String note, OffsetDateTime recordedAt) {
        jdbc.sql("INSERT INTO approval_message (passport_id, direction, message_id, in_reply_to, sender, subject,"
                        + " sent_at, recorded_at, decision, decisive_sentence, own_text, kind, note)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        message.passportId(),
                        message.direction(),
                        message.messageId(),
                        message.inReplyTo(),
                        message.sender(),
                        message.subject(),
                        message.sentAt(),
                        recordedAt,
                        message.decision(),
                        message.decisiveSentence(),
                        message.ownText(),
                        kind,
                        note)
                .update();
    }

    /** Sets the send time of an outgoing message once the mail server accepted it. */
    public void markOutgoingSent(String messageId, OffsetDateTime sentAt) {
        jdbc.sql("UPDATE approval_message SET sent_at = ? WHERE direction = ? AND message_id = ?")
                .params(sentAt, OUT, messageId)
                .update();
    }

    /** Appends a note for analysts to a recorded message. */
    public void appendNote(String direction, String messageId, String note) {
        jdbc.sql("UPDATE approval_message SET note = CASE WHEN note IS NULL THEN ? ELSE note || ' ' || ? END"
                        + " WHERE direction = ? AND message_id = ?")
                .params(note, note, direction, messageId)
                .update();
    }

    /**
     * Finds the earlier outgoing message among these Message-IDs, trying them in the order given,
     * so pass In-Reply-To first and then References from the newest.
     */
    public Optional<Entry> findOutgoing(List<String> messageIds) {
        for (String messageId : messageIds) {
            Optional<Entry> entry = jdbc.sql("SELECT * FROM approval_message WHERE direction = ? AND message_id = ?")
                    .params(OUT, messageId)
                    .query(Entry.class)
                    .optional();
            if (entry.isPresent()) {
                return entry;
            }
        }
        return Optional.empty();
    }

    /** The received message with this Message-ID, with its kind, note and times. */
    public Optional<Entry> findReceived(String messageId) {
        return jdbc.sql("SELECT * FROM approval_message WHERE direction = ? AND message_id = ?")
                .params(IN, messageId)
                .query(Entry.class)
                .optional();
    }

    /** Every message about a passport with its kind, note and times, oldest first. */
    public List<Entry> entries(long passportId) {
        return jdbc.sql("SELECT * FROM approval_message WHERE passport_id = ? ORDER BY id")
                .param(passportId)
                .query(Entry.class)
                .list();
    }

    /** Received messages with one decision, newest first, for analysts' lists. */
    public List<Entry> received(String decision, int limit) {
        return jdbc.sql("SELECT * FROM approval_message WHERE direction = ? AND decision = ?"
                        + " ORDER BY id DESC LIMIT ?")
                .params(IN, decision, limit)
                .query(Entry.class)
                .list();
    }

    public List<ApprovalMessage> forPassport(long passportId) {
        return jdbc.sql("SELECT * FROM approval_message WHERE passport_id = ? ORDER BY id")
                .param(passportId)
                .query(ApprovalMessage.class)
                .list();
    }

    /** Finds the passport an earlier outgoing message with one of these Message-IDs was about. */
    public Long passportForOutgoing(List<String> messageIds) {
        for (String messageId : messageIds) {
            List<Long> ids = jdbc.sql("SELECT passport_id FROM approval_message WHERE direction = ? AND message_id = ?")
                    .params(OUT, messageId)
                    .query(Long.class)
                    .list();
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
        }
        return null;
    }

    /**
     * One approval e-mail.
     *
     * @param passportId null for a received message that matched no passport
     * @param decision approved, rejected, changes-requested, unclear, not-a-contact, unmatched, or
     *     null for outgoing messages
     */
    public record ApprovalMessage(
            Long passportId,
            String direction,
            String messageId,
            String inReplyTo,
            String sender,
            String subject,
            OffsetDateTime sentAt,
            String decision,
            String decisiveSentence,
            String ownText) {}

    /**
     * One approval e-mail as stored, with the columns {@link ApprovalMessage} leaves out.
     *
     * @param kind request, reminder, reply and the others listed in the migration; null only for
     *     rows of hubs that never ran that migration
     * @param recordedAt when the hub recorded the message
     */
    public record Entry(
            long id,
            Long passportId,
            String direction,
            String messageId,
            String inReplyTo,
            String sender,
            String subject,
            OffsetDateTime sentAt,
            OffsetDateTime recordedAt,
            String decision,
            String decisiveSentence,
            String kind,
            String note) {}
}
