package kz.opendata.hub.campaign;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a short list uploaded by an analyst (agencies of a decision, contacts) from CSV or from
 * the first sheet of an XLSX workbook, as rows of trimmed cell texts with their row numbers.
 *
 * <p>CSV files may be UTF-8 (with or without a byte order mark) or Windows-1251, the encoding
 * Excel uses for Cyrillic CSV, and may be separated by commas or semicolons.
 */
public final class ListFileReader {

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    private ListFileReader() {}

    /** One non-empty row; rowNumber counts from 1 as spreadsheet programs show it. */
    public record ListRow(int rowNumber, List<String> cells) {

        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    /**
     * Reads the rows of a list file.
     *
     * @param fileName the uploaded file's name, whose extension selects the format
     * @throws IllegalArgumentException when the extension is neither .csv nor .xlsx
     */
    public static List<ListRow> read(String fileName, byte[] content) {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
            return readWorkbook(fileName, content);
        }
        if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
            return readCsv(decode(content));
        }
        throw new IllegalArgumentException(
                "File '" + fileName + "' is neither CSV nor XLSX; upload the list as .csv or .xlsx");
    }

    private static List<ListRow> readWorkbook(String fileName, byte[] content) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<ListRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(
                            cell == null ? "" : formatter.formatCellValue(cell).trim());
                }
                addIfNotEmpty(rows, row.getRowNum() + 1, cells);
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalArgumentException("File '" + fileName + "' could not be read as a workbook ("
                    + e.getMessage() + "); save it again as .xlsx or as .csv");
        }
    }

    private static List<ListRow> readCsv(String text) {
        String firstLine = text.lines().findFirst().orElse("");
        char separator = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        List<ListRow> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader =
                CsvReader.builder().fieldSeparator(separator).ofCsvRecord(text)) {
            for (CsvRecord record : reader) {
                List<String> cells =
                        record.getFields().stream().map(String::trim).toList();
                addIfNotEmpty(rows, (int) record.getStartingLineNumber(), cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static void addIfNotEmpty(List<ListRow> rows, int rowNumber, List<String> cells) {
        if (cells.stream().anyMatch(cell -> !cell.isEmpty())) {
            rows.add(new ListRow(rowNumber, cells));
        }
    }

    private static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(content, WINDOWS_1251);
        }
    }

    private static long count(String line, char character) {
        return line.chars().filter(c -> c == character).count();
    }
}
