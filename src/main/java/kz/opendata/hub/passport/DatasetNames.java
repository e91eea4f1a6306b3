package kz.opendata.hub.passport;

import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Derives data set names that a CKAN portal accepts and that serve as folder names: 2 to 100
 * characters from {@code a-z}, {@code 0-9}, {@code -} and {@code _}. The same input always gives
 * the same name.
 */
public final class DatasetNames {

    public static final int MAX_LENGTH = 100;
    public static final Pattern VALID = Pattern.compile("[a-z0-9_-]{2,100}");

    private static final Pattern OTHER_CHARACTERS = Pattern.compile("[^a-z0-9_-]+");
    private static final Pattern REPEATED_HYPHENS = Pattern.compile("-{2,}");
    private static final Pattern EDGE_SEPARATORS = Pattern.compile("^[-_]+|[-_]+$");
    private static final String FALLBACK = "dataset";

    private DatasetNames() {}

    /**
     * Joins the non-blank parts with {@code -} and turns them into a name: transliterated, lower
     * case, other characters replaced by {@code -}, cut to 100 characters at a hyphen where one is
     * near the end. A result shorter than 2 characters gets the prefix {@code dataset}.
     */
    public static String of(String... parts) {
        StringJoiner joined = new StringJoiner("-");
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                joined.add(part);
            }
        }
        String latin = Transliteration.toLatin(joined.toString()).toLowerCase(Locale.ROOT);
        String name = OTHER_CHARACTERS.matcher(latin).replaceAll("-");
        name = trimSeparators(REPEATED_HYPHENS.matcher(name).replaceAll("-"));
        name = trimSeparators(cut(name));
        if (name.length() < 2) {
            return name.isEmpty() ? FALLBACK : FALLBACK + "-" + name;
        }
        return name;
    }

    private static String cut(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        int hyphen = name.lastIndexOf('-', MAX_LENGTH);
        return hyphen >= MAX_LENGTH / 2 ? name.substring(0, hyphen) : name.substring(0, MAX_LENGTH);
    }

    private static String trimSeparators(String name) {
        return EDGE_SEPARATORS.matcher(name).replaceAll("");
    }

    /**
     * Returns the name unchanged when it follows the rule. The folder portal uses the name as a
     * folder name, so the rule also keeps path separators out.
     *
     * @throws IllegalArgumentException naming the value and the rule
     */
    public static String requireValid(String datasetName) {
        if (datasetName == null || !VALID.matcher(datasetName).matches()) {
            throw new IllegalArgumentException(
                    "invalid data set name '" + datasetName + "': use 2 to 100 characters from a-z, 0-9, '-' and '_'");
        }
        return datasetName;
    }
}
