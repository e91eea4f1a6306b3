package kz.opendata.hub.deadline;

import java.time.LocalDate;

/**
 * The deadlines of one surveyed agency in one campaign, as of a day.
 *
 * @param deliveryDueOn the reply date the request printed
 * @param daysWithoutDelivery days since the request while nothing was delivered; 0 once an
 *     unload arrived
 * @param firstUnloadOn the day the first unload for the request arrived; null before
 * @param analysisDueOn the day the analysis must be done by: the first unload's day plus the
 *     analysis period; null before the first unload
 * @param analysisComplete whether every unload is analysed and every candidate has a passport
 */
public record AgencyDeadline(
        long campaignId,
        String agencyCode,
        String agencyName,
        String letterNumber,
        LocalDate requestSentOn,
        LocalDate deliveryDueOn,
        long daysWithoutDelivery,
        int reminderCount,
        LocalDate firstUnloadOn,
        LocalDate analysisDueOn,
        boolean analysisComplete) {

    public boolean delivered() {
        return firstUnloadOn != null;
    }
}
