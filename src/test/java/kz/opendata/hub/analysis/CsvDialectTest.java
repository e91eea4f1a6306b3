package kz.opendata.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDialectTest {

    @TempDir
    Path dir;

    private final AnalysisService service = new AnalysisService();

    @Test
    void readsPipeDelimitedFile() throws IOException {
        Path file = write("pipe.txt", "Код|Название|Сумма\n01|Алматы|1 250,5\n02|Астана|980\n");

        AnalysisReport report = service.analyze(file, "pipe.txt");

        assertThat(report.source().delimiter()).isEqualTo("|");
        assertThat(report.rowCount()).isEqualTo(2);
        assertThat(report.columns().get(2).type()).isEqualTo("number");
    }

    @Test
    void readsBackslashEscapedQuotes() throws IOException {
        Path file = write("escaped.csv", "id,name\n1,\"ТОО \\\"Алма\\\"\"\n2,\"ИП \\\"Береке\\\"\"\n");

        List<String[]> rows = rows(file, "escaped.csv");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)[1]).isEqualTo("ТОО \"Алма\"");
        assertThat(rows.get(1)[1]).isEqualTo("ИП \"Береке\"");
    }

    @Test
    void skipsCommentLines() throws IOException {
        Path file = write(
                "commented.csv", "# выгрузка от 01.03.2024\n# система: ЕИС\nРегион,Год\nАбай,2022\nЖетісу,2023\n");

        AnalysisReport report = service.analyze(file, "commented.csv");

        assertThat(report.rowCount()).isEqualTo(2);
        assertThat(report.source().headerRow()).isEqualTo(3);
        assertThat(report.columns()).extracting(ColumnReport::name).containsExactly("Регион", "Год");
        assertThat(report.problems())
                .anyMatch(p -> p.code().equals("comment-lines") && p.message().startsWith("2 "));
    }

    @Test
    void dropsExcelTrailingEmptyColumns() throws IOException {
        Path file = write("excel.csv", "Регион;Год;;;\r\nАбай;2022;;;\r\nЖетісу;2023;;;\r\n");

        AnalysisReport report = service.analyze(file, "excel.csv");

        assertThat(report.columns()).extracting(ColumnReport::name).containsExactly("Регион", "Год");
        assertThat(report.problems()).extracting(Problem::code).doesNotContain("ragged-row", "blank-header");
    }

    @Test
    void rejectsQuoteThatNeverCloses() throws IOException {
        Path file = write("broken.csv", "id,name\n1,Алматы\n2,\"Астана\n3,Шымкент\n4,Актобе\n");

        assertThatThrownBy(() -> service.analyze(file, "broken.csv"))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("broken.csv")
                .hasMessageContaining("line 3")
                .hasMessageContaining("never closes")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Астана"));
    }

    @Test
    void readsUtf16UnicodeTextSave() throws IOException {
        // Excel's "Unicode text" save: UTF-16LE with a byte order mark, tab-separated.
        String text = "\uFEFFРегион\tГод\tНаселение\r\nАбай\t2022\t607495\r\nҰлытау\t2022\t221014\r\n";
        Path file = Files.write(dir.resolve("unicode.txt"), text.getBytes(StandardCharsets.UTF_16LE));

        AnalysisReport report = service.analyze(file, "unicode.txt");

        assertThat(report.source().encoding()).isEqualTo("UTF-16LE");
        assertThat(report.source().encodingConfidence()).isEqualTo(1.0);
        assertThat(report.source().format()).isEqualTo("tsv");
        assertThat(report.columns()).extracting(ColumnReport::name).containsExactly("Регион", "Год", "Население");
        assertThat(report.columns().get(2).max()).isEqualTo("607495");
    }

    @Test
    void readsKoi8rAndCp866Files() throws IOException {
        String text = "Регион;Наименование учреждения;Телефон\nАкмолинская;Областная больница;(7162) 25-15-31\n"
                + "Костанайская;Городская поликлиника;(7142) 53-14-02\n";
        for (String charset : new String[] {"KOI8-R", "IBM866"}) {
            Path file = Files.write(dir.resolve(charset + ".csv"), text.getBytes(Charset.forName(charset)));

            AnalysisReport report = service.analyze(file, charset + ".csv");

            assertThat(report.source().encoding()).as(charset).isEqualTo(charset);
            assertThat(report.columns().get(1).name()).as(charset).isEqualTo("Наименование учреждения");
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private List<String[]> rows(Path file, String name) throws IOException {
        AnalysisReport report = service.analyze(file, name);
        List<String[]> rows = new ArrayList<>();
        try (TableReader table = service.openTable(file, report.source())) {
            String[] row;
            while ((row = table.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }
}
