package kz.opendata.hub.passport;

/**
 * A value the drafter inferred, with the evidence an analyst reads when confirming it.
 *
 * @param reason what the inference rests on, naming columns but never cell values of restricted
 *     columns
 */
record Inferred<T>(T value, String reason) {}
