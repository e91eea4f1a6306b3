package kz.opendata.hub.analysis.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Finds the first byte sequence that is invalid in a charset, by line and byte offset, so a reason
 * points at the exact line instead of repeating a decoder's message.
 *
 * @param line 1-based line number; a line ends at a line feed, a carriage return or both together,
 *     as in the delimited readers
 * @param byteOffset 0-based offset of the first invalid byte from the start of the stream
 */
record InvalidText(long line, long byteOffset) {

    private static final int CHUNK = 1 << 16;

    /**
     * Decodes the stream strictly up to its first invalid byte sequence.
     *
     * @param complete true when the stream is the whole file, so a multi-byte character cut at its
     *     end is invalid; false for a sample, where such a cut is not reported
     * @return the place, or null when every byte decodes
     */
    static InvalidText find(InputStream in, Charset charset, boolean complete) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
        CharBuffer chars = CharBuffer.allocate(CHUNK);
        long consumed = 0;
        LineBreaks lineBreaks = new LineBreaks();
        boolean ended = false;
        while (!ended || bytes.position() > 0) {
            ended = ended || fill(in, bytes);
            bytes.flip();
            int start = bytes.position();
            CoderResult result = decoder.decode(bytes, chars, ended && complete);
            consumed += bytes.position() - start;
            lineBreaks.count(chars);
            if (result.isError()) {
                return new InvalidText(lineBreaks.count + 1, consumed);
            }
            boolean stuck = bytes.position() == start && ended;
            bytes.compact();
            if (stuck) {
                // Only a character cut at the end of a sample is left; it is not an error.
                return null;
            }
        }
        return null;
    }

    /** Reads into the buffer's free space and returns true at the end of the stream. */
    private static boolean fill(InputStream in, ByteBuffer bytes) throws IOException {
        int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (read < 0) {
            return true;
        }
        bytes.position(bytes.position() + read);
        return false;
    }

    /** Counts line breaks over the decoded chunks, a carriage return and a line feed together once. */
    private static final class LineBreaks {

        private long count;
        private boolean afterCarriageReturn;

        void count(CharBuffer chars) {
            chars.flip();
            while (chars.hasRemaining()) {
                char c = chars.get();
                if (c == '\r' || (c == '\n' && !afterCarriageReturn)) {
                    count++;
                }
                afterCarriageReturn = c == '\r';
            }
            chars.clear();
        }
    }
}
