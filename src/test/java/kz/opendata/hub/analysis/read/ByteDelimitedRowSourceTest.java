package kz.opendata.hub.analysis.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kz.opendata.hub.analysis.UnreadableUnloadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte splitter against FastCSV, which reads the same files through a decoding reader: both
 * must give the same rows, line numbers and problems, or fail with the same message.
 */
class ByteDelimitedRowSourceTest {

    private static final Charset CP1251 = Charset.forName("windows-1251");
    private static final String[] PIECES = {
        "a", "бв", "Қ", "1", " ", "\t", ",", ";", "\"", "\"\"", "\n", "\r", "\r\n", "#", "x y", "ё"
    };

    @TempDir
    Path folder;

    @Test
    void givesFastCsvsRowsForRandomTexts() throws IOException {
        Random random = new Random(20261205);
        for (int run = 0; run < 20_000; run++) {
            String text = randomText(random, 1 + random.nextInt(40));
            char delimiter = random.nextBoolean() ? ',' : ';';
            boolean comments = random.nextInt(4) == 0;
            TextDialect dialect = new TextDialect(delimiter, false, comments);
            Charset charset = random.nextBoolean() ? StandardCharsets.UTF_8 : CP1251;

            List<String> expected = withoutQuoteLines(outcome(readerSource(text, charset, dialect, 1 << 20)));
            List<String> actual = withoutQuoteLines(outcome(bytesSource(text, charset, dialect, 1 << 20)));
            if (fastCsvMisreads(text, expected, actual)) {
                continue;
            }

            assertThat(actual)
                    .as("text %s, delimiter %s, comments %s", escape(text), delimiter, comments)
                    .isEqualTo(expected);
        }
    }

    @Test
    void keepsQuotedCarriageReturnBeforeLineFeed() throws IOException {
        String text = "\"a\rb\";c\nd;e\n";

        assertThat(read(bytesSource(text, StandardCharsets.UTF_8, dialect(), 1 << 20)))
                .containsExactly("1:[a\rb, c]", "3:[d, e]", "problems []");
    }

    @Test
    void acceptsClosedQuoteEndingInLineBreak() throws IOException {
        String text = "id;note\r\n1;\"first line\r\n\"\r\n";

        assertThat(read(bytesSource(text, StandardCharsets.UTF_8, dialect(), 1 << 20)))
                .containsExactly("1:[id, note]", "2:[1, first line\r\n]", "problems []");
    }

    @Test
    void givesFastCsvsRowsAcrossBufferRefills() throws IOException {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        while (text.length() < 1_200_000) {
            // No carriage return alone, which FastCSV misreads inside quotes.
            text.append(randomText(random, 30).replace('\r', ' ')).append('\n');
        }
        text.append("\"quoted\n\"\"line\"\"\",end\r\n");
        TextDialect dialect = new TextDialect(';', false, false);

        List<String> expected = read(readerSource(text.toString(), StandardCharsets.UTF_8, dialect, 1 << 20));
        assertThat(read(bytesSource(text.toString(), StandardCharsets.UTF_8, dialect, 1 << 20)))
                .hasSize(expected.size())
                .isEqualTo(expected);
    }

    @Test
    void rejectsLineOverTheLimit() {
        String text = "id;name\n1;short\n2;" + "ы".repeat(600) + "\n";

        assertThatThrownBy(() -> read(bytesSource(text, StandardCharsets.UTF_8, dialect(), 1000)))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessage("unload.csv: line 3 (from byte offset 16) runs past 1000 bytes without a line break;"
                        + " a table has one record per line, so check the export for missing line breaks or a cell"
                        + " that holds a whole document, and send it again");
    }

    @Test
    void rejectsAQuoteThatSwallowsTheLastLineBreak() {
        String text = "id;name\n1;\"open\n2;next\n";

        assertThatThrownBy(() -> read(bytesSource(text, StandardCharsets.UTF_8, dialect(), 1000)))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageStartingWith("unload.csv: a quote opened on line 2 never closes");
    }

