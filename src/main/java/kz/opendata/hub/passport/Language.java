package kz.opendata.hub.passport;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Languages of the texts in a passport, keyed by their ISO 639-1 codes. */
public enum Language {
    KK("kk"),
    RU("ru"),
    EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /**
     * Returns the language with the given ISO 639-1 code.
     *
     * @throws IllegalArgumentException naming the code and the accepted ones
     */
    @JsonCreator
    public static Language fromCode(String code) {
        for (Language language : values()) {
            if (language.code.equals(code == null ? null : code.toLowerCase(Locale.ROOT))) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language '" + code + "'; use kk, ru or en");
    }
}
