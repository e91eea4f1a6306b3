package kz.opendata.hub.commission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import kz.opendata.hub.store.PassportRecord;

/** The title of a passport in a language, from its document's full name. */
final class PassportTitles {

    private PassportTitles() {}

    /** Picks the full name in the language, else Russian, Kazakh, English, else the stored title. */
    static String of(PassportRecord passport, String language, ObjectMapper json) {
        try {
            JsonNode names =
                    json.readTree(passport.passportJson()).path("general").path("fullName");
            for (String code : List.of(language, "ru", "kk", "en")) {
                String name = names.path(code).asText("");
                if (!name.isBlank()) {
                    return name.strip();
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("passport " + passport.id() + ": the stored document is not JSON", e);
        }
        return passport.title() == null ? passport.datasetName() : passport.title();
    }
}
