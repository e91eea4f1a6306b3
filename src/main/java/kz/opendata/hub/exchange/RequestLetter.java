package kz.opendata.hub.exchange;

import java.time.LocalDate;
import java.util.List;

/**
 * The facts one official request states, before they are put into words of a language.
 *
 * @param language kk, ru or en: the agency's language
 * @param letterNumber the request's outgoing number
 * @param date the date the request is issued
 * @param campaignId the campaign the request belongs to, recorded in the inventory form
 * @param replyBy the date by which the form and unloads are expected
 * @param sftpFolder the folder on the agency's SFTP server the unloads go to; null when the
 *     agency delivers otherwise
 * @param systems the agency's information systems in the registry, for Appendix 1
 */
public record RequestLetter(
        String language,
        String letterNumber,
        LocalDate date,
        long campaignId,
        String agencyCode,
        String agencyName,
        String integratorName,
        String decisionNumber,
        LocalDate decisionDate,
        String authorityReference,
        LocalDate replyBy,
        String sftpFolder,
        List<InformationSystem> systems) {

    public RequestLetter {
        systems = List.copyOf(systems);
    }
}
