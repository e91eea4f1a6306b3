package kz.opendata.hub.sftp;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by the SFTP routes of all agencies.
 *
 * @param cron Quartz cron expression of the polls of an agency without its own sftp.cron
 * @param timeZone time zone of the cron expressions
 * @param stableForMs a remote file is taken only after its size and time stamp stayed the same
 *     for this long, so a file still being uploaded is never read (milliseconds)
 * @param stableTimeoutMs how long one poll waits for a file to become stable before trying it
 *     again on the next poll (milliseconds)
 * @param connectTimeoutMs time allowed to connect and log in (milliseconds)
 * @param doneFolder folder beside the agency's files where downloaded files are moved, relative
 *     to the agency's directory
 */
@Validated
@ConfigurationProperties("hub.sftp")
public record SftpProperties(
        @NotBlank @DefaultValue("0 0/5 * * * ?") String cron,
        @NotBlank @DefaultValue("Asia/Almaty") String timeZone,
        @Min(0) @DefaultValue("5000") long stableForMs,
        @Min(1000) @DefaultValue("60000") long stableTimeoutMs,
        @Min(1000) @DefaultValue("15000") long connectTimeoutMs,
        @NotBlank @DefaultValue(".hub-done") String doneFolder) {}
