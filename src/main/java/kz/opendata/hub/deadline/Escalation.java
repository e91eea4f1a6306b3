package kz.opendata.hub.deadline;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;

/**
 * An entry of the escalation list for the authorised body.
 *
 * @param kind why the entry is on the list
 * @param dueOn the deadline that passed or is near
 * @param days days past the deadline (negative: days left)
 */
public record Escalation(
        long campaignId,
        String agencyCode,
        String agencyName,
        String letterNumber,
        Kind kind,
        LocalDate dueOn,
        long days) {

    /** Reasons for an escalation. */
    public enum Kind {
        /** The agency delivered nothing within the escalation period after the request. */
        NO_DELIVERY("no-delivery"),
        /** The integrator's analysis ran past its limit. */
        ANALYSIS_OVERDUE("analysis-overdue"),
        /** The integrator's analysis limit is near. */
        ANALYSIS_DUE_SOON("analysis-due-soon");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }
}
