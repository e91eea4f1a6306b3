package kz.opendata.hub.campaign;

import java.time.OffsetDateTime;

/**
 * One surveyed agency of a campaign and the state of its official request.
 *
 * @param letterNumber outgoing number printed on the official request
 * @param requestSentAt when the request e-mail was sent; null until then
 * @param requestMessageId Message-ID of the request e-mail
 */
public record CampaignAgency(
        long campaignId,
        String agencyCode,
        String letterNumber,
        OffsetDateTime requestSentAt,
        String requestMessageId,
        int reminderCount,
        OffsetDateTime lastRemindedAt) {

    public boolean requestSent() {
        return requestSentAt != null;
    }
}
