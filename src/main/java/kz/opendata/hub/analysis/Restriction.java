package kz.opendata.hub.analysis;

import java.util.List;

/**
 * Restricted data found in a column.
 *
 * @param kind iin, person-name, birth-date, home-address, phone, email, iban, payment-card,
 *     identity-document
 * @param severity {@value #SEVERITY_RESTRICTED} (must not be published) or {@value
 *     #SEVERITY_REVIEW} (a person decides)
 * @param share fraction of non-empty values that matched, 0..1
 * @param evidence a few masked samples; never a whole value
 */
public record Restriction(String kind, String severity, double share, List<String> evidence) {

    public static final String SEVERITY_RESTRICTED = "restricted";
    public static final String SEVERITY_REVIEW = "review";
}
