package kz.opendata.hub.analysis.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.opendata.hub.analysis.Problem;
import kz.opendata.hub.analysis.UnreadableUnloadException;

/**
 * Messages of the two readers of delimited text, the byte splitter and the FastCSV path, so a
 * flawed file gets the same reason whichever of them reads it.
 */
final class DelimitedTextErrors {

    private DelimitedTextErrors() {}

    static UnreadableUnloadException lineTooLong(String fileName, long line, long lineStart, long maxLineBytes) {
        return new UnreadableUnloadException(("%s: line %d (from byte offset %d) runs past %d bytes without a line"
                        + " break; a table has one record per line, so check the export for missing line breaks"
                        + " or a cell that holds a whole document, and send it again")
                .formatted(fileName, line, lineStart, maxLineBytes));
    }

    /** @param where the record, such as "the record starting on line 12" */
    static UnreadableUnloadException tooManyFields(String fileName, String where, Throwable cause) {
        return new UnreadableUnloadException(
                "%s: %s has more than %d fields, more columns than a table has, usually because line breaks"
                                .formatted(fileName, where, DelimitedRowSource.MAX_FIELDS)
                        + " between records are missing or the delimiter is wrong; check the export and send"
                        + " it again",
                cause);
    }

    /** @param where the record, such as "the record starting on line 12" */
    static UnreadableUnloadException fieldTooLong(String fileName, String where, Throwable cause) {
        return new UnreadableUnloadException(
                "%s: %s has a field longer than the parser's buffer, usually because a quote never closes;"
                                .formatted(fileName, where)
                        + " check quotes from that line on and send the file again",
                cause);
    }

    static UnreadableUnloadException unclosedQuote(String fileName, long line) {
        return new UnreadableUnloadException(
                "%s: a quote opened on line %d never closes, so the rest of the file".formatted(fileName, line)
                        + " reads as one cell; close the quote or double the quote characters inside values (\"\")");
    }

    /**
     * Explains a byte sequence invalid in the charset by the line and offset where it is, found by
     * reading the file again.
     *
     * @param fallback where to say it is when the file reads without error the second time
     */
    static UnreadableUnloadException invalidEncoding(
            String fileName, Path file, Charset charset, String fallback, CharacterCodingException cause) {
        InvalidText place;
        try (InputStream again = Files.newInputStream(file)) {
            place = InvalidText.find(again, charset, true);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + fileName + " again to place an encoding error", e);
        }
        String where =
                place == null ? fallback : "on line %d (byte offset %d)".formatted(place.line(), place.byteOffset());
        return new UnreadableUnloadException(
                "%s: invalid %s byte sequence %s, so part of the file is in another encoding;"
                                .formatted(fileName, charset.name(), where)
                        + " save the whole file again as UTF-8 and resend it",
                cause);
    }

    /** Lists the skipped comment lines as a problem, or nothing when there were none. */
    static List<Problem> commentLines(long count, long firstLine) {
        if (count == 0) {
            return List.of();
        }
        return List.of(new Problem(
                "comment-lines",
                "%d comment lines starting with '#' (first on line %d) were skipped".formatted(count, firstLine),
                "line " + firstLine));
    }
}
