package kz.opendata.hub.publication;

import java.util.regex.Pattern;

/**
 * The rule for data set names, the same on every portal: 2 to 100 characters, lower-case Latin
 * letters, digits, {@code -} and {@code _}. CKAN applies this rule to package names, and the
 * folder portal uses the name as a folder name, so it must never contain a path separator.
 */
public final class DatasetNames {

    private static final Pattern VALID = Pattern.compile("[a-z0-9_-]{2,100}");

    private DatasetNames() {}

    /**
     * Returns the name unchanged when it follows the rule.
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
