package kz.opendata.hub.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Locale;
import kz.opendata.hub.HubProperties;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Seeds the request contacts from the {@code requestContacts} block of each entry of the agency
 * registry file at start-up. Contacts added over the REST API stay; the file adds, it never
 * removes.
 */
@Component
class RegistrySeed {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrySeed.class);

    RegistrySeed(HubProperties hub, AgencyRegistry agencies, RegistryRepository registry) throws IOException {
        JsonNode entries = new ObjectMapper(new YAMLFactory())
                .readTree(hub.agenciesFile().toFile())
                .path("agencies");
        int seeded = 0;
        for (JsonNode entry : entries) {
            String code = entry.path("code").asText();
            if (agencies.find(code).isEmpty()) {
                continue;
            }
            for (JsonNode contact : entry.path("requestContacts")) {
                String email = contact.path("email").asText("").trim().toLowerCase(Locale.ROOT);
                if (email.isEmpty() || !email.contains("@")) {
                    throw new IllegalStateException("Invalid agency registry " + hub.agenciesFile() + " (" + code
                            + "): a request contact has an invalid e-mail address; write it as name@domain");
                }
                registry.addContact(
                        code,
                        RegistryRepository.REQUEST_ROLE,
                        new Agency.Contact(contact.path("name").asText(null), email));
                seeded++;
            }
        }
        LOG.info("Request contacts in the registry file: {}", seeded);
    }
}
