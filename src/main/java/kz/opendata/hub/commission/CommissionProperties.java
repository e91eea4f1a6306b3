package kz.opendata.hub.commission;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Commission round settings.
 *
 * @param authorizedBodyEmails addresses of the authorized body (the ministry) that receive
 *     commission packages and the agencies' answers, and whose recommendations count
 * @param accessBodyEmails addresses of the body responsible for access to information, treated
 *     the same way
 * @param language language of the letters to both bodies: kk, ru or en
 * @param holdApprovals true: an agency's approval waits while the passport's commission round is
 *     open; false: approvals apply at once and the commission round runs beside them
 */
@Validated
@ConfigurationProperties("hub.commission")
public record CommissionProperties(
        @DefaultValue("") List<String> authorizedBodyEmails,
        @DefaultValue("") List<String> accessBodyEmails,
        @DefaultValue("ru") String language,
        @DefaultValue("true") boolean holdApprovals) {

    public CommissionProperties {
        authorizedBodyEmails = normalised(authorizedBodyEmails);
        accessBodyEmails = normalised(accessBodyEmails);
    }

    /** Which body an address belongs to: authorized, access, or null for neither. */
    public String bodyOf(String address) {
        String normalised = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        if (authorizedBodyEmails.contains(normalised)) {
            return CommissionRepository.AUTHORIZED;
        }
        return accessBodyEmails.contains(normalised) ? CommissionRepository.ACCESS : null;
    }

    /** Every address of both bodies, the authorized body's first. */
    public List<String> allBodyEmails() {
        return java.util.stream.Stream.concat(authorizedBodyEmails.stream(), accessBodyEmails.stream())
                .distinct()
                .toList();
    }

    /**
     * Fails when a body has no address, because a package or an answer must reach both.
     *
     * @throws CommissionStateException naming the setting to fill in
     */
    void requireBothBodies() {
        if (authorizedBodyEmails.isEmpty() || accessBodyEmails.isEmpty()) {
            throw new CommissionStateException("commission letters go to both bodies, but "
                    + (authorizedBodyEmails.isEmpty()
                            ? "hub.commission.authorized-body-emails"
                            : "hub.commission.access-body-emails")
                    + " is empty; set it to the body's e-mail addresses");
        }
    }

    private static List<String> normalised(List<String> addresses) {
        return addresses == null
                ? List.of()
                : addresses.stream()
                        .filter(address -> address != null && !address.isBlank())
                        .map(address -> address.strip().toLowerCase(Locale.ROOT))
                        .toList();
    }
}
