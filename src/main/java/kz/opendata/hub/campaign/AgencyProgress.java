package kz.opendata.hub.campaign;

import java.time.OffsetDateTime;

/**
 * Where one surveyed agency stands in a campaign. Counts cover the unloads the agency delivered
 * since the campaign was created and the passports drafted from them.
 *
 * @param stage the furthest stage reached
 * @param failedCount unloads that could not be analysed and went to quarantine
 * @param approvedCount passports the agency approved, published ones included
 */
public record AgencyProgress(
        String agencyCode,
        String agencyName,
        String letterNumber,
        CampaignStage stage,
        OffsetDateTime requestSentAt,
        String requestMessageId,
        int reminderCount,
        OffsetDateTime inventoryReceivedAt,
        long unloadCount,
        OffsetDateTime firstUnloadAt,
        long analysedCount,
        long failedCount,
        long passportCount,
        long approvedCount,
        long publishedCount) {

    /** Returns the furthest stage the facts show; a later stage implies the earlier ones. */
    static CampaignStage stageOf(
            boolean requestSent,
            boolean inventoryReceived,
            long unloads,
            long analysed,
            long passports,
            long approved,
            long published) {
        if (published > 0) {
            return CampaignStage.PUBLISHED;
        }
        if (approved > 0) {
            return CampaignStage.APPROVED;
        }
        if (passports > 0) {
            return CampaignStage.PASSPORTS_DRAFTED;
        }
        if (analysed > 0) {
            return CampaignStage.ANALYSED;
        }
        if (unloads > 0) {
            return CampaignStage.UNLOADS_RECEIVED;
        }
        if (inventoryReceived) {
            return CampaignStage.INVENTORY_RECEIVED;
        }
        return requestSent ? CampaignStage.REQUEST_SENT : CampaignStage.CREATED;
    }
}
