package kz.opendata.hub.demand;

import java.util.Set;

/**
 * A passport or an unload as demand matching compares it: the terms of its names, keywords and
 * column names.
 *
 * @param type {@value #PASSPORT} or {@value #UNLOAD}
 * @param unloadId the unload whose analysis report a match counts for
 * @param nameTerms terms of the set's names, the data set name or the file name
 * @param keywordTerms terms of the keywords and the category
 * @param columnTerms terms of the column names and technical names
 */
record MatchTarget(
        String type, long id, long unloadId, Set<String> nameTerms, Set<String> keywordTerms, Set<String> columnTerms) {

    static final String PASSPORT = "passport";
    static final String UNLOAD = "unload";
}
