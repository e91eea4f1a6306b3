package kz.opendata.hub.analysis.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kz.opendata.hub.analysis.types.ColumnProfiler;
import kz.opendata.hub.analysis.types.MissingValues;
import org.junit.jupiter.api.Test;

class CellCacheTest {

    @Test
    void givesRepeatedCellsOneNormalizedInstance() throws IOException {
        RowBatch batch = batchOf("Алматы ;x\n Алматы;x\nАлматы ;x\n");
        CellCache cache = new CellCache(8, MissingValues::valueOrNull, ColumnProfiler::hash);

        cache.read(batch, 0, 0);
        String first = cache.value();
        cache.read(batch, 2, 0);
        String third = cache.value();
        cache.read(batch, 1, 0);

        assertThat(first).isEqualTo("Алматы");
        assertThat(third).isSameAs(first);
        assertThat(cache.value()).isEqualTo("Алматы");
        assertThat(cache.valueHash()).isEqualTo(ColumnProfiler.hash("Алматы"));
    }

    @Test
    void readsMissingMarkersAndBlankCellsAsNull() throws IOException {
        RowBatch batch = batchOf("-;x\nнет данных;x\n;x\n  ;x\n-;x\n");
        CellCache cache = new CellCache(8, MissingValues::valueOrNull, ColumnProfiler::hash);

        for (int row = 0; row < batch.size(); row++) {
            cache.read(batch, row, 0);

            assertThat(cache.value()).as("row %d", row).isNull();
            assertThat(cache.valueHash()).as("row %d", row).isZero();
        }
    }

    /** 5,000 distinct values fill the 16 places, so the cache stops after 4,096 misses and reads on without it. */
    @Test
    void keepsReadingRightAfterItStops() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            text.append("код-").append(i).append(";x\n");
        }
        RowBatch batch = batchOf(text.toString());
        CellCache cache = new CellCache(16, MissingValues::valueOrNull, ColumnProfiler::hash);

        List<String> values = new ArrayList<>();
        for (int row = 0; row < batch.size(); row++) {
            cache.read(batch, row, 0);
            values.add(cache.value());
        }

        assertThat(values).hasSize(5_000);
        assertThat(values.get(0)).isEqualTo("код-0");
        assertThat(values.get(4_999)).isEqualTo("код-4999");
        assertThat(values).doesNotHaveDuplicates();
    }

    private static RowBatch batchOf(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        DetectedEncoding utf8 = new DetectedEncoding(StandardCharsets.UTF_8, 1.0, 0);
        TextDialect dialect = new TextDialect(';', false, false);
        List<RawRow> rows = new ArrayList<>();
        try (ByteDelimitedRowSource source = new ByteDelimitedRowSource(
                new ByteArrayInputStream(bytes), "cells.csv", utf8, dialect, Path.of("cells.csv"), 1 << 20)) {
            RawRow row;
            while ((row = source.next()) != null) {
                rows.add(row);
            }
        }
        RowBatch batch = new RowBatch(rows.size(), 0);
        for (RawRow row : rows) {
            batch.add((EncodedCells) row.cells());
        }
        return batch;
    }
}
