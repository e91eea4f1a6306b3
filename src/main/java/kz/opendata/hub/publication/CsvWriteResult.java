package kz.opendata.hub.publication;

import java.nio.file.Path;
import java.util.List;

/**
 * The open CSV copy of an unload as written to disk.
 *
 * @param file the written file
 * @param header technical names in the header row, in file order
 * @param rowCount data rows written, header excluded
 * @param sizeBytes size of the file in bytes
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 */
public record CsvWriteResult(Path file, List<String> header, long rowCount, long sizeBytes, String sha256) {

    public CsvWriteResult {
        header = List.copyOf(header);
    }
}
