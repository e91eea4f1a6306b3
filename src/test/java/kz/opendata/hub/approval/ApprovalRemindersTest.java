package kz.opendata.hub.approval;

import static kz.opendata.hub.approval.ApprovalInboxTest.decodedSubject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import kz.opendata.hub.store.ApprovalMessageRepository;
import kz.opendata.hub.store.ApprovalMessageRepository.Entry;
import kz.opendata.hub.store.PassportRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Reminders and escalation of unanswered approval requests, with the test clock moved by days. */
class ApprovalRemindersTest extends HubMailTest {

    /** One more hour than hub.approval.reminder-after-days (5) in the test context. */
    private static final Duration DUE = Duration.ofDays(5).plusHours(1);

    @Autowired
    ApprovalReminders reminders;

    @Test
    void remindsAfterDaysThenEscalates() throws Exception {
        Sent sent = sendForApproval(HEALTH, "mos/registry-offices.csv", "reminders");
        long id = sent.passport().id();

        reminders.run();
        clock.advance(Duration.ofDays(4));
        reminders.run();
        assertThat(outgoing(id, "reminder")).isEmpty();

        clock.advance(Duration.ofDays(1).plusHours(1));
        reminders.run();
        reminders.run();
        List<Entry> first = outgoing(id, "reminder");
        assertThat(first).hasSize(1);
        MimeMessage reminder = awaitMessage(first.get(0).messageId());
        assertThat(reminder.getHeader("In-Reply-To", null)).isEqualTo(sent.requestId());
        assertThat(reminder.getHeader("References", null)).isEqualTo(sent.requestId());
        assertThat(decodedSubject(reminder)).startsWith("[ODH-" + sent.token() + "] ");
        assertThat(reminder.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        await().atMost(PATIENCE).until(() -> outgoing(id, "reminder").get(0).sentAt() != null);

        clock.advance(DUE);
        reminders.run();
        List<Entry> both = outgoing(id, "reminder");
        assertThat(both).hasSize(2);
        MimeMessage second = awaitMessage(both.get(1).messageId());
        assertThat(second.getHeader("References", null))
                .isEqualTo(sent.requestId() + " " + both.get(0).messageId());

        clock.advance(DUE);
        reminders.run();
        clock.advance(DUE);
        reminders.run();
        assertThat(outgoing(id, "reminder")).hasSize(2);
        assertThat(audit.forSubject("passport", id).stream()
                        .filter(e -> e.action().equals("approval-escalated"))
                        .count())
                .isEqualTo(1);
        JsonNode escalation = escalationOf(id);
        assertThat(escalation).isNotNull();
        assertThat(escalation.path("reminders").asInt()).isEqualTo(2);
        assertThat(escalation.path("agencyName").asText()).isEqualTo("Городское управление здравоохранения");
    }

    @Test
    void replyToReminderDecidesAndEndsEscalation() throws Exception {
        Sent sent = sendForApproval(STAT, "stat-kz/environment-spending.csv", "reply-to-reminder");
        long id = sent.passport().id();
        for (int run = 0; run < 3; run++) {
            clock.advance(DUE);
            reminders.run();
        }
        assertThat(escalationOf(id)).isNotNull();
        String lastReminder = outgoing(id, "reminder").get(1).messageId();
        awaitMessage(lastReminder);
        ClientMail reply = ClientMail.from(STAT_CONTACT)
                .subject("Жауап: еске салу", StandardCharsets.UTF_8)
                .header("In-Reply-To", lastReminder)
                .header("References", sent.requestId() + " " + lastReminder)
                .text("Келісілді.");

        deliver(reply.bytes());

        awaitStatus(id, PassportRecord.APPROVED);
        assertThat(escalationOf(id)).isNull();
        clock.advance(DUE);
        reminders.run();
        assertThat(outgoing(id, "reminder")).hasSize(2);
    }

    @Test
    void unclearReplyFromContactPostponesReminder() throws Exception {
        Sent sent = sendForApproval(HEALTH, "mos/hospices.csv", "unclear-postpones");
        long id = sent.passport().id();
        clock.advance(Duration.ofDays(3));
        ClientMail reply = ClientMail.from(HEALTH_CONTACT)
                .subject("RE: " + decodedSubject(sent.request()), StandardCharsets.UTF_8)
                .replyTo(sent.requestId())
                .text("Получили, рассмотрим на следующей неделе.");
        deliver(reply.bytes());
        assertThat(awaitReceived(reply.messageId()).decision()).isEqualTo("unclear");

        clock.advance(Duration.ofDays(3));
        reminders.run();
        assertThat(outgoing(id, "reminder")).isEmpty();
        clock.advance(Duration.ofDays(3));
        reminders.run();
        assertThat(outgoing(id, "reminder")).hasSize(1);
    }

    private List<Entry> outgoing(long passportId, String kind) {
        return messages.entries(passportId).stream()
                .filter(e -> ApprovalMessageRepository.OUT.equals(e.direction()) && kind.equals(e.kind()))
                .toList();
    }

    private JsonNode escalationOf(long passportId) {
        JsonNode list = rest.getForObject("/api/approval/escalations", JsonNode.class);
        for (JsonNode escalation : list) {
            if (escalation.path("passportId").asLong() == passportId) {
                return escalation;
            }
        }
        return null;
    }
}
