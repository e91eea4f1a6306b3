package kz.opendata.hub.analysis.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the field delimiter of a text table from its first lines: the candidate that splits the
 * most lines into the same number of fields, with more fields breaking a tie.
 */
final class DelimiterDetector {

    static final char[] CANDIDATES = {'\t', ';', ',', '|'};
    private static final int MAX_LINES = 50;

    /** Returns the delimiter, or a comma when no candidate occurs, so the file reads as one column. */
    char detect(String sampleText) {
        List<String> lines = firstLines(sampleText);
        char best = ',';
        double bestScore = 0;
        for (char candidate : CANDIDATES) {
            double score = score(lines, candidate);
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    /** Share of lines whose field count equals the most common one, plus a small bonus per field. */
    private static double score(List<String> lines, char delimiter) {
        Map<Integer, Integer> linesByCount = new HashMap<>();
        for (String line : lines) {
            linesByCount.merge(countOutsideQuotes(line, delimiter), 1, Integer::sum);
        }
        int modeCount = 0;
        int modeLines = 0;
        for (Map.Entry<Integer, Integer> entry : linesByCount.entrySet()) {
            boolean better =
                    entry.getValue() > modeLines || entry.getValue() == modeLines && entry.getKey() > modeCount;
            if (entry.getKey() > 0 && better) {
                modeCount = entry.getKey();
                modeLines = entry.getValue();
            }
        }
        if (modeCount == 0) {
            return 0;
        }
        return (double) modeLines / lines.size() + Math.min(modeCount, 100) / 1000.0;
    }

    static int countOutsideQuotes(String line, char delimiter) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                count++;
            }
        }
        return count;
    }

    /** Splits the sample into lines, keeping quoted line breaks inside a line and dropping blank ones. */
    private static List<String> firstLines(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length() && lines.size() < MAX_LINES; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if ((c == '\n' || c == '\r') && !quoted) {
                addIfNotBlank(lines, line);
                line.setLength(0);
            } else {
                line.append(c);
            }
        }
        // The last line of a sample may be cut; use it only when nothing else exists.
        if (lines.isEmpty()) {
            addIfNotBlank(lines, line);
        }
        return lines;
    }

    private static void addIfNotBlank(List<String> lines, CharSequence line) {
        if (!line.toString().isBlank()) {
            lines.add(line.toString());
        }
    }
}
