package kz.opendata.hub.analysis.read;

/**
 * Limits past which the readers reject an unload instead of reading it, so a broken export or a
 * hostile file ends with a reason rather than exhausting memory.
 *
 * @param maxCellLength characters one cell may have
 * @param maxLineBytes bytes one line of a delimited text file may have before its line break
 * @param maxJsonDepth levels of nested arrays and objects a JSON unload may have
 */
public record ReadLimits(int maxCellLength, int maxLineBytes, int maxJsonDepth) {}
