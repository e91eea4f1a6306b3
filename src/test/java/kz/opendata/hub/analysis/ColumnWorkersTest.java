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
     * 40,000 rows make 78 batches of 512, so the workers share the columns out again after the
     * 64th batch and every expected count below spans both shares.
     */
    @Test
    void countsRowsAcrossRebalancing() throws IOException {
        StringBuilder csv = new StringBuilder("Код;Категория;Примечание\n");
        for (int i = 1; i <= 40_000; i++) {
            csv.append(i).append(';').append("кат-").append(i % 7).append(';');
            csv.append(i % 10 == 0 ? "" : "текст " + (i % 3)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("long.csv"), csv);

        AnalysisReport report = new AnalysisService().analyze(file, "long.csv");

        assertThat(report.rowCount()).isEqualTo(40_000);
        ColumnReport code = report.columns().get(0);
        assertThat(code.type()).isEqualTo("integer");
        assertThat(code.min()).isEqualTo("1");
        assertThat(code.max()).isEqualTo("40000");
        ColumnReport category = report.columns().get(1);
        assertThat(category.distinctCount()).isEqualTo(7);
        // 40,000 = 7 * 5,714 + 2, so i % 7 is 1 or 2 in 5,715 rows each and 0, 3, 4, 5 or 6 in
        // 5,714. The top five list ties by value.
        assertThat(category.topValues())
                .containsExactly(
                        new ValueCount("кат-1", 5715),
                        new ValueCount("кат-2", 5715),
                        new ValueCount("кат-0", 5714),
                        new ValueCount("кат-3", 5714),
                        new ValueCount("кат-4", 5714));
        ColumnReport note = report.columns().get(2);
        assertThat(note.nullCount()).isEqualTo(4000);
        assertThat(note.distinctCount()).isEqualTo(3);
    }

    /**
     * 300,000 rows make 586 batches of 512, so the workers share the columns out again after the
     * 64th and the 512th batch, and every expected count below spans all three shares.
     */
    @Test
    void countsRowsAcrossBothRebalances() throws IOException {
        StringBuilder csv = new StringBuilder("Код;Категория;Примечание\n");
        for (int i = 1; i <= 300_000; i++) {
            csv.append(i).append(';').append("кат-").append(i % 7).append(';');
            csv.append(i % 10 == 0 ? "" : "текст " + (i % 3)).append('\n');
        }
        Path file = Files.writeString(dir.resolve("longer.csv"), csv);

        AnalysisReport report = new AnalysisService().analyze(file, "longer.csv");

        assertThat(report.rowCount()).isEqualTo(300_000);
        ColumnReport code = report.columns().get(0);
        assertThat(code.min()).isEqualTo("1");
        assertThat(code.max()).isEqualTo("300000");
        // 300,000 = 7 * 42,857 + 1, so i % 7 is 1 in 42,858 rows and any other remainder in 42,857.
        assertThat(report.columns().get(1).topValues())
                .containsExactly(
                        new ValueCount("кат-1", 42_858),
                        new ValueCount("кат-0", 42_857),
                        new ValueCount("кат-2", 42_857),
                        new ValueCount("кат-3", 42_857),
                        new ValueCount("кат-4", 42_857));
        // Every tenth row leaves the note empty: 30,000 rows.
        assertThat(report.columns().get(2).nullCount()).isEqualTo(30_000);
    }
}
