package kz.opendata.hub.exchange;

import java.util.List;

/**
 * The content of a filled inventory form.
 *
 * @param agencyCode the agency the form was issued to, from its marker sheet; null for a form
 *     without one
 * @param campaignId the campaign of the request the form belongs to; null when unknown
 * @param letterNumber the request the form belongs to; null when unknown
 */
public record InventoryForm(
        String agencyCode, Long campaignId, String letterNumber, String language, List<InformationSystem> systems) {

    public int fieldCount() {
        return systems.stream().mapToInt(system -> system.fields().size()).sum();
    }
}
