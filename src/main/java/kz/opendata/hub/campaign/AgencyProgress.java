package kz.opendata.hub.campaign;

import java.time.OffsetDateTime;

/**
 * Progress of one surveyed agency in a campaign. Counts cover the unloads the agency delivered
 * since the campaign was created and the passports drafted from them.
 *
 * @param stage the furthest stage reached
 * @param failedCount unloads that could not be analysed and went to quarantine
 * @param candidateCount analysed unloads whose verdict makes them an open data candidate
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
        long candidateCount,
        long passportCount,
        long approvedCount,
        long publishedCount) {

    /**
     * Tells whether the integrator's analysis is done: every unload analysed or quarantined, and
     * a passport drafted when any unload is a candidate.
     */
    public boolean analysisComplete() {
        boolean allProcessed = unloadCount > 0 && analysedCount + failedCount >= unloadCount;
        return allProcessed && (candidateCount == 0 || passportCount > 0);
    }

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
