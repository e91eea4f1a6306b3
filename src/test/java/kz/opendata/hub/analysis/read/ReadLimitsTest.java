package kz.opendata.hub.analysis.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.opendata.hub.analysis.AnalysisProgress;
import kz.opendata.hub.analysis.UnreadableUnloadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits and content checks that make the readers reject a hostile or broken file. */
class ReadLimitsTest {

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    @TempDir
    Path dir;

    @Test
    void lineLimitRejectsLongLine() {
        // "ab\n" is 3 bytes, so line 2 starts at offset 3 and its 6 bytes pass the limit of 5.
        InputStream in = new LineLengthLimit(stream("ab\ncdefgh\nij"), "long.csv", 5);

        assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("long.csv: line 2 (from byte offset 3) runs past 5 bytes");
    }

    @Test
    void lineLimitCountsCrLfOnce() {
        // Two lines of "ab\r\n" end at offset 8, where line 3 starts with 7 bytes.
        InputStream in = new LineLengthLimit(stream("ab\r\ncd\r\nefghijk"), "crlf.csv", 5);

        assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
                .hasMessageContaining("line 3 (from byte offset 8)");
    }

    @Test
    void lineLimitPassesLinesAtLimit() throws IOException {
        InputStream in = new LineLengthLimit(stream("abcde\nfghij\rklmno"), "exact.csv", 5);

        assertThat(in.transferTo(OutputStream.nullOutputStream())).isEqualTo(17);
    }

    @Test
    void invalidTextNamesLineAndOffset() throws IOException {
        // "a\n" is 2 bytes and "б\n" 3 in UTF-8, so the Windows-1251 "я" on line 3 is byte 5.
        byte[] bytes = concat(utf8("a\nб\n"), "я".getBytes(WINDOWS_1251));

        InvalidText place = InvalidText.find(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8, true);

        assertThat(place).isEqualTo(new InvalidText(3, 5));
    }

    @Test
    void invalidTextIgnoresCharacterCutAtSampleEnd() throws IOException {
        // "аб" is D0 B0 D0 B1; the sample ends after the lead byte of "б".
        byte[] cut = {(byte) 0xD0, (byte) 0xB0, (byte) 0xD0};

        InvalidText inSample = InvalidText.find(new ByteArrayInputStream(cut), StandardCharsets.UTF_8, false);
        InvalidText inFile = InvalidText.find(new ByteArrayInputStream(cut), StandardCharsets.UTF_8, true);

        assertThat(inSample).isNull();
        assertThat(inFile).isEqualTo(new InvalidText(1, 2));
    }

    @Test
    void invalidTextFindsNothingInValidText() throws IOException {
        InvalidText place =
                InvalidText.find(new ByteArrayInputStream(utf8("id,город\n1,Алматы\n")), StandardCharsets.UTF_8, true);

        assertThat(place).isNull();
    }

    @Test
    void rejectsUtf8FileWithWindows1251Line() throws IOException {
        // "id,city\n" is 8 bytes and "1,Алматы\n" 15, so line 3 starts at 23 and its "2," ends at 25.
        byte[] bytes = concat(utf8("id,city\n1,Алматы\n2,"), "Астана\n".getBytes(WINDOWS_1251));
        Path file = Files.write(dir.resolve("mixed.csv"), bytes);

        assertThatThrownBy(() -> readAll(file, defaults()))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("mixed.csv: line 3 is not valid UTF-8 (first invalid byte at offset 25)")
                .hasMessageContaining("save the whole file again as UTF-8");
    }

    @Test
    void readsWindows1251FileWithoutUtf8() throws IOException {
        String text = "город,население\nАлматы,2000000\nАстана,1300000\nШымкент,1100000\nКараганда,500000\n";
        Path file = Files.write(dir.resolve("cp1251.csv"), text.getBytes(WINDOWS_1251));

        List<String[]> rows = readAll(file, defaults());

        assertThat(rows).hasSize(4);
        assertThat(rows.get(3)[0]).isEqualTo("Караганда");
    }

    @Test
    void rejectsCellLongerThanLimit() throws IOException {
        Path file = Files.writeString(dir.resolve("cell.csv"), "a,b\n1,2\n3,12345678901\n");

        assertThatThrownBy(() -> readAll(file, new ReadLimits(10, 1000, 64)))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining(
                        "cell.csv: the cell in column 2 on line 3 has 11 characters, more than the limit" + " of 10");
    }

    @Test
    void readsCellAtLimit() throws IOException {
        Path file = Files.writeString(dir.resolve("cell.csv"), "a,b\n1,1234567890\n");

        assertThat(readAll(file, new ReadLimits(10, 1000, 64))).hasSize(1);
    }

    @Test
    void rejectsLongLineThroughParser() throws IOException {
        // "a,b\n" is 4 bytes, "1,2\n" 4 more, so line 3 starts at offset 8.
        Path file = Files.writeString(dir.resolve("line.csv"), "a,b\n1,2\n" + "3,".repeat(30) + "\n");

        assertThatThrownBy(() -> readAll(file, new ReadLimits(1000, 50, 64)))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("line.csv: line 3 (from byte offset 8) runs past 50 bytes");
    }

    @Test
    void rejectsRecordWithTooManyFields() throws IOException {
        // Line 3 holds 16400 fields, past FastCSV's 16384, in 32800 bytes: under the line limit.
        Path file = Files.writeString(dir.resolve("wide.csv"), "a,b\n1,2\n" + "x,".repeat(16_400) + "\n");

        assertThatThrownBy(() -> readAll(file, defaults()))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("wide.csv: the record starting on line 3 has more than 16384 fields");
    }

