package kz.opendata.hub.passport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads and writes {@code passport.json}. Null fields are written, because the passport form has
 * every field even where it is empty.
 */
public final class PassportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PassportJson() {}

    /** Returns a copy of the mapper for hub documents, which indents and keeps null fields. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    public static void write(Passport passport, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), passport);
    }

    public static Passport read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), Passport.class);
    }

    public static String toJson(Passport passport) throws IOException {
        return MAPPER.writeValueAsString(passport);
    }
}
