package kz.opendata.hub.analysis;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether the unload can become an open data set. */
public enum Verdict {
    CANDIDATE("candidate"),
    CANDIDATE_WITHOUT_RESTRICTED_COLUMNS("candidate-without-restricted-columns"),
    NOT_CANDIDATE("not-candidate");

    private final String code;

    Verdict(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
