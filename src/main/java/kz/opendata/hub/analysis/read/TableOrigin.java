package kz.opendata.hub.analysis.read;

/**
 * How a table was read, so it can be read again the same way.
 *
 * @param format csv, tsv, xls or xlsx
 * @param encoding Java charset name for text formats, null for spreadsheets
 * @param encodingConfidence 0..1 for text formats, null for spreadsheets
 * @param delimiter field delimiter for text formats, null for spreadsheets
 * @param sheet sheet name for spreadsheets, null for text formats
 * @param headerRow 1-based row or line number of the header
 */
public record TableOrigin(
        String format, String encoding, Double encodingConfidence, String delimiter, String sheet, long headerRow) {}