    @Test
    void rejectsOpenQuoteWithoutFinalLineBreak() {
        String text = "a,b,c\n1,2,3\n2,\"x,5\n3,4,5\n4,5,6";

        assertThatThrownBy(
                        () -> read(bytesSource(text, StandardCharsets.UTF_8, new TextDialect(',', false, false), 1000)))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageStartingWith("unload.csv: a quote opened on line 3 never closes");
    }

    @Test
    void keepsOpenQuoteOnLastLine() throws IOException {
        String text = "a;b\n1;\"open";

        assertThat(read(bytesSource(text, StandardCharsets.UTF_8, dialect(), 1000)))
                .containsExactly("1:[a, b]", "2:[1, open]", "problems []");
    }

    @Test
    void namesTheOpenQuotesLine() {
        String text = "id;note;more\n1;\"two\nlines\";\"open\n2;x;y\n";

        assertThatThrownBy(() -> read(bytesSource(text, StandardCharsets.UTF_8, dialect(), 1000)))
                .hasMessageStartingWith("unload.csv: a quote opened on line 3 never closes");
    }

    @Test
    void countsCarriageReturnLinesForInvalidByte() throws IOException {
        assertInvalidByteOnLine3("classic-mac.csv", '\r');
    }

    @Test
    void rejectsARecordWithMoreFieldsThanATable() {
        String text = "id;name\n" + ";".repeat(DelimitedRowSource.MAX_FIELDS) + "\n";

        assertThatThrownBy(() -> read(bytesSource(text, StandardCharsets.UTF_8, dialect(), 1 << 20)))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageStartingWith("unload.csv: the record starting on line 2 has more than 16384 fields");
    }

    @Test
    void namesTheLineOfAByteInvalidInUtf8() throws IOException {
        assertInvalidByteOnLine3("unload.csv", '\n');
    }

    /**
     * Writes two lines and a third whose second cell starts with a byte invalid in UTF-8, all
     * ending in the line break, and checks that reading names line 3 and the byte's offset.
     */
    private void assertInvalidByteOnLine3(String fileName, char lineBreak) throws IOException {
        byte[] head = ("id;name" + lineBreak + "1;Алма" + lineBreak).getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'2', ';', (byte) 0xC0, (byte) 0xEB, (byte) lineBreak};
        Path file = folder.resolve(fileName);
        Files.write(file, concat(head, bad));
        DetectedEncoding utf8 = new DetectedEncoding(StandardCharsets.UTF_8, 0.9, 0);

