package kz.opendata.hub.passport;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How often the supplier updates a data set, as item 1.2.1 of the passport names it. */
public enum UpdateFrequency {
    DAILY("daily"),
    WEEKLY("weekly"),
    MONTHLY("monthly"),
    QUARTERLY("quarterly"),
    HALF_YEARLY("half-yearly"),
    YEARLY("yearly"),
    AS_NEEDED("as-needed");

    private final String code;

    UpdateFrequency(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /**
     * Returns the frequency with the given code.
     *
     * @throws IllegalArgumentException naming the code and the accepted ones
     */
    @JsonCreator
    public static UpdateFrequency fromCode(String code) {
        for (UpdateFrequency frequency : values()) {
            if (frequency.code.equals(code)) {
                return frequency;
            }
        }
        throw new IllegalArgumentException("unknown update frequency '" + code
                + "'; use daily, weekly, monthly, quarterly, half-yearly, yearly or as-needed");
    }
}
