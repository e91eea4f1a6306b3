package kz.opendata.hub.analysis.read;

/**
 * The reading settings of a table, kept so it can be read again the same way.
 *
 * @param format csv, tsv, xls, xlsx, json, xml or dbf
 * @param encoding Java charset name for text formats and DBF, null for spreadsheets
 * @param encodingConfidence 0..1 for text formats, null for spreadsheets
 * @param delimiter field delimiter for text formats, null for spreadsheets
 * @param sheet sheet name for spreadsheets, null for text formats
 * @param headerRow 1-based row or line number of the header, 0 where the format has field
 *     names instead of a header row (JSON, XML, DBF)
 */
public record TableOrigin(
        String format, String encoding, Double encodingConfidence, String delimiter, String sheet, long headerRow) {}
