package kz.opendata.hub.demand;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads requests for data from a CSV file: a header row, then one request per row.
 *
 * <p>Columns are found by their header in English, Russian or Kazakh, letter case and spaces
 * aside: id, kind, title, description, keywords, columns, agency, votes, date (see {@link #FIELDS}
 * for every accepted header). Other columns, such as the requester's name or e-mail address, are
 * ignored and never stored. The separator is the one of comma, semicolon and tab that occurs most
 * in the header row. The text is UTF-8, with or without a byte order mark. A file that is not
 * valid UTF-8 is read as Windows-1251, the encoding Excel writes for Russian.
 */
final class DemandCsvReader {

    /** Accepted headers of each field, written as {@link #headerKey} returns them. */
    static final Map<String, List<String>> FIELDS = Map.of(
            "id", List.of("id", "request_id", "номер", "ид", "нөмір"),
            "kind", List.of("kind", "type", "тип", "вид", "түрі"),
            "title",
                    List.of(
                            "title",
                            "name",
                            "subject",
                            "тема",
                            "название",
                            "наименование",
                            "запрос",
                            "атауы",
                            "тақырып"),
            "description", List.of("description", "text", "body", "описание", "текст", "сипаттама", "мәтін"),
            "keywords", List.of("keywords", "tags", "ключевые_слова", "теги", "кілт_сөздер"),
            "columns", List.of("columns", "fields", "поля", "столбцы", "бағандар", "өрістер"),
            "agency", List.of("agency", "organization", "орган", "ведомство", "госорган", "мемлекеттік_орган"),
            "votes", List.of("votes", "likes", "count", "голоса", "голосов", "поддержка", "дауыстар"),
            "date", List.of("date", "requested_at", "created", "created_at", "дата", "күні"));

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    private DemandCsvReader() {}

    /**
     * Reads every row.
     *
     * @throws DemandImportException when the file is empty or has neither a title nor a
     *     description column
     */
    static ParsedSignals read(byte[] content, SignalRules rules) {
        Decoded text = decode(content);
        if (text.value().isBlank()) {
            throw new DemandImportException("the CSV file is empty; send a header row and one request per row");
        }
        char separator = separator(firstLine(text.value()));
        List<NewSignal> signals = new ArrayList<>();
        List<String> rejections = new ArrayList<>();
        int received = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .fieldSeparator(separator)
                .quoteCharacter('"')
                .skipEmptyLines(true)
                .ignoreDifferentFieldCount(true)
                .ofCsvRecord(new StringReader(text.value()))) {
            Map<String, Integer> columns = null;
            for (CsvRecord record : reader) {
                if (columns == null) {
                    columns = columns(record.getFields());
                    continue;
                }
                received++;
                try {
                    signals.add(rules.check(raw(record, columns)));
                } catch (SignalRules.InvalidSignalException e) {
                    rejections.add(e.getMessage());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new DemandImportException(
                    "the CSV file cannot be read: " + e.getMessage() + "; check that quotes are balanced", e);
        }
        return new ParsedSignals(received, signals, rejections, text.charset());
    }

    private static RawSignal raw(CsvRecord record, Map<String, Integer> columns) {
        List<String> fields = record.getFields();
        return new RawSignal(
                "line " + record.getStartingLineNumber(),
                field(fields, columns, "id"),
                field(fields, columns, "kind"),
                field(fields, columns, "title"),
                field(fields, columns, "description"),
                listOf(field(fields, columns, "keywords")),
                listOf(field(fields, columns, "columns")),
                field(fields, columns, "agency"),
                field(fields, columns, "votes"),
                field(fields, columns, "date"));
    }

    /** Position of each known field in the header row. */
    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String key = headerKey(header.get(i));
            for (Map.Entry<String, List<String>> field : FIELDS.entrySet()) {
                if (field.getValue().contains(key)) {
                    positions.putIfAbsent(field.getKey(), i);
                }
            }
        }
        if (!positions.containsKey("title") && !positions.containsKey("description")) {
            throw new DemandImportException("the CSV header " + header + " has no title column; name one column"
                    + " title, название or атауы (or description, описание, сипаттама)");
        }
        return positions;
    }

    /** Lower-cased header with the byte order mark dropped and runs of spaces, '-' and '_' as one '_'. */
    static String headerKey(String header) {
        return header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
    }

    private static String field(List<String> fields, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= fields.size() ? null : fields.get(index);
    }

    private static List<String> listOf(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static char separator(String header) {
        char best = ',';
        long bestCount = header.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private record Decoded(String value, String charset) {}

    private static Decoded decode(byte[] content) {
        int start = content.length >= 3
                        && (content[0] & 0xFF) == 0xEF
                        && (content[1] & 0xFF) == 0xBB
                        && (content[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
            return new Decoded(text, StandardCharsets.UTF_8.name());
        } catch (CharacterCodingException e) {
            return new Decoded(new String(content, WINDOWS_1251), WINDOWS_1251.name());
        }
    }
}
