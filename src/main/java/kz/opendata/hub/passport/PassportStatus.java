package kz.opendata.hub.passport;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Stage of a passport in the approval process. */
public enum PassportStatus {
    /** Drafted by the hub and not yet sent to the agency. */
    DRAFT("draft"),
    SENT_FOR_APPROVAL("sent-for-approval"),
    APPROVED("approved"),
    REJECTED("rejected"),
    PUBLISHED("published");

    private final String code;

    PassportStatus(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /**
     * Returns the status with the given code.
     *
     * @throws IllegalArgumentException naming the code
     */
    @JsonCreator
    public static PassportStatus fromCode(String code) {
        for (PassportStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown passport status '" + code + "'");
    }
}
