package kz.opendata.hub.analysis.detect;

/** Recognises one kind of restricted value in a single cell. */
interface ValueDetector {

    /** The kind, as in {@code restricted.kind} of the analysis report. */
    String kind();

    /**
     * Returns what every value this detector recognises has, so that a scan can leave out the
     * values that lack it without calling {@link #matches}. The default admits every value.
     */
    default Precondition precondition() {
        return Precondition.NONE;
    }

    /** Tests a trimmed, non-missing value. */
    boolean matches(String value);

    /** Masks a matching value so that it shows the format but not the person behind it. */
    String mask(String value);
}
