package kz.opendata.hub.commission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an agency's answers to the commission's recommendations from the own text of its reply:
 * one numbered line per recommendation ("1. Принимается: ...", "2) Не принимается, так как ...",
 * "Ұсыным 3 — қабылданбады, себебі ..."), each with a decision and a reason. A line may go on
 * below until a blank line. When the letter carried a single recommendation, an unnumbered reply
 * answers it.
 */
final class AnswerReader {

    private static final Pattern ITEM = Pattern.compile(
            "(?iu)^\\s*(?:(?:рекомендаци\\p{L}*|recommendation|ұсыным\\p{L}*|пункт|п\\.|item|no\\.|№|#)\\s*)?"
                    + "(\\d{1,3})\\s*(?:[.):\\-–—]+|\\s)\\s*(.*)$");
    // A negation is matched with its verb, so "не принимается" starts before "принимается" and
    // wins; at the same start the rejection wins, which decides "қабылданбады" over "қабылдан".
    private static final Pattern REJECT = Pattern.compile("(?iu)(не\\s+принима\\p{L}*|не\\s+принят\\p{L}*"
            + "|не\\s+может\\s+быть\\s+принят\\p{L}*|отклон\\p{L}*|не\\s+соглас\\p{L}*|не\\s+учт\\p{L}*"
            + "|not\\s+accept\\p{L}*|do\\s+not\\s+accept|reject\\p{L}*|declin\\p{L}*|disagree\\p{L}*"
            + "|not\\s+agree\\p{L}*|қабылданбай\\p{L}*|қабылданбады|қабылдамай\\p{L}*|қабылдамаймыз|келіспей\\p{L}*)");
    private static final Pattern ACCEPT = Pattern.compile("(?iu)(принима\\p{L}*|принят\\p{L}*|приня\\p{L}*"
            + "|соглас\\p{L}*|учт\\p{L}*|accept\\p{L}*|agree\\p{L}*|қабылдан\\p{L}*|қабылдаймыз|келісеміз|ескерілді)");
    private static final Pattern LEADING = Pattern.compile("^[\\s,.:;!\\-–—)]+");
    private static final Pattern TRAILING = Pattern.compile("[\\s,:;\\-–—(]+$");

    private AnswerReader() {}

    /**
     * One answer.
     *
     * @param answer {@link CommissionRepository#ACCEPTED}, {@link CommissionRepository#REJECTED},
     *     or null when the line holds no decision
     * @param reason the reasoning as the agency wrote it, or null
     * @param sentence the whole answer line, for the audit record
     */
    record Answer(int number, String answer, String reason, String sentence) {}

    /**
     * Reads the answers to the expected recommendation numbers, in the order they appear; lines
     * with other numbers are not answers and are left out.
     */
    static List<Answer> read(String ownText, List<Integer> expected) {
        Map<Integer, StringBuilder> items = items(ownText == null ? "" : ownText, expected);
        if (items.isEmpty() && expected.size() == 1 && ownText != null && !ownText.isBlank()) {
            items.put(expected.get(0), new StringBuilder(ownText.strip()));
        }
        List<Answer> answers = new ArrayList<>();
        items.forEach(
                (number, text) -> answers.add(classify(number, text.toString().strip())));
        return answers;
    }

    private static Map<Integer, StringBuilder> items(String text, List<Integer> expected) {
        Map<Integer, StringBuilder> items = new LinkedHashMap<>();
        StringBuilder current = null;
        for (String line : text.replace("\r\n", "\n").split("\n")) {
            Matcher item = ITEM.matcher(line);
            if (item.matches() && expected.contains(Integer.parseInt(item.group(1)))) {
                current = items.computeIfAbsent(Integer.parseInt(item.group(1)), n -> new StringBuilder());
                current.append(item.group(2).strip());
            } else if (line.isBlank()) {
                current = null;
            } else if (current != null) {
                current.append(' ').append(line.strip());
            }
        }
        return items;
    }

    static Answer classify(int number, String text) {
        Matcher reject = REJECT.matcher(text);
        Matcher accept = ACCEPT.matcher(text);
        boolean rejects = reject.find();
        boolean accepts = accept.find();
        if (!rejects && !accepts) {
            return new Answer(number, null, null, text);
        }
        boolean rejected = rejects && (!accepts || reject.start() <= accept.start());
        Matcher decisive = rejected ? reject : accept;
        String after = clean(text.substring(decisive.end()));
        String before = clean(text.substring(0, decisive.start()));
        String reason = !after.isEmpty() ? after : before.isEmpty() ? null : before;
        return new Answer(
                number, rejected ? CommissionRepository.REJECTED : CommissionRepository.ACCEPTED, reason, text);
    }

    private static String clean(String text) {
        String stripped = LEADING.matcher(text).replaceAll("");
        return TRAILING.matcher(stripped).replaceAll("").strip();
    }
}
