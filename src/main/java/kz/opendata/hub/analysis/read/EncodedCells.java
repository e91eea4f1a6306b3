package kz.opendata.hub.analysis.read;

import java.util.AbstractList;

/**
 * The cells of one record of a delimited text file, kept as the file's bytes and decoded when
 * read. A column worker decodes the cells of its own columns, so the parsing thread never makes
 * their strings, and the worker reads them from its own core's cache.
 */
final class EncodedCells extends AbstractList<String> {

    private final CellDecoder decoder;
    private final byte[] bytes;
    /** End of each cell in {@link #bytes}; a cell starts where the one before it ends. */
    private final int[] ends;

    EncodedCells(CellDecoder decoder, byte[] bytes, int[] ends) {
        this.decoder = decoder;
        this.bytes = bytes;
        this.ends = ends;
    }

    @Override
    public String get(int index) {
        return decoder.decode(bytes, start(index), ends[index]);
    }

    @Override
    public int size() {
        return ends.length;
    }

    boolean isFilled(int index) {
        return decoder.isFilled(bytes, start(index), ends[index]);
    }

    /** Returns the cell's length in bytes, never fewer than its characters in these encodings. */
    int byteLength(int index) {
        return ends[index] - start(index);
    }

    /** Returns the cell's text, or null when the cell is missing or blank. */
    String filledOrNull(int index) {
        if (index >= ends.length || !isFilled(index)) {
            return null;
        }
        return get(index);
    }

    byte[] bytes() {
        return bytes;
    }

    int start(int index) {
        return index == 0 ? 0 : ends[index - 1];
    }
}
