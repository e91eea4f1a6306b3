package kz.opendata.hub.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import kz.opendata.hub.exchange.RequestLetterRepository.SentLetter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Letters sent to agencies, requests and reminders, on both databases. */
class RequestLetterRepositoryTest {

    private static final OffsetDateTime SENT = OffsetDateTime.of(2026, 1, 15, 11, 0, 0, 0, ZoneOffset.ofHours(5));

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void lettersAreListedPerAgencyInOrderSent(String database) {
        JdbcClient jdbc = CampaignFixture.jdbcWithCampaign(database, "request-letters");
        long campaignId = CampaignFixture.campaignId(jdbc);
        RequestLetterRepository letters = new RequestLetterRepository(jdbc);
        SentLetter request = new SentLetter(
                campaignId,
                "agency-a",
                RequestLetterRepository.REQUEST,
                "<r1@hub>",
                "ru",
                2,
                "sftp:/outbox",
                "request.pdf sha256=" + "c".repeat(64),
                SENT);
        SentLetter reminder = new SentLetter(
                campaignId,
                "agency-a",
                RequestLetterRepository.REMINDER,
                "<r2@hub>",
                "kk",
                1,
                null,
                null,
                SENT.plusDays(7));
        SentLetter other = new SentLetter(
                campaignId, "agency-b", RequestLetterRepository.REQUEST, "<r3@hub>", "ru", 1, null, null, SENT);

        letters.insert(request);
        letters.insert(reminder);
        letters.insert(other);

        List<SentLetter> stored = letters.forAgency(campaignId, "agency-a");
        assertThat(stored).extracting(SentLetter::messageId).containsExactly("<r1@hub>", "<r2@hub>");
        SentLetter first = stored.get(0);
        assertThat(first.kind()).isEqualTo(RequestLetterRepository.REQUEST);
        assertThat(first.language()).isEqualTo("ru");
        assertThat(first.recipients()).isEqualTo(2);
        assertThat(first.outbox()).isEqualTo("sftp:/outbox");
        assertThat(first.attachments()).isEqualTo(request.attachments());
        assertThat(first.sentAt().toInstant()).isEqualTo(SENT.toInstant());
        assertThat(stored.get(1).outbox()).isNull();
        assertThat(stored.get(1).attachments()).isNull();
        assertThat(letters.forAgency(campaignId, "agency-b"))
                .extracting(SentLetter::messageId)
                .containsExactly("<r3@hub>");
        assertThat(letters.forAgency(campaignId + 1, "agency-a")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void letterWithKnownMessageIdIsRejected(String database) {
        JdbcClient jdbc = CampaignFixture.jdbcWithCampaign(database, "request-letters");
        long campaignId = CampaignFixture.campaignId(jdbc);
        RequestLetterRepository letters = new RequestLetterRepository(jdbc);
        letters.insert(new SentLetter(campaignId, "agency-a", "request", "<r1@hub>", "ru", 1, null, null, SENT));

        assertThatThrownBy(() -> letters.insert(
                        new SentLetter(campaignId, "agency-b", "request", "<r1@hub>", "ru", 1, null, null, SENT)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(letters.forAgency(campaignId, "agency-b")).isEmpty();
    }
}