    @Test
    void rejectsHeaderWithoutDataRows() throws IOException {
        Path file = Files.writeString(dir.resolve("header.csv"), "region,schools,pupils\n\n\n");

        assertThatThrownBy(() -> readAll(file, defaults()))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("header.csv: the header on line 1 has 3 columns, but no data rows follow it");
    }

    @Test
    void rejectsRowsThatNeverFitHeader() throws IOException {
        Path file = Files.writeString(dir.resolve("ragged.csv"), "a,b,c\n1,2\n3,4,5,6\n");

        assertThatThrownBy(() -> readAll(file, defaults()))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining(
                        "ragged.csv: none of the 2 data rows has the header's 3 fields (first on line 2: 2 fields)");
    }

    @Test
    void readsRaggedRowsWhenOneFits() throws IOException {
        Path file = Files.writeString(dir.resolve("ragged.csv"), "a,b,c\n1,2\n3,4,5\n");

        assertThat(readAll(file, defaults())).hasSize(2);
    }

    @Test
    void readsRowsWithoutHeadersTrailingDelimiter() throws IOException {
        Path file = Files.writeString(dir.resolve("trailing.csv"), "a;b;c;\n1;2;3\n4;5;6\n");

        assertThat(readAll(file, defaults())).hasSize(2);
    }

    @Test
    void rejectsJsonDeeperThanLimit() throws IOException {
        // Levels: the array, the record, and the objects in a, b and c: the fifth opening passes 4.
        Path file = Files.writeString(dir.resolve("deep.json"), "[{\"a\":{\"b\":{\"c\":{\"d\":1}}}}]");

        assertThatThrownBy(() -> readAll(file, new ReadLimits(1000, 1000, 4)))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("deep.json: the JSON nests arrays and objects more than 4 levels deep at line 1");
    }

    @Test
    void readsJsonAtDepthLimit() throws IOException {
        Path file = Files.writeString(dir.resolve("deep.json"), "[{\"a\":{\"b\":{\"c\":{\"d\":1}}}}]");

        List<String[]> rows = readAll(file, new ReadLimits(1000, 1000, 5));

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsExactly("1");
    }

    @Test
    void rejectsJsonStringLongerThanLimit() throws IOException {
        Path file = Files.writeString(dir.resolve("long.json"), "[{\"a\":\"12345678901\"}]");

        assertThatThrownBy(() -> readAll(file, new ReadLimits(10, 1000, 64)))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("long.json: a JSON value near line 1")
                .hasMessageContaining("longer than the limit of 10 characters");
    }

    @Test
    void rejectsXmlTextLongerThanLimit() throws IOException {
        Path file = Files.writeString(
                dir.resolve("long.xml"), "<rows>\n<row><a>1</a></row>\n<row><a>12345678901</a></row>\n</rows>\n");

        assertThatThrownBy(() -> readAll(file, new ReadLimits(10, 1000, 64)))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("long.xml: the text of an element ending near line 3")
                .hasMessageContaining("longer than the limit of 10 characters");
    }

    @Test
    void signatureFindsDocumentsThatAreNoTables() {
        assertThat(FileSignature.ofText(utf8("%PDF-1.7\n"))).isEqualTo(FileSignature.PDF);
        assertThat(FileSignature.ofText(utf8("\r\n%PDF-1.4"))).isEqualTo(FileSignature.PDF);
        assertThat(FileSignature.ofText(utf8("  <!DOCTYPE HTML>\n<html>"))).isEqualTo(FileSignature.HTML);
        assertThat(FileSignature.ofText(utf8("\uFEFF<TABLE><TR><TD>1</TD></TR></TABLE>")))
                .isEqualTo(FileSignature.HTML);
        assertThat(FileSignature.ofText(utf8("<?xml version=\"1.0\"?>\n<!-- export -->\n<html xmlns=\"x\">")))
                .isEqualTo(FileSignature.HTML);
        assertThat(FileSignature.ofText(utf8("{\\rtf1\\ansi"))).isEqualTo(FileSignature.RTF);
    }

    @Test
    void signatureLeavesTablesAsText() {
        assertThat(FileSignature.ofText(utf8("<?xml version=\"1.0\"?>\n<rows><row/></rows>")))
                .isEqualTo(FileSignature.TEXT);
        assertThat(FileSignature.ofText(utf8("[{\"a\":1}]"))).isEqualTo(FileSignature.TEXT);
        assertThat(FileSignature.ofText(utf8("name,format\nreport,%PDF-1.4\n"))).isEqualTo(FileSignature.TEXT);
        assertThat(FileSignature.ofText(utf8("region,html\n1,<html>\n"))).isEqualTo(FileSignature.TEXT);
    }

    @Test
    void rejectsPdfNamedCsv() throws IOException {
        Path file = Files.writeString(dir.resolve("report.csv"), "%PDF-1.4\n1 0 obj\n<< >>\nendobj\n%%EOF\n");

        assertThatThrownBy(() -> readAll(file, defaults()))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessage("report.csv: this is a PDF document (it starts with %PDF), not a table, whatever its"
                        + " name says; send the table as CSV or XLSX");
    }

    @Test
    void rejectsHtmlNamedXls() throws IOException {
        Path file = Files.writeString(dir.resolve("export.xls"), "<html><body><table><tr><td>1</td></tr></table>");

        assertThatThrownBy(() -> readAll(file, defaults()))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("export.xls: this is an HTML web page");
    }

    private static ReadLimits defaults() {
        return new ReadLimits(1_000_000, 4 << 20, 64);
    }

    private static List<String[]> readAll(Path file, ReadLimits limits) throws IOException {
        UnloadOpener opener = new UnloadOpener(50, limits);
        List<String[]> rows = new ArrayList<>();
        try (UnloadTable table = opener.open(file, file.getFileName().toString(), null, AnalysisProgress.NONE)) {
            String[] row;
            while ((row = table.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(utf8(text));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
