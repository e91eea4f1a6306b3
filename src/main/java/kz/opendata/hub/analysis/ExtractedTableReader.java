package kz.opendata.hub.analysis;

import java.io.IOException;
import java.util.List;
import kz.opendata.hub.analysis.read.ContainerExtractor.Extracted;

/** Reads a table taken out of an archive and deletes the extracted copy on close. */
final class ExtractedTableReader implements TableReader {

    private final TableReader table;
    private final Extracted extracted;

    ExtractedTableReader(TableReader table, Extracted extracted) {
        this.table = table;
        this.extracted = extracted;
    }

    @Override
    public List<String> header() {
        return table.header();
    }

    @Override
    public String[] next() throws IOException {
        return table.next();
    }

    @Override
    public void close() throws IOException {
        try {
            table.close();
        } finally {
            extracted.close();
        }
    }
}
