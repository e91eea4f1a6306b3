package kz.opendata.hub.exchange;

import java.util.List;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;
import org.springframework.stereotype.Component;

/**
 * Chooses who receives an agency's official request and reminders: its request contacts, or its
 * approval contacts when it has none.
 */
@Component
public class Recipients {

    private final AgencyRegistry agencies;
    private final RegistryRepository registry;

    Recipients(AgencyRegistry agencies, RegistryRepository registry) {
        this.agencies = agencies;
        this.registry = registry;
    }

    /**
     * Returns the addresses for the agency's letters.
     *
     * @throws IllegalStateException when the agency has no contact at all
     */
    public List<String> of(String agencyCode) {
        List<String> addresses = registry.contacts(agencyCode, RegistryRepository.REQUEST_ROLE).stream()
                .map(Agency.Contact::email)
                .toList();
        if (addresses.isEmpty()) {
            addresses = agencies.find(agencyCode).map(Agency::approvalAddresses).orElse(List.of());
        }
        if (addresses.isEmpty()) {
            throw new IllegalStateException("Agency " + agencyCode + " has no contact to send letters to; add one"
                    + " with PUT /api/agencies/" + agencyCode + "/contacts or under requestContacts in the agency"
                    + " registry file");
        }
        return addresses;
    }
}
