package kz.opendata.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextUnloadTest {

    @TempDir
    Path dir;

    private final AnalysisService service = new AnalysisService();

    @Test
    void reportsRaggedRowsBlankAndDuplicateHeaders() throws IOException {
        Path file = Files.writeString(dir.resolve("ragged.csv"), """
                Код,,Название,Название
                1,a,Первый,x
                2,b,Второй
                3,c,Третий,z,extra

                4,d,Четвёртый,w
                """);

        AnalysisReport report = service.analyze(file, "ragged.csv");

        assertThat(report.rowCount()).isEqualTo(4);
        assertThat(report.columns())
                .extracting(ColumnReport::technicalName)
                .containsExactly("kod", "column_2", "nazvanie", "nazvanie_2");
        assertThat(report.problems())
                .extracting(Problem::code)
                .contains("ragged-row", "cells-outside-table", "blank-header", "duplicate-header", "blank-rows");
        assertThat(report.problems())
                .filteredOn(p -> p.code().equals("ragged-row"))
                .singleElement()
                .satisfies(p -> assertThat(p.location()).isEqualTo("line 3"));
    }

    /**
     * One cell with an exponent of nine digits ran the analysis out of memory with a 256 MB heap,
     * and one of sixteen digits failed the whole file. Both are text now.
     */
    @Test
    void hugeExponentsLeaveColumnAsText() throws IOException {
        Path file = Files.writeString(dir.resolve("exponents.csv"), """
                Код;Значение;Доля
                1;1e999999999;1.5E+300
                2;1e59490220130848;2e-999
                3;5;7
                """);

        AnalysisReport report = service.analyze(file, "exponents.csv");

        assertThat(report.rowCount()).isEqualTo(3);
        assertThat(report.columns().get(1).type()).isEqualTo("string");
        assertThat(report.columns().get(2).type()).isEqualTo("number");
        assertThat(report.columns().get(2).min()).isEqualTo("0." + "0".repeat(998) + "2");
        assertThat(report.columns().get(2).max()).isEqualTo("15" + "0".repeat(299));
    }

    @Test
    void readsWindows1251WithSemicolons() throws IOException {
        String text = "Регион;Год;Население\r\nАкмолинская;2021;735566\r\nАқтөбе;2021;894333\r\n";
        Path file = Files.write(dir.resolve("pop.csv"), text.getBytes(Charset.forName("windows-1251")));

        AnalysisReport report = service.analyze(file, "pop.csv");

        assertThat(report.source().encoding()).isEqualTo("windows-1251");
        assertThat(report.source().delimiter()).isEqualTo(";");
        assertThat(report.columns()).extracting(ColumnReport::name).containsExactly("Регион", "Год", "Население");
        assertThat(report.columns().get(2).max()).isEqualTo("894333");
    }

    @Test
    void openTableRereadsWithSameEncodingAndDelimiter() throws IOException {
        Path file = Corpus.file("mos/registry-offices-excel-cp1251.csv");
        AnalysisReport report = service.analyze(file, "registry-offices-excel-cp1251.csv");

        List<String[]> rows = new ArrayList<>();
        try (TableReader table = service.openTable(file, report.source())) {
            assertThat(table.header()).containsExactly("№ строки", "Название", "Адрес", "Телефон", "Сайт");
            String[] row;
            while ((row = table.next()) != null) {
                rows.add(row);
            }
        }

        assertThat(rows).hasSize(38);
        assertThat(rows.get(1)[1]).isEqualTo("Управление ЗАГС Москвы");
    }

    @Test
    void reportsProgressUpToFileSize() throws IOException {
        Path file = Corpus.file("mos/kindergartens.csv");
        long size = Files.size(file);
        List<long[]> updates = new ArrayList<>();

        service.analyze(file, "kindergartens.csv", (read, total) -> updates.add(new long[] {read, total}));

        assertThat(updates).isNotEmpty();
        assertThat(updates).allMatch(update -> update[1] == size && update[0] <= size);
        assertThat(updates.get(updates.size() - 1)[0]).isEqualTo(size);
    }

    @Test
    void rejectsFileWithHeaderOnly() throws IOException {
        Path file = Files.writeString(dir.resolve("header.csv"), "Регион,Год\n");

        assertThatThrownBy(() -> service.analyze(file, "header.csv"))
                .isInstanceOf(UnreadableUnloadException.class)
                .hasMessageContaining("header.csv")
                .hasMessageContaining("the header on line 1 has 2 columns, but no data rows follow it");
    }

    @Test
    void tableOfOnlyNamesIsNoCandidate() throws IOException {
        Path file = Files.writeString(dir.resolve("people.csv"), """
                №,ФИО
                1,Иванова Наталья Николаевна
                2,Кузнецов Андрей Сергеевич
                """);

        AnalysisReport report = service.analyze(file, "people.csv");

        assertThat(report.verdict()).isEqualTo(Verdict.NOT_CANDIDATE);
        assertThat(report.criteria().restrictedData().pass()).isFalse();
    }
}
