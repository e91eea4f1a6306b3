package kz.opendata.hub.analysis.read;

/**
 * The writing conventions of a delimited text file.
 *
 * @param backslashEscapes true when quotes inside quoted fields are written {@code \"} (as MySQL
 *     and PHP exports do) rather than doubled
 * @param commentLines true when lines starting with {@code #} are comments
 */
record TextDialect(char delimiter, boolean backslashEscapes, boolean commentLines) {

    /**
     * Detects the escape style and comment lines from the sample. Backslash escapes are assumed
     * when the sample contains {@code \"} and no doubled quote apart from those; comments when the first non-blank
     * line starts with {@code #}.
     */
    static TextDialect detect(String sample, char delimiter) {
        boolean backslash =
                sample.contains("\\\"") && !sample.replace("\\\"", "").contains("\"\"");
        String firstLine = sample.stripLeading();
        return new TextDialect(delimiter, backslash, firstLine.startsWith("#"));
    }
}
