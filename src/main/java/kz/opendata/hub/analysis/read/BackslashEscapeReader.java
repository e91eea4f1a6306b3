package kz.opendata.hub.analysis.read;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Rewrites backslash escapes into the doubled quotes of RFC 4180, so the CSV parser reads them:
 * {@code \"} becomes {@code ""} and {@code \\} becomes {@code \}.
 */
final class BackslashEscapeReader extends FilterReader {

    private int pending = -1;

    BackslashEscapeReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        if (pending >= 0) {
            int c = pending;
            pending = -1;
            return c;
        }
        int c = in.read();
        if (c != '\\') {
            return c;
        }
        int next = in.read();
        if (next == '"') {
            pending = '"';
            return '"';
        }
        if (next == '\\' || next < 0) {
            return '\\';
        }
        pending = next;
        return '\\';
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int count = 0;
        while (count < length) {
            // Only block for the first character, then stop when the source has nothing ready.
            if (count > 0 && pending < 0 && !in.ready()) {
                break;
            }
            int c = read();
            if (c < 0) {
                return count == 0 ? -1 : count;
            }
            buffer[offset + count++] = (char) c;
        }
        return count;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
