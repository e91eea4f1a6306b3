package kz.opendata.hub.agency;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the agencies and their contacts in the database, where other records refer to them. */
@Repository
public class AgencyRepository {

    private final JdbcClient jdbc;

    AgencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void save(Agency agency) {
        int updated = jdbc.sql("UPDATE agency SET name_kk = ?, name_ru = ?, name_en = ?, language = ?, updated_at = ?"
                        + " WHERE code = ?")
                .params(
                        names(agency, "kk"),
                        names(agency, "ru"),
                        names(agency, "en"),
                        agency.language(),
                        OffsetDateTime.now(),
                        agency.code())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO agency (code, name_kk, name_ru, name_en, language, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(
                            agency.code(),
                            names(agency, "kk"),
                            names(agency, "ru"),
                            names(agency, "en"),
                            agency.language(),
                            OffsetDateTime.now())
                    .update();
        }
        jdbc.sql("DELETE FROM agency_contact WHERE agency_code = ? AND role = 'approval'")
                .param(agency.code())
                .update();
        for (Agency.Contact contact : agency.approvalContacts()) {
            jdbc.sql("INSERT INTO agency_contact (agency_code, email, name, role) VALUES (?, ?, ?, 'approval')")
                    .params(agency.code(), contact.email(), contact.name())
                    .update();
        }
    }

    private static String names(Agency agency, String lang) {
        return agency.names().get(lang);
    }
}
