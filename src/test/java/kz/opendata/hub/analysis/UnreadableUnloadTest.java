package kz.opendata.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnreadableUnloadTest {

    @TempDir
    Path dir;

    private final AnalysisService service = new AnalysisService();

    @Test
    void rejectsEmptyFile() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.csv"));

        assertThatThrownBy(() -> service.analyze(file, "empty.csv"))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("empty.csv")
                .hasMessageContaining("empty (0 bytes)")
                .hasMessageContaining("send");
    }

    @Test
    void rejectsBinaryFileNamedCsv() throws IOException {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        noise[10] = 0;
        Path file = Files.write(dir.resolve("payments.csv"), noise);

        assertThatThrownBy(() -> service.analyze(file, "payments.csv"))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("payments.csv")
                .hasMessageContaining("binary")
                .hasMessageContaining("CSV in UTF-8 or as XLSX");
    }

    @Test
    void rejectsWorkbookWithoutTable() throws IOException {
        Path file = dir.resolve("blank.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Лист1");
            workbook.createSheet("Лист2").createRow(3).createCell(2);
            workbook.write(out);
        }

        assertThatThrownBy(() -> service.analyze(file, "blank.xlsx"))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("blank.xlsx")
                .hasMessageContaining("no visible sheet contains a table")
                .hasMessageContaining("first sheet");
    }

    @Test
    void rejectsFileOfBlankLines() throws IOException {
        Path file = Files.writeString(dir.resolve("blank.csv"), "\n \n\t\n");

        assertThatThrownBy(() -> service.analyze(file, "blank.csv"))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("blank.csv")
                .hasMessageContaining("every line of the file is blank");
    }

    @Test
    void rejectsDamagedWorkbookWithoutItsContent() throws IOException {
        byte[] xls = Files.readAllBytes(Corpus.file("stat-kz/environment-spending.xls"));
        byte[] truncated = java.util.Arrays.copyOf(xls, 2048);
        Path file = Files.write(dir.resolve("cut.xls"), truncated);

        assertThatThrownBy(() -> service.analyze(file, "cut.xls"))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("cut.xls")
                .hasMessageContaining("damaged")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Республика"));
    }

    @Test
    void rejectsLateInvalidUtf8() throws IOException {
        StringBuilder text = new StringBuilder("id;name\n");
        for (int i = 1; i <= 60_000; i++) {
            text.append(i).append(";Алматы\n");
        }
        byte[] head = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = "60001;\u0410\u043b\u043c\u0430\u0442\u044b\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1251"));
        byte[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        Path file = Files.write(dir.resolve("mixed.csv"), all);

        assertThatThrownBy(() -> service.analyze(file, "mixed.csv"))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("mixed.csv")
                .hasMessageContaining("invalid UTF-8")
                // Line 1 is the header and rows 1..60000 fill lines 2..60001, so the Windows-1251 row
                // is line 60002. It starts after 8 header bytes and 60000 rows of their digits (288894
                // in all) plus 14 bytes each (";", six two-byte letters, "\n"): 8 + 288894 + 840000 =
                // 1128902, and its first letter follows the 6 bytes of "60001;".
                .hasMessageContaining("on line 60002 (byte offset 1128908)");
    }

    @Test
    void rejectsInvalidUtf8OutsideTheTableColumns() throws IOException {
        StringBuilder text = new StringBuilder("id;name\n");
        for (int i = 1; i <= 60_000; i++) {
            text.append(i).append(";Алматы\n");
        }
        // A third field, right of the table's two columns, in bytes that are Windows-1251 text.
        text.append("60001;Астана;");
        byte[] head = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] extra = {(byte) 0xC0, (byte) 0xEB, '\n'};
        byte[] all = java.util.Arrays.copyOf(head, head.length + extra.length);
        System.arraycopy(extra, 0, all, head.length, extra.length);
        Path file = Files.write(dir.resolve("extra.csv"), all);

        assertThatThrownBy(() -> service.analyze(file, "extra.csv"))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining(
                        "invalid UTF-8 byte sequence on line 60002 (byte offset %d)".formatted(head.length));
    }
}