        assertThatThrownBy(() -> read(new ByteDelimitedRowSource(
                        Files.newInputStream(file), fileName, utf8, dialect(), file, 1 << 20)))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageStartingWith("%s: invalid UTF-8 byte sequence on line 3 (byte offset %d)"
                        .formatted(fileName, head.length + 2));
    }

    @Test
    void keepsAReplacementCharacterWrittenOnPurpose() throws IOException {
        String text = "id;mark\n1;\uFFFD\n";

        assertThat(read(bytesSource(text, StandardCharsets.UTF_8, dialect(), 1 << 20)))
                .containsExactly("1:[id, mark]", "2:[1, \uFFFD]", "problems []");
    }

    @Test
    void skipsByteOrderMark() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] bytes = concat(bom, "id;name\n1;x\n".getBytes(StandardCharsets.UTF_8));
        DetectedEncoding utf8 = new DetectedEncoding(StandardCharsets.UTF_8, 1.0, 3);

        assertThat(read(new ByteDelimitedRowSource(
                        new ByteArrayInputStream(bytes), "unload.csv", utf8, dialect(), folder, 1 << 20)))
                .containsExactly("1:[id, name]", "2:[1, x]", "problems []");
        assertThatThrownBy(() -> read(new ByteDelimitedRowSource(
                        new ByteArrayInputStream(bytes), "unload.csv", utf8, dialect(), folder, 9)))
                .hasMessageContaining("line 1 (from byte offset 0) runs past 9 bytes");
    }

    @Test
    void supportsSingleByteAsciiEncodings() {
        TextDialect semicolons = dialect();

        assertThat(ByteDelimitedRowSource.supports(StandardCharsets.UTF_8, semicolons))
                .isTrue();
        assertThat(ByteDelimitedRowSource.supports(CP1251, semicolons)).isTrue();
        assertThat(ByteDelimitedRowSource.supports(Charset.forName("KOI8-R"), semicolons))
                .isTrue();
        assertThat(ByteDelimitedRowSource.supports(Charset.forName("IBM866"), semicolons))
                .isTrue();
        assertThat(ByteDelimitedRowSource.supports(StandardCharsets.UTF_16LE, semicolons))
                .isFalse();
        assertThat(ByteDelimitedRowSource.supports(Charset.forName("UTF-32BE"), semicolons))
                .isFalse();
        assertThat(ByteDelimitedRowSource.supports(StandardCharsets.UTF_8, new TextDialect(';', true, false)))
                .isFalse();
    }

    private static TextDialect dialect() {
        return new TextDialect(';', false, false);
    }

    private RowSource bytesSource(String text, Charset charset, TextDialect dialect, int maxLineBytes)
            throws IOException {
        DetectedEncoding encoding = new DetectedEncoding(charset, 0.9, 0);
        InputStream in = new ByteArrayInputStream(text.getBytes(charset));
        return new ByteDelimitedRowSource(in, "unload.csv", encoding, dialect, folder, maxLineBytes);
    }

    private RowSource readerSource(String text, Charset charset, TextDialect dialect, int maxLineBytes)
            throws IOException {
        DetectedEncoding encoding = new DetectedEncoding(charset, 0.9, 0);
        InputStream in =
                new LineLengthLimit(new ByteArrayInputStream(text.getBytes(charset)), "unload.csv", maxLineBytes);
        return new DelimitedRowSource(in, "unload.csv", encoding, dialect, folder);
    }

    /** Reads every row as "line:[cells]", then the problems. */
    private static List<String> read(RowSource source) throws IOException {
        List<String> rows = new ArrayList<>();
        try (source) {
            RawRow row;
            while ((row = source.next()) != null) {
                rows.add(row.number() + ":" + row.cells());
            }
            rows.add("problems " + source.problems());
        }
        return rows;
    }

    /** Returns the rows that {@link #read} gives, or the failure's message. */
    private static List<String> outcome(RowSource source) throws IOException {
        try {
            return read(source);
        } catch (UnreadableUnloadException e) {
            return List.of("failed: " + e.getMessage());
        }
    }

    /**
     * Tells the texts where the reader path is known to be wrong. FastCSV keeps a carriage return
     * seen inside quotes in mind until the next line feed, which then continues the record and
     * drops the field read so far. A quoted last cell that ends with a line break looks unclosed
     * to the check after FastCSV even when the file's last quote closes it. And a quote left open
     * over several lines is taken for a cell when no line break ends the file.
     */
    private static boolean fastCsvMisreads(String text, List<String> expected, List<String> actual) {
        String lone = text.replace("\r\n", "");
        int carriageReturn = lone.indexOf('\r');
        boolean carriageReturnThenLineFeed = carriageReturn >= 0 && lone.indexOf('\n', carriageReturn) > 0;
        boolean expectedUnclosed = last(expected).contains("never closes");
        boolean actualUnclosed = last(actual).contains("never closes");
        boolean closedQuoteTakenForOpen =
                expectedUnclosed && text.replaceFirst("[\r\n]+$", "").endsWith("\"");
        boolean openQuoteTakenForCell = actualUnclosed && !expectedUnclosed && !text.matches("(?s).*[\r\n]");
        return carriageReturnThenLineFeed || closedQuoteTakenForOpen || openQuoteTakenForCell;
    }

    private static String last(List<String> outcome) {
        return outcome.get(outcome.size() - 1);
    }

    /** Hides the unclosed quote's line, which FastCSV gives as the record's first line. */
    private static List<String> withoutQuoteLines(List<String> outcome) {
        return outcome.stream()
                .map(row -> row.replaceFirst("a quote opened on line \\d+", "a quote opened on line N"))
                .toList();
    }

    private static String randomText(Random random, int pieces) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    private static String escape(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
