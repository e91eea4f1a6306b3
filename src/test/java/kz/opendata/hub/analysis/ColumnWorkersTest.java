package kz.opendata.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.opendata.hub.analysis.ColumnReport.ValueCount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnWorkersTest {

    @TempDir
    Path dir;

    @Test
    void shareOutBalancesMeasuredCosts() {
        // Costliest first: 0 (5) to the first worker, 2 (4) and 3 (3) to the second, 4 (3) to the
        // first, which then has 8 against 7, and 1 (1) to the second: 8 each.
        List<int[]> shares = ColumnWorkers.shareOut(new long[] {5, 1, 4, 3, 3}, 2);

        assertThat(shares).hasSize(2);
        assertThat(shares.get(0)).containsExactly(0, 4);
        assertThat(shares.get(1)).containsExactly(1, 2, 3);
    }

    /**
     * 10,000 rows: the first 4,096 go through the calling thread and the rest through the workers,
     * so every expected count below spans both.
     */
    @Test
    void countsRowsReadBeforeAndAfterWorkersStart() throws IOException {
        StringBuilder csv = new StringBuilder("Код;Категория;Примечание\n");
        for (int i = 1; i <= 10_000; i++) {
            csv.append(i).append(';').append("кат-").append(i % 7).append(';');
            csv.append(i % 10 == 0 ? "" : "текст " + (i % 3)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("long.csv"), csv);

        AnalysisReport report = new AnalysisService().analyze(file, "long.csv");

        assertThat(report.rowCount()).isEqualTo(10_000);
        ColumnReport code = report.columns().get(0);
        assertThat(code.type()).isEqualTo("integer");
        assertThat(code.unique()).isTrue();
        assertThat(code.min()).isEqualTo("1");
        assertThat(code.max()).isEqualTo("10000");
        ColumnReport category = report.columns().get(1);
        assertThat(category.distinctCount()).isEqualTo(7);
        // i % 7 is 1, 2, 3 or 4 in 1,429 rows each (i = 4, 11, ..., 10000 for 4) and 0, 5 or 6 in
        // 1,428. The top five list ties by value.
        assertThat(category.topValues())
                .containsExactly(
                        new ValueCount("кат-1", 1429),
                        new ValueCount("кат-2", 1429),
                        new ValueCount("кат-3", 1429),
                        new ValueCount("кат-4", 1429),
                        new ValueCount("кат-0", 1428));
        ColumnReport note = report.columns().get(2);
        assertThat(note.nullCount()).isEqualTo(1000);
        assertThat(note.distinctCount()).isEqualTo(3);
    }
}
