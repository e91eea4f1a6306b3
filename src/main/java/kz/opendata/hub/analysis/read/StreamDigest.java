package kz.opendata.hub.analysis.read;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Computes a file's SHA-256 from the same stream the parser reads, so the file is read once. The
 * parser gets a stream it cannot close, because Jackson and StAX close their input at its end,
 * before the digest is finished.
 */
final class StreamDigest implements Closeable {

    private final DigestInputStream in;

    StreamDigest(InputStream file) {
        try {
            this.in = new DigestInputStream(file, MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    InputStream stream() {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // Closed by StreamDigest.close, after the digest is finished.
            }
        };
    }

    /** Reads what the parser left unread, such as bytes after the last record, and returns the hex digest. */
    String finish() throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
        return HexFormat.of().formatHex(in.getMessageDigest().digest());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
