package kz.opendata.hub.approval;

/**
 * Decision that an agency's reply makes about the passport version it replies to.
 *
 * @param kind the decision
 * @param decisiveSentence the sentence of the reply that carries the decision as the sender
 *     wrote it, or null when the kind is {@link Kind#UNCLEAR}
 * @param language language of the decisive words ({@code kk}, {@code ru} or {@code en}); for an
 *     unclear reply the language its letters suggest, or null for a reply without letters
 */
public record Decision(Kind kind, String decisiveSentence, String language) {

    /** Decision kinds; anything but APPROVED keeps the passport from publication. */
    public enum Kind {
        /** The agency approves the passport as drafted. */
        APPROVED,
        /** The agency does not approve it. */
        REJECTED,
        /** The agency requests changes, possibly approving once they are made. */
        CHANGES_REQUESTED,
        /** No decision or contradicting ones: an analyst reads the reply. */
        UNCLEAR
    }
}
