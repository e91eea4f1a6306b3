package kz.opendata.hub.demand;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a request read from an upload or the synced endpoint and turns it into a
 * {@link NewSignal}, or rejects it with a reason that names the place and the fix.
 *
 * <p>A request needs a title; a missing title is taken from the description's first 200
 * characters. The kind is {@code portal-request} or {@code business-need} (also written
 * {@code portal}, {@code business}, {@code запрос}, {@code бизнес}), the caller's default when
 * empty. Votes are a whole number of at least 1, 1 when empty. The date is ISO 8601 (date, or
 * date and time with or without offset) or {@code dd.MM.yyyy}; a date without an offset is read in
 * the hub's time zone. Texts longer than their column are cut.
 */
final class SignalRules {

    static final int MAX_TITLE = 1000;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_LIST = 2000;
    static final int MAX_ID = 200;
    static final int MAX_AGENCY = 64;

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("portal-request", DemandSignal.PORTAL_REQUEST),
            Map.entry("portal", DemandSignal.PORTAL_REQUEST),
            Map.entry("request", DemandSignal.PORTAL_REQUEST),
            Map.entry("запрос", DemandSignal.PORTAL_REQUEST),
            Map.entry("сұраныс", DemandSignal.PORTAL_REQUEST),
            Map.entry("business-need", DemandSignal.BUSINESS_NEED),
            Map.entry("business", DemandSignal.BUSINESS_NEED),
            Map.entry("бизнес", DemandSignal.BUSINESS_NEED));

    private static final DateTimeFormatter DOTTED_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final String source;
    private final String defaultKind;
    private final ZoneId zone;

    /**
     * @param source the source name stored with each request
     * @param defaultKind the kind of a request that names none
     * @param zone time zone of dates written without an offset
     */
    SignalRules(String source, String defaultKind, ZoneId zone) {
        this.source = source;
        this.defaultKind = kind(defaultKind, "the default kind");
        this.zone = zone;
    }

    String source() {
        return source;
    }

    /**
     * Checks one request.
     *
     * @throws InvalidSignalException naming the place, the field and what to write instead
     */
    NewSignal check(RawSignal raw) {
        String description = cut(blankToNull(raw.description()), MAX_DESCRIPTION);
        String title = blankToNull(raw.title());
        if (title == null && description != null) {
            title = description.length() > 200 ? description.substring(0, 200) : description;
        }
        if (title == null) {
            throw new InvalidSignalException(
                    raw.where() + ": the request has no title and no description; fill in" + " at least one of them");
        }
        title = cut(title, MAX_TITLE);
        String kind = blankToNull(raw.kind()) == null ? defaultKind : kind(raw.kind(), raw.where());
        String id = blankToNull(raw.id());
        if (id != null && id.length() > MAX_ID) {
            throw new InvalidSignalException(raw.where() + ": the id is longer than " + MAX_ID + " characters");
        }
        return new NewSignal(
                source,
                id != null ? id : contentId(kind, title, description),
                kind,
                title,
                description,
                list(raw.keywords()),
                list(raw.columns()),
                agency(raw),
                votes(raw),
                date(raw));
    }

    private static String kind(String value, String where) {
        String kind = KINDS.get(value.strip().toLowerCase(Locale.ROOT));
        if (kind == null) {
            throw new InvalidSignalException(
                    where + ": kind '" + value + "' is not known; write portal-request" + " or business-need");
        }
        return kind;
    }

    private static String agency(RawSignal raw) {
        String agency = blankToNull(raw.agency());
        if (agency != null && agency.length() > MAX_AGENCY) {
            throw new InvalidSignalException(
                    raw.where() + ": the agency is longer than " + MAX_AGENCY + " characters; write the agency's code");
        }
        return agency;
    }

    private static int votes(RawSignal raw) {
        String votes = blankToNull(raw.votes());
        if (votes == null) {
            return 1;
        }
        try {
            int count = Integer.parseInt(votes.replace(" ", ""));
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // Falls through to the rejection below, which names the value.
        }
        throw new InvalidSignalException(raw.where() + ": votes '" + votes + "' is not a whole number of at least 1");
    }

    private OffsetDateTime date(RawSignal raw) {
        String text = blankToNull(raw.requestedAt());
        if (text == null) {
            return null;
        }
        List<Function<String, OffsetDateTime>> formats = List.of(
                OffsetDateTime::parse,
                value -> LocalDateTime.parse(value).atZone(zone).toOffsetDateTime(),
                value -> LocalDate.parse(value).atStartOfDay(zone).toOffsetDateTime(),
                value -> LocalDate.parse(value, DOTTED_DATE).atStartOfDay(zone).toOffsetDateTime());
        for (Function<String, OffsetDateTime> format : formats) {
            try {
                return format.apply(text);
            } catch (DateTimeParseException e) {
                // Tries the next format; the rejection below names the value.
            }
        }
        throw new InvalidSignalException(raw.where() + ": date '" + text + "' is not readable; write it as"
                + " 2024-03-31, 2024-03-31T10:15:00+05:00 or 31.03.2024");
    }

    /** Splits items at ';' and ',', keeping each distinct item once and as many as fit the column. */
    private static List<String> list(List<String> items) {
        Set<String> values = new LinkedHashSet<>();
        for (String item : items) {
            for (String part : item.split("[;,]")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        List<String> kept = new ArrayList<>();
        int length = 0;
        for (String value : values) {
            length += value.length() + DemandSignal.LIST_SEPARATOR.length();
            if (length > MAX_LIST) {
                break;
            }
            kept.add(value);
        }
        return kept;
    }

    private static String contentId(String kind, String title, String description) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String content = kind + "\n" + title + "\n" + (description == null ? "" : description);
            return "sha256:" + HexFormat.of().formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** Signals a request that cannot be stored, with the place and the fix in the message. */
    static final class InvalidSignalException extends RuntimeException {

        InvalidSignalException(String message) {
            super(message);
        }
    }
}
