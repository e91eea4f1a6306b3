package kz.opendata.hub.approval;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Approval loop settings.
 *
 * @param sendDraftsAutomatically e-mail a drafted passport to the agency as soon as it is drafted;
 *     false leaves drafts for an analyst to check and send
 * @param messageIdHost host part of the Message-IDs of approval e-mails: the hub's DNS name
 */
@ConfigurationProperties("hub.approval")
public record ApprovalProperties(
        @DefaultValue("true") boolean sendDraftsAutomatically,
        @DefaultValue("opendata-hub.example.kz") String messageIdHost) {}
