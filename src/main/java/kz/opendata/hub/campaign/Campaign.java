package kz.opendata.hub.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A survey campaign: the commission decision that lists the agencies to survey.
 *
 * @param decisionNumber number of the commission decision
 * @param authorityReference outgoing number and date of the authorised body's request to the
 *     integrator, quoted in every official request
 */
public record Campaign(
        long id,
        String decisionNumber,
        LocalDate decisionDate,
        String authorityReference,
        String title,
        OffsetDateTime createdAt) {}
