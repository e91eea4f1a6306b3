package kz.opendata.hub.deadline;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Deadlines of a survey campaign.
 *
 * @param zone time zone whose calendar days count for deadlines and the daily job
 * @param schedule Quartz cron expression of the daily deadline check
 * @param analysisPeriod time the integrator has to analyse an agency's unloads, counted from the
 *     first unload delivered for the request (two months in the analysis rules)
 * @param analysisWarningDays days before the analysis limit when the escalation list starts
 *     showing it as due soon
 * @param reminderAfterDays days after the request before an agency that delivered nothing is
 *     reminded
 * @param reminderIntervalDays days between two reminders to the same agency
 * @param maxReminders reminders sent to one agency per request at most
 * @param escalateAfterDays days after the request before an agency that delivered nothing goes
 *     on the escalation list for the authorised body
 * @param escalationRecipients addresses at the authorised body that receive the escalation list
 *     by e-mail when it gains entries; empty sends nothing
 * @param escalationLanguage language of the escalation e-mail: kk, ru or en
 */
@Validated
@ConfigurationProperties("hub.deadlines")
public record DeadlineProperties(
        @NotNull @DefaultValue("Asia/Almaty") ZoneId zone,
        @NotBlank @DefaultValue("0 0 8 * * ?") String schedule,
        @NotNull @DefaultValue("P2M") Period analysisPeriod,
        @Min(0) @DefaultValue("14") int analysisWarningDays,
        @Min(1) @DefaultValue("10") int reminderAfterDays,
        @Min(1) @DefaultValue("7") int reminderIntervalDays,
        @Min(0) @DefaultValue("3") int maxReminders,
        @Min(1) @DefaultValue("30") int escalateAfterDays,
        @DefaultValue List<String> escalationRecipients,
        @Pattern(regexp = "kk|ru|en") @DefaultValue("ru") String escalationLanguage) {}
