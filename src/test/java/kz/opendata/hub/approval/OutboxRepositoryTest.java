package kz.opendata.hub.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import kz.opendata.hub.approval.OutboxRepository.Entry;
import kz.opendata.hub.approval.OutboxRepository.Listed;
import kz.opendata.hub.approval.OutboxRepository.Row;
import kz.opendata.hub.production.Databases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Queue, claim, failure and listing of the mail outbox on both databases. */
class OutboxRepositoryTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.ofHours(5));
    private static final OffsetDateTime CLAIMED_BEFORE = NOW.minusMinutes(5);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void queuedLetterKeepsBytesAndFields(String database) {
        JdbcClient jdbc = JdbcClient.create(Databases.migrated(database, "outbox"));
        long passportId = passport(jdbc);
        OutboxRepository outbox = new OutboxRepository(jdbc);
        // Bytes that are not valid UTF-8 and a NUL, which a text column would not keep.
        byte[] mime = {0, (byte) 0xFF, (byte) 0xD0, 'M', 'I', 'M', 'E', (byte) 0x80};
        Entry entry = new Entry(
                "<m1@hub>",
                "request",
                passportId,
                "passport",
                String.valueOf(passportId),
                List.of("a@agency.example.kz", "b@agency.example.kz"),
                "<q@agency>",
                "s".repeat(2500));

        long id = outbox.insert(entry, mime, NOW);

        Row row = outbox.find(id).orElseThrow();
        assertThat(row.mime()).containsExactly(mime);
        assertThat(row.messageId()).isEqualTo("<m1@hub>");
        assertThat(row.kind()).isEqualTo("request");
        assertThat(row.passportId()).isEqualTo(passportId);
        assertThat(row.auditSubject()).isEqualTo("passport");
        assertThat(row.auditSubjectId()).isEqualTo(String.valueOf(passportId));
        assertThat(row.recipients()).isEqualTo("a@agency.example.kz,b@agency.example.kz");
        assertThat(row.attempts()).isZero();
        assertThat(jdbc.sql("SELECT subject FROM mail_outbox WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .hasSize(2000);
        assertThat(outbox.contains("<m1@hub>")).isTrue();
        assertThat(outbox.contains("<m2@hub>")).isFalse();
        assertThat(outbox.find(id + 1)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void pendingSkipsClaimedBackedOffSentAndGivenUp(String database) {
        OutboxRepository outbox = new OutboxRepository(JdbcClient.create(Databases.migrated(database, "outbox")));
        long fresh = queue(outbox, "<fresh@hub>");
        long claimed = queue(outbox, "<claimed@hub>");
        long staleClaim = queue(outbox, "<stale@hub>");
        long backedOff = queue(outbox, "<backed-off@hub>");
        long sent = queue(outbox, "<sent@hub>");
        long givenUp = queue(outbox, "<given-up@hub>");
        long last = queue(outbox, "<last@hub>");
        outbox.claim(claimed, NOW.minusMinutes(1), CLAIMED_BEFORE);
        outbox.claim(staleClaim, NOW.minusMinutes(30), CLAIMED_BEFORE);
        outbox.recordFailure(backedOff, "421 try later", NOW, NOW.plusMinutes(10), false);
        outbox.markSent(sent, NOW);
        outbox.recordFailure(givenUp, "550 no such user", NOW, null, true);

        assertThat(outbox.pending(NOW, CLAIMED_BEFORE, 10)).containsExactly(fresh, staleClaim, last);
        assertThat(outbox.pending(NOW, CLAIMED_BEFORE, 2)).containsExactly(fresh, staleClaim);
        assertThat(outbox.pending(NOW.plusMinutes(10), CLAIMED_BEFORE, 10))
                .containsExactly(fresh, staleClaim, backedOff, last);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void claimCountsAttemptsOnce(String database) {
        OutboxRepository outbox = new OutboxRepository(JdbcClient.create(Databases.migrated(database, "outbox")));
        long id = queue(outbox, "<m1@hub>");

        boolean first = outbox.claim(id, NOW, CLAIMED_BEFORE);
        boolean second = outbox.claim(id, NOW.plusMinutes(1), CLAIMED_BEFORE.plusMinutes(1));
        outbox.recordFailure(id, "timed out", NOW.plusMinutes(2), NOW.plusMinutes(12), false);
        boolean afterFailure = outbox.claim(id, NOW.plusMinutes(12), CLAIMED_BEFORE.plusMinutes(12));
        outbox.markSent(id, NOW.plusMinutes(13));
        boolean afterSent = outbox.claim(id, NOW.plusHours(1), NOW.plusHours(1));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(afterFailure).isTrue();
        assertThat(afterSent).isFalse();
        assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(2);
        Listed listed = outbox.list(OutboxRepository.SENT, 10).get(0);
        assertThat(listed.sentAt().toInstant()).isEqualTo(NOW.plusMinutes(13).toInstant());
        assertThat(listed.lastError()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void lettersAreListedByStateNewestFirst(String database) {
        OutboxRepository outbox = new OutboxRepository(JdbcClient.create(Databases.migrated(database, "outbox")));
        long pendingOne = queue(outbox, "<p1@hub>");
        long pendingTwo = queue(outbox, "<p2@hub>");
        long failedOne = queue(outbox, "<f1@hub>");
        long failedTwo = queue(outbox, "<f2@hub>");
        long sent = queue(outbox, "<s1@hub>");
        outbox.claim(failedOne, NOW, CLAIMED_BEFORE);
        outbox.recordFailure(failedOne, "x".repeat(2100), NOW.plusMinutes(1), null, true);
        outbox.recordFailure(failedTwo, "550 rejected", NOW.plusMinutes(2), null, true);
        outbox.recordFailure(pendingTwo, "421 busy", NOW, NOW.plusMinutes(10), false);
        outbox.markSent(sent, NOW);

        List<Listed> failed = outbox.list(OutboxRepository.FAILED, 10);

        assertThat(outbox.list(OutboxRepository.PENDING, 10))
                .extracting(Listed::id)
                .containsExactly(pendingTwo, pendingOne);
        assertThat(outbox.list(OutboxRepository.PENDING, 1))
                .extracting(Listed::id)
                .containsExactly(pendingTwo);
        assertThat(outbox.list(OutboxRepository.SENT, 10))
                .extracting(Listed::id)
                .containsExactly(sent);
        assertThat(failed).extracting(Listed::id).containsExactly(failedTwo, failedOne);
        assertThat(failed.get(1).lastError()).hasSize(2000);
        assertThat(failed.get(1).attempts()).isEqualTo(1);
        assertThat(failed.get(1).failedAt().toInstant())
                .isEqualTo(NOW.plusMinutes(1).toInstant());
        assertThat(failed.get(1).nextAttemptAt()).isNull();
        assertThat(failed.get(1).queuedAt().toInstant()).isEqualTo(NOW.toInstant());
        assertThat(outbox.list(OutboxRepository.PENDING, 10)
                        .get(0)
                        .nextAttemptAt()
                        .toInstant())
                .isEqualTo(NOW.plusMinutes(10).toInstant());
        assertThat(outbox.countFailed()).isEqualTo(2);
        assertThatThrownBy(() -> outbox.list("queued", 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void givenUpLetterIsRequeuedWithFreshAttempts(String database) {
        OutboxRepository outbox = new OutboxRepository(JdbcClient.create(Databases.migrated(database, "outbox")));
        long failed = queue(outbox, "<f1@hub>");
        long waiting = queue(outbox, "<w1@hub>");
        outbox.claim(failed, NOW, CLAIMED_BEFORE);
        outbox.recordFailure(failed, "550 rejected", NOW, null, true);

        boolean requeued = outbox.requeue(failed);
        boolean requeuedWaiting = outbox.requeue(waiting);

        assertThat(requeued).isTrue();
        assertThat(requeuedWaiting).isFalse();
        assertThat(outbox.find(failed).orElseThrow().attempts()).isZero();
        assertThat(outbox.countFailed()).isZero();
        assertThat(outbox.pending(NOW, CLAIMED_BEFORE, 10)).containsExactly(failed, waiting);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void earlierLettersAreFoundByRecipientAndReply(String database) {
        OutboxRepository outbox = new OutboxRepository(JdbcClient.create(Databases.migrated(database, "outbox")));
        Entry notice = new Entry(
                "<n1@hub>", "unregistered-sender", null, "mail", "<q@x>", List.of("who@example.kz"), "<q@x>", "Notice");
        outbox.insert(notice, new byte[] {1}, NOW);

        // NOW is 05:00 UTC, so the same instant written in UTC must still count as queued since then.
        assertThat(outbox.queuedSince(
                        "unregistered-sender", "who@example.kz", NOW.withOffsetSameInstant(ZoneOffset.UTC)))
                .isTrue();
        assertThat(outbox.queuedSince("unregistered-sender", "who@example.kz", NOW.plusSeconds(1)))
                .isFalse();
        assertThat(outbox.queuedSince("request", "who@example.kz", NOW.minusDays(1)))
                .isFalse();
        assertThat(outbox.queuedSince("unregistered-sender", "other@example.kz", NOW.minusDays(1)))
                .isFalse();
        assertThat(outbox.answered("unregistered-sender", "<q@x>")).isTrue();
        assertThat(outbox.answered("unregistered-sender", "<other@x>")).isFalse();
        assertThat(outbox.answered("request", "<q@x>")).isFalse();
    }

    private static long queue(OutboxRepository outbox, String messageId) {
        Entry entry =
                new Entry(messageId, "request", null, "mail", messageId, List.of("a@agency.example.kz"), null, "S");
        return outbox.insert(entry, new byte[] {'m'}, NOW);
    }

    private static long passport(JdbcClient jdbc) {
        jdbc.sql("INSERT INTO agency (code, language, updated_at) VALUES ('agency-a', 'ru', CURRENT_TIMESTAMP)")
                .update();
        jdbc.sql("INSERT INTO unload (agency_code, file_name, sha256, size_bytes, status, received_at, stored_path)"
                        + " VALUES ('agency-a', 'list.csv', ?, 10, 'analysed', CURRENT_TIMESTAMP, 'archive/list.csv')")
                .param("a".repeat(64))
                .update();
        jdbc.sql("INSERT INTO passport (unload_id, agency_code, dataset_name, version, status, passport_json,"
                        + " datapackage_json, created_at, updated_at) SELECT id, 'agency-a', 'set-one', 1, 'draft',"
                        + " '{}', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM unload")
                .update();
        return jdbc.sql("SELECT id FROM passport").query(Long.class).single();
    }
}
