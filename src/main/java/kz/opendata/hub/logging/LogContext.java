package kz.opendata.hub.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The ids a log line is about, kept in the SLF4J MDC: agency code, unload id and passport id, each
 * under its own key for structured (JSON) logs, and together under {@link #IDS} for the text
 * pattern. Only ids go here, never values from an unload or an e-mail.
 */
public final class LogContext {

    /** MDC key of the agency code. */
    public static final String AGENCY = "hub.agency";
    /** MDC key of the unload id. */
    public static final String UNLOAD = "hub.unloadId";
    /** MDC key of the passport id. */
    public static final String PASSPORT = "hub.passportId";
    /** MDC key of all three as one text, such as {@code agency=stat-bureau unload=5 passport=7 }. */
    public static final String IDS = "hub.ids";

    private static final List<String> KEYS = List.of(AGENCY, UNLOAD, PASSPORT, IDS);

    private LogContext() {}

    /**
     * Puts the ids that are not null into the MDC and returns what the MDC held before under the
     * same keys, for {@link #restore}.
     */
    static Map<String, String> put(Object agencyCode, Object unloadId, Object passportId) {
        Map<String, String> previous = new java.util.HashMap<>();
        for (String key : KEYS) {
            previous.put(key, MDC.get(key));
        }
        set(AGENCY, agencyCode);
        set(UNLOAD, unloadId);
        set(PASSPORT, passportId);
        List<String> parts = new ArrayList<>();
        add(parts, "agency", AGENCY);
        add(parts, "unload", UNLOAD);
        add(parts, "passport", PASSPORT);
        if (!parts.isEmpty()) {
            MDC.put(IDS, String.join(" ", parts) + " ");
        }
        return previous;
    }

    /**
     * Names the agency, unload and passport in every log line of the current thread until the
     * returned scope is closed, for work that learns its ids after a route step began, such as a
     * reply matched to its passport.
     */
    public static Scope open(Object agencyCode, Object unloadId, Object passportId) {
        Map<String, String> previous = put(agencyCode, unloadId, passportId);
        return () -> restore(previous);
    }

    /** The ids of {@link #open}; closing puts back what the MDC held before. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Puts back the MDC values that {@link #put} returned. */
    static void restore(Map<String, String> previous) {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }

    private static void set(String key, Object value) {
        if (value != null) {
            MDC.put(key, value.toString());
        }
    }

    private static void add(List<String> parts, String label, String key) {
        String value = MDC.get(key);
        if (value != null) {
            parts.add(label + "=" + value);
        }
    }
}
