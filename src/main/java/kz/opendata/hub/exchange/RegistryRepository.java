package kz.opendata.hub.exchange;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.exchange.InformationSystem.DataField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The exchange's part of the agency registry: the contacts official requests go to, and each
 * agency's information systems with their data fields.
 */
@Repository
public class RegistryRepository {

    /** Role of contacts that receive official requests and reminders. */
    public static final String REQUEST_ROLE = "request";

    private static final Logger LOG = LoggerFactory.getLogger(RegistryRepository.class);

    private final JdbcClient jdbc;

    RegistryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Agency.Contact> contacts(String agencyCode, String role) {
        return jdbc.sql("SELECT name, email FROM agency_contact WHERE agency_code = ? AND role = ? ORDER BY email")
                .params(agencyCode, role)
                .query(Agency.Contact.class)
                .list();
    }

    /** Replaces the agency's contacts of the role with the given ones. */
    public void replaceContacts(String agencyCode, String role, List<Agency.Contact> contacts) {
        jdbc.sql("DELETE FROM agency_contact WHERE agency_code = ? AND role = ?")
                .params(agencyCode, role)
                .update();
        contacts.forEach(contact -> addContact(agencyCode, role, contact));
    }

    /**
     * Adds a contact unless the agency has that address in that role already.
     *
     * <p>The contact import calls this inside one transaction, and another node may add the same
     * contact at the same time. ON CONFLICT DO NOTHING skips the row without an error, whereas a
     * caught unique violation would abort the whole transaction on PostgreSQL.
     */
    public void addContact(String agencyCode, String role, Agency.Contact contact) {
        int added = jdbc.sql("INSERT INTO agency_contact (agency_code, email, name, role) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING")
                .params(agencyCode, contact.email(), contact.name(), role)
                .update();
        if (added == 0) {
            LOG.debug("Agency {} has the contact in role {} already", agencyCode, role);
        }
    }

    /** Finds the agency a contact address belongs to, in any role. */
    public Optional<String> agencyOfContact(String email) {
        return jdbc.sql("SELECT MIN(agency_code) FROM agency_contact WHERE LOWER(email) = LOWER(?)")
                .param(email)
                .query(String.class)
                .optional();
    }

    public List<InformationSystem> systems(String agencyCode) {
        List<SystemRow> rows = jdbc.sql(
                        "SELECT id, name, description FROM information_system WHERE agency_code = ?" + " ORDER BY id")
                .param(agencyCode)
                .query(SystemRow.class)
                .list();
        List<InformationSystem> systems = new ArrayList<>();
        for (SystemRow row : rows) {
            systems.add(new InformationSystem(row.name(), row.description(), fields(row.id())));
        }
        return systems;
    }

    private List<DataField> fields(long systemId) {
        return jdbc.sql("SELECT name, field_name AS field, description, data_type AS type"
                        + " FROM information_system_field WHERE system_id = ? ORDER BY ordinal")
                .param(systemId)
                .query(DataField.class)
                .list();
    }

    /**
     * Stores a system under its name, replacing the description and all fields of a system of
     * the same name.
     *
     * @param source registry or inventory-form
     */
    public void saveSystem(String agencyCode, InformationSystem system, String source, OffsetDateTime now) {
        Optional<Long> existing = jdbc.sql("SELECT id FROM information_system WHERE agency_code = ? AND name = ?")
                .params(agencyCode, system.name())
                .query(Long.class)
                .optional();
        long id = existing.orElseGet(() -> insertSystem(agencyCode, system, source, now));
        if (existing.isPresent()) {
            jdbc.sql("UPDATE information_system SET description = ?, source = ?, updated_at = ? WHERE id = ?")
                    .params(system.description(), source, now, id)
                    .update();
            jdbc.sql("DELETE FROM information_system_field WHERE system_id = ?")
                    .param(id)
                    .update();
        }
        for (int i = 0; i < system.fields().size(); i++) {
            DataField field = system.fields().get(i);
            jdbc.sql("INSERT INTO information_system_field (system_id, ordinal, name, field_name, description,"
                            + " data_type) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, i + 1, field.name(), field.field(), field.description(), field.type())
                    .update();
        }
    }

    private long insertSystem(String agencyCode, InformationSystem system, String source, OffsetDateTime now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO information_system (agency_code, name, description, source, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(agencyCode, system.name(), system.description(), source, now)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public boolean deleteSystem(String agencyCode, String name) {
        return jdbc.sql("DELETE FROM information_system WHERE agency_code = ? AND name = ?")
                        .params(agencyCode, name)
                        .update()
                > 0;
    }

    private record SystemRow(long id, String name, String description) {}
}
