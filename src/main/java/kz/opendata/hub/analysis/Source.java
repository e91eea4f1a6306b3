package kz.opendata.hub.analysis;

/**
 * Where the analysed table came from and how it was read.
 *
 * @param fileName the name the agency gave the file
 * @param sha256 hex SHA-256 of the file as received, archive included
 * @param sizeBytes size of the file as received
 * @param format csv, tsv, xls, xlsx, json, xml or dbf: the table's own format, also inside an
 *     archive
 * @param encoding Java charset name for text formats and DBF, null for spreadsheets
 * @param encodingConfidence 0..1 for detected encodings, 1 where a BOM decided, null for spreadsheets
 * @param delimiter the field delimiter for text formats, null for spreadsheets
 * @param sheet sheet name for spreadsheets, null for text formats
 * @param headerRow 1-based row number of the header row in the file or sheet, null for formats
 *     whose field names are not a row (JSON, XML, DBF)
 * @param entry name of the table inside a ZIP or GZIP archive, null for a file that is not an
 *     archive
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
        Integer headerRow,
        String entry) {

    /** A source that is not inside an archive. */
    public Source(
            String fileName,
            String sha256,
            long sizeBytes,
            String format,
            String encoding,
            Double encodingConfidence,
            String delimiter,
            String sheet,
            Integer headerRow) {
        this(fileName, sha256, sizeBytes, format, encoding, encodingConfidence, delimiter, sheet, headerRow, null);
    }
}
