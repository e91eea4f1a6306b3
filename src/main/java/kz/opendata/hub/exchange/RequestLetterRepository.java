package kz.opendata.hub.exchange;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Letters sent to agencies: official requests and reminders, each with its Message-ID. */
@Repository
public class RequestLetterRepository {

    public static final String REQUEST = "request";
    public static final String REMINDER = "reminder";

    private final JdbcClient jdbc;

    RequestLetterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SentLetter letter) {
        jdbc.sql("INSERT INTO request_letter (campaign_id, agency_code, kind, message_id, language, recipients,"
                        + " outbox, attachments, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        letter.campaignId(),
                        letter.agencyCode(),
                        letter.kind(),
                        letter.messageId(),
                        letter.language(),
                        letter.recipients(),
                        letter.outbox(),
                        letter.attachments(),
                        letter.sentAt())
                .update();
    }

    public List<SentLetter> forAgency(long campaignId, String agencyCode) {
        return jdbc.sql("SELECT campaign_id, agency_code, kind, message_id, language, recipients, outbox, attachments,"
                        + " sent_at FROM request_letter WHERE campaign_id = ? AND agency_code = ? ORDER BY id")
                .params(campaignId, agencyCode)
                .query(SentLetter.class)
                .list();
    }

    /**
     * One letter as sent.
     *
     * @param kind request or reminder
     * @param recipients how many addresses received it; the addresses themselves are personal data
     * @param attachments file names with their SHA-256
     */
    public record SentLetter(
            long campaignId,
            String agencyCode,
            String kind,
            String messageId,
            String language,
            int recipients,
            String outbox,
            String attachments,
            OffsetDateTime sentAt) {}
}
