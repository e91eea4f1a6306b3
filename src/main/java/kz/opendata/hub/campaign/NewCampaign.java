package kz.opendata.hub.campaign;

import java.time.LocalDate;
import java.util.List;

/**
 * A campaign to create, as posted to {@code POST /api/campaigns}.
 *
 * @param agencies agency codes or names, as the commission decision lists them
 */
public record NewCampaign(
        String decisionNumber,
        LocalDate decisionDate,
        String authorityReference,
        String title,
        List<String> agencies) {}
