package kz.opendata.hub.commission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the commission's recommendations from the own text of a body's e-mail. A line naming a
 * passport ("Паспорт 12", "Passport No. 12", "Төлқұжат 12", or the data set's name) starts its
 * recommendations; below it every numbered ("1.", "2)") or bulleted ("-", "•") line is one
 * recommendation, continued on the following lines until a blank line or the next item. When the
 * e-mail can concern a single passport only, the heading may be left out.
 */
final class RecommendationMailReader {

    private static final Pattern PASSPORT = Pattern.compile(
            "(?iu)^\\s*(?:паспорт\\p{L}*|passport|төлқұжат\\p{L}*)\\s*(?:№|no\\.?|#)?\\s*(\\d{1,18})\\b.*$");
    private static final Pattern ITEM = Pattern.compile("^\\s*(?:\\d{1,3}\\s*[.)]|[-•*–])\\s+(.+)$");

    private RecommendationMailReader() {}

    /** A passport the e-mail may speak about. */
    record Candidate(long id, String datasetName) {}

    /**
     * What the e-mail held.
     *
     * @param recommendations texts by passport id, in the order written
     * @param problems lines naming passports outside the package, for the analyst
     */
    record Result(Map<Long, List<String>> recommendations, List<String> problems) {}

    static Result read(String ownText, List<Candidate> candidates) {
        Map<Long, List<String>> found = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Long passport = candidates.size() == 1 ? candidates.get(0).id() : null;
        Long itemPassport = null;
        StringBuilder item = null;
        for (String line :
                (ownText == null ? "" : ownText).replace("\r\n", "\n").split("\n")) {
            Long named = named(line, candidates, problems);
            Matcher numbered = ITEM.matcher(line);
            if (named != null || line.isBlank() || numbered.matches()) {
                add(found, itemPassport, item);
                item = null;
            }
            if (named != null) {
                passport = named;
            } else if (numbered.matches() && passport != null) {
                item = new StringBuilder(numbered.group(1).strip());
                itemPassport = passport;
            } else if (item != null) {
                item.append(' ').append(line.strip());
            }
        }
        add(found, itemPassport, item);
        return new Result(found, problems);
    }

    private static void add(Map<Long, List<String>> found, Long passport, StringBuilder item) {
        if (item != null && passport != null && !item.toString().isBlank()) {
            found.computeIfAbsent(passport, id -> new ArrayList<>())
                    .add(item.toString().strip());
        }
    }

    private static Long named(String line, List<Candidate> candidates, List<String> problems) {
        Matcher heading = PASSPORT.matcher(line);
        if (heading.matches()) {
            long id = Long.parseLong(heading.group(1));
            if (candidates.stream().anyMatch(c -> c.id() == id)) {
                return id;
            }
            problems.add("passport " + id + " is not in the commission package the e-mail answers");
            return null;
        }
        String lower = line.strip().toLowerCase(Locale.ROOT);
        for (Candidate candidate : candidates) {
            String name = candidate.datasetName().toLowerCase(Locale.ROOT);
            if (lower.equals(name) || lower.equals(name + ":")) {
                return candidate.id();
            }
        }
        return null;
    }
}
