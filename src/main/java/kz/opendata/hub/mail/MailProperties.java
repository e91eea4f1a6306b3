package kz.opendata.hub.mail;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Mail settings shared by the approval loop and the embedded mail server.
 *
 * @param embedded whether to start an SMTP and IMAP server inside the hub on 127.0.0.1
 * @param address the hub's own address: sender of approval e-mails and the mailbox replies reach
 * @param replyTokenKey key that signs reply tokens; blank means a generated key kept in the data
 *     folder
 */
@Validated
@ConfigurationProperties("hub.mail")
public record MailProperties(
        @DefaultValue("true") boolean embedded,
        @NotBlank String address,
        @NotBlank String username,
        @NotNull String password,
        @Valid @NotNull Server smtp,
        @Valid @NotNull Server imap,
        String replyTokenKey) {

    /**
     * One mail server.
     *
     * @param protocol smtp, smtps, imap or imaps
     */
    public record Server(
            @NotBlank String host,
            @Min(1) int port,
            @NotBlank String protocol,
            @DefaultValue("INBOX") String folder,
            @DefaultValue("Processed") String processedFolder,
            @DefaultValue("5000") long pollDelayMs) {}
}
