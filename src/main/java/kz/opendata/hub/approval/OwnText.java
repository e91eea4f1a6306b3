package kz.opendata.hub.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps only what the sender of a reply wrote: drops {@code >} quoted lines with their "On ...
 * wrote:" / "... пишет:" / "... жазды:" line, cuts at the quoted original that Outlook appends
 * below a separator or a From/Sent/To/Subject block (in English, Russian or Kazakh), and cuts the
 * signature. Text written below a {@code >} quote (bottom posting) is kept.
 */
public final class OwnText {

    private static final Pattern SEPARATOR = Pattern.compile("-{2,}\\s*[^-\\s][^-]*?\\s*-{2,}");
    private static final Pattern HEADER_LINE = Pattern.compile("\\*?([\\p{L} ]{2,20}?)\\s*:\\*?(\\s.*)?");
    private static final Set<String> FROM_KEYS = Set.of("from", "от", "кімнен", "жіберуші");
    private static final Set<String> OTHER_KEYS = Set.of(
            "sent",
            "date",
            "to",
            "cc",
            "subject",
            "отправлено",
            "дата",
            "кому",
            "копия",
            "тема",
            "жіберілді",
            "күні",
            "кімге",
            "көшірме",
            "тақырып");
    private static final int HEADER_BLOCK_LINES = 5;

    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?i).*(\\bwrote|\\bwrites|пишет|написал|написала|написал\\(а\\)|жазды|schrieb)\\s*:\\s*|.*@.*>\\s*:\\s*");
    private static final Pattern ATTRIBUTION_START = Pattern.compile("(?iU)((on|am|le|el|в|понедельник|вторник|среда"
            + "|четверг|пятница|суббота|воскресенье|дүйсенбі|сейсенбі|сәрсенбі|бейсенбі|жұма|сенбі|жексенбі)\\b"
            + "|\\d{1,4}[./ -]|\\p{L}{2,3},).*[^.!?]");
    private static final Pattern SIGN_OFF = Pattern.compile("(?iu)(с уважением|с наилучшими пожеланиями|всего доброго"
            + "|құрметпен|ізгі ниетпен|best regards|kind regards|warm regards|with regards|regards|sincerely"
            + "|yours sincerely|yours faithfully)\\b.*");
    private static final Pattern MOBILE_FOOTER = Pattern.compile("(?iu)(sent from|get outlook|отправлено (с|из)\\s).*"
            + "|.*(iphone|ipad|android|mail\\.ru|outlook).*жіберілді.*");

    private OwnText() {}

    /** Returns the sender's own text, stripped of trailing blank lines; empty when none is left. */
    public static String extract(String text) {
        if (text == null) {
            return "";
        }
        List<String> lines =
                List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        lines = lines.subList(0, firstOriginalLine(lines));
        lines = withoutQuotes(lines);
        lines = lines.subList(0, firstSignatureLine(lines));
        return tidy(lines);
    }

    /** Returns the index where an appended original begins, or the line count. */
    private static int firstOriginalLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (SEPARATOR.matcher(line).matches() || startsHeaderBlock(lines, i)) {
                return i;
            }
        }
        return lines.size();
    }

    private static boolean startsHeaderBlock(List<String> lines, int start) {
        if (!FROM_KEYS.contains(headerKey(lines.get(start)))) {
            return false;
        }
        int end = Math.min(lines.size(), start + HEADER_BLOCK_LINES);
        for (int i = start + 1; i < end; i++) {
            if (OTHER_KEYS.contains(headerKey(lines.get(i)))) {
                return true;
            }
        }
        return false;
    }

    private static String headerKey(String line) {
        var matcher = HEADER_LINE.matcher(line.strip());
        return matcher.matches() ? matcher.group(1).strip().toLowerCase(Locale.ROOT) : "";
    }

    /**
     * Drops quoted lines. An attribution line is dropped with the quote it introduces; one that
     * introduces no quote starts an unquoted original, so the text is cut there.
     */
    private static List<String> withoutQuotes(List<String> lines) {
        List<String> ownLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int attribution = attributionLength(lines, i);
            if (attribution > 0) {
                int next = nextNonBlank(lines, i + attribution);
                if (next == lines.size() || !isQuoted(lines.get(next))) {
                    break;
                }
                i += attribution - 1;
            } else if (!isQuoted(lines.get(i))) {
                ownLines.add(lines.get(i));
            }
        }
        return ownLines;
    }

    /**
     * Returns 1 or 2 when an attribution line starts at the index (Gmail wraps long ones onto a
     * second line), else 0. The first of two wrapped lines must begin like an attribution ("On
     * Mon, 1 Dec", "пн, 1 дек.", "01.12.2026") and contain a digit of the date, so own text above
     * a one-line attribution is not taken for its first half.
     */
    private static int attributionLength(List<String> lines, int index) {
        String line = lines.get(index).strip();
        if (isQuoted(line) || line.isEmpty()) {
            return 0;
        }
        if (ATTRIBUTION.matcher(line).matches()) {
            return 1;
        }
        boolean wrapped = index + 1 < lines.size()
                && ATTRIBUTION_START.matcher(line).matches()
                && line.chars().anyMatch(Character::isDigit)
                && ATTRIBUTION
                        .matcher(line + " " + lines.get(index + 1).strip())
                        .matches();
        return wrapped ? 2 : 0;
    }

    private static int firstSignatureLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.strip();
            boolean dashes = line.equals("-- ") || stripped.equals("--");
            if (dashes
                    || SIGN_OFF.matcher(stripped).matches()
                    || MOBILE_FOOTER.matcher(stripped).matches()) {
                return i;
            }
        }
        return lines.size();
    }

    private static boolean isQuoted(String line) {
        return line.stripLeading().startsWith(">");
    }

    private static int nextNonBlank(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    private static String tidy(List<String> lines) {
        String joined = String.join("\n", lines).replaceAll("(?m)[ \\t\\u00A0]+$", "");
        // Outlook leaves a rule of underscores above the header block it appends.
        joined = joined.replaceAll("(?m)^_{8,}$", "");
        return joined.replaceAll("\n{3,}", "\n\n").strip();
    }
}
