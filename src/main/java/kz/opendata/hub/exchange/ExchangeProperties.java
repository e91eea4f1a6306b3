package kz.opendata.hub.exchange;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the official requests and the inventory forms that come back.
 *
 * @param replyDays days the agency gets to return the form and deliver unloads, printed in the
 *     request as a date
 * @param integratorName the integrator's name by language code (kk, ru, en) as letters print it;
 *     a language left out uses the name in the letter texts
 * @param inventoryMail mailbox that receives filled inventory forms by e-mail; requests name it
 *     as their Reply-To address
 */
@Validated
@ConfigurationProperties("hub.exchange")
public record ExchangeProperties(
        @Min(1) @DefaultValue("15") int replyDays,
        @DefaultValue Map<String, String> integratorName,
        @Valid @NotNull @DefaultValue InventoryMail inventoryMail) {

    /**
     * The inventory mailbox, read over IMAP with the server settings of {@code hub.mail.imap}.
     *
     * @param enabled whether the mailbox is read at all
     * @param pollDelayMs how often the mailbox is read, in milliseconds
     */
    public record InventoryMail(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("") String address,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("INBOX") String folder,
            @Min(100) @DefaultValue("10000") long pollDelayMs) {}
}
