package kz.opendata.hub.analysis;

/**
 * Something wrong with the unload that did not stop the analysis.
 *
 * @param code stable kebab-case identifier, such as {@code ragged-row}
 * @param message what is wrong and what the agency can do about it
 * @param location where in the file: a row, cell or sheet, or null for the whole file
 */
public record Problem(String code, String message, String location) {}
