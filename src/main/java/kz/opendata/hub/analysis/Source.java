package kz.opendata.hub.analysis;

/**
 * Where the analysed table came from and how it was read.
 *
 * @param format csv, tsv, xls or xlsx
 * @param encoding Java charset name for text formats, null for spreadsheets
 * @param encodingConfidence 0..1 for detected encodings, 1 where a BOM decided, null for spreadsheets
 * @param delimiter the field delimiter for text formats, null for spreadsheets
 * @param sheet sheet name for spreadsheets, null for text formats
 * @param headerRow 1-based row number of the header row in the file or sheet
 */
public record Source(
        String fileName,
        String sha256,
        long sizeBytes,
        String format,
        String encoding,
        Double encodingConfidence,
        String delimiter,
        String sheet,
        Integer headerRow) {}
