package kz.opendata.hub.approval;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Approval loop settings.
 *
 * @param sendDraftsAutomatically e-mail a drafted passport to the agency as soon as it is drafted;
 *     false leaves drafts for an analyst to check and send
 * @param messageIdHost host part of the Message-IDs of approval e-mails: the hub's DNS name
 * @param setAsideFolder mailbox folder that receives messages the hub cannot parse, beside the
 *     processed folder that receives the others it read
 * @param reminderAfterDays days without an answer after the request or the last reminder before
 *     the next reminder goes out
 * @param maxReminders reminders sent per passport version at most; when the last one stays
 *     unanswered for {@code reminderAfterDays} the passport is escalated to an analyst
 * @param unregisteredReplyIntervalHours an unregistered sender gets at most one explanation in
 *     this many hours, so a sender that answers every message cannot start a mail loop
 * @param outboxMaxAttempts sending attempts after which a queued letter that still failed is given
 *     up and listed for an analyst at {@code GET /api/outbox?status=failed}
 * @param outboxRetryDelay wait after the first failed attempt of a letter; it doubles after each
 *     further failure up to {@code outboxMaxRetryDelay}
 * @param outboxMaxRetryDelay longest wait between two attempts of a letter
 * @param outboxClaimTimeout how long a started attempt blocks other attempts of the same letter.
 *     An attempt cut short by a crash is repeated after it, with the same Message-ID, so it must
 *     exceed the longest time a mail server takes to accept a message
 * @param maxAttachmentBytes attachments larger than this are not read as edited passports
 * @param maxHandlingAttempts failed attempts to handle one received message, in a row, after which
 *     it is set aside for an analyst instead of being read again on every poll
 */
@Validated
@ConfigurationProperties("hub.approval")
public record ApprovalProperties(
        @DefaultValue("true") boolean sendDraftsAutomatically,
        @DefaultValue("opendata-hub.example.kz") String messageIdHost,
        @NotBlank @DefaultValue("Unreadable") String setAsideFolder,
        @Min(1) @DefaultValue("7") int reminderAfterDays,
        @Min(0) @DefaultValue("2") int maxReminders,
        @Min(1) @DefaultValue("24") int unregisteredReplyIntervalHours,
        @Min(1) @DefaultValue("20") int outboxMaxAttempts,
        @DefaultValue("30s") Duration outboxRetryDelay,
        @DefaultValue("1h") Duration outboxMaxRetryDelay,
        @DefaultValue("5m") Duration outboxClaimTimeout,
        @Min(1024) @DefaultValue("5242880") int maxAttachmentBytes,
        @Min(1) @DefaultValue("5") int maxHandlingAttempts) {}
