package kz.opendata.hub.store;

import java.time.OffsetDateTime;
import java.util.List;
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
}
