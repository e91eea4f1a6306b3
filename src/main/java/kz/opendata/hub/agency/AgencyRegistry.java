package kz.opendata.hub.agency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import kz.opendata.hub.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Agencies known to the hub, seeded from the registry file at start-up and kept in the database.
 */
@Service
public class AgencyRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyRegistry.class);
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");

    private final Map<String, Agency> byCode = new LinkedHashMap<>();
    private final AgencyRepository repository;

    public AgencyRegistry(HubProperties properties, AgencyRepository repository) throws IOException {
        this.repository = repository;
        for (Agency agency : readFile(properties.agenciesFile())) {
            byCode.put(agency.code(), agency);
            save(agency);
        }
        LOG.info("Loaded {} agencies from {}", byCode.size(), properties.agenciesFile());
    }

    /**
     * Saves an agency, and saves it again if another node inserted it first. The second attempt
     * finds the row and updates it.
     */
    private void save(Agency agency) {
        try {
            repository.save(agency);
        } catch (DataIntegrityViolationException e) {
            LOG.info("Agency {} was being saved by another node; saving it again", agency.code());
            repository.save(agency);
        }
    }

    public List<Agency> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Agency> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Finds the agency whose drop folder has the given name. */
    public Optional<Agency> findByDropFolder(String folderName) {
        return byCode.values().stream()
                .filter(agency -> agency.dropFolder().equals(folderName))
                .findFirst();
    }

    static List<Agency> readFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Agency registry " + file.toAbsolutePath()
                    + " not found; create it or set hub.agencies-file to its path");
        }
        ObjectMapper yaml =
                new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        RegistryFile parsed = yaml.readValue(file.toFile(), RegistryFile.class);
        List<Agency> agencies = new ArrayList<>();
        List<AgencyEntry> entries = parsed.agencies() == null ? List.of() : parsed.agencies();
        for (int i = 0; i < entries.size(); i++) {
            agencies.add(entries.get(i).toAgency(file, i + 1));
        }
        return agencies;
    }

    record RegistryFile(List<AgencyEntry> agencies) {}

    // The agency exchange reads these blocks of an entry itself (request contacts, SFTP access).
    @JsonIgnoreProperties({"requestContacts", "sftp"})
    record AgencyEntry(
            String code,
            String language,
            Map<String, String> names,
            List<Agency.Contact> approvalContacts,
            String dropFolder) {

        Agency toAgency(Path file, int position) {
            String where = file + ", agency " + position;
            require(
                    code != null && CODE.matcher(code).matches(),
                    where + ": code must be lower-case letters, digits and hyphens, for example 'stat-bureau'");
            require(
                    language != null && LANGUAGES.contains(language),
                    where + " (" + code + "): language must be kk, ru or en");
            require(
                    names != null && !names.isEmpty(),
                    where + " (" + code + "): names must give at least one of kk, ru, en");
            List<Agency.Contact> contacts = approvalContacts == null ? List.of() : approvalContacts;
            for (Agency.Contact contact : contacts) {
                require(
                        contact.email() != null
                                && EMAIL.matcher(contact.email()).matches(),
                        where + " (" + code
                                + "): an approval contact has an invalid e-mail address; write it as name@domain");
            }
            List<Agency.Contact> normalised = contacts.stream()
                    .map(c -> new Agency.Contact(c.name(), c.email().trim().toLowerCase(Locale.ROOT)))
                    .toList();
            String folder = dropFolder == null || dropFolder.isBlank() ? code : dropFolder;
            require(
                    CODE.matcher(folder).matches(),
                    where + " (" + code + "): dropFolder must be a plain folder name under the drop folder");
            return new Agency(code, language, Map.copyOf(names), normalised, folder);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalStateException("Invalid agency registry " + message);
            }
        }
    }
}
