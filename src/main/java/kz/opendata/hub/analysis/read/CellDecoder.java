package kz.opendata.hub.analysis.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Decoder of the cells of a delimited text file, strict about invalid bytes. It also decides
 * whether a cell is blank from its bytes, decoding it only when a Unicode space may start it.
 */
final class CellDecoder {

    private static final byte BLANK = 0;
    private static final byte FILLED = 1;
    /** A UTF-8 lead byte of a range that contains whitespace characters, such as U+2000 or U+3000. */
    private static final byte UNDECIDED = 2;

    private final Charset charset;
    private final byte[] byteKinds;
    private final Function<CharacterCodingException, RuntimeException> invalid;

    /** @param invalid turns a byte sequence invalid in the charset into the error to raise */
    CellDecoder(Charset charset, Function<CharacterCodingException, RuntimeException> invalid) {
        this.charset = charset;
        this.invalid = invalid;
        this.byteKinds = charset.equals(StandardCharsets.UTF_8) ? utf8Kinds() : singleByteKinds(charset);
    }

    /**
     * Decodes one cell. A byte sequence that does not decode turns into U+FFFD, so only a cell
     * that contains U+FFFD is decoded again strictly, to tell invalid bytes from that character
     * written on purpose.
     */
    String decode(byte[] bytes, int from, int to) {
        String text = new String(bytes, from, to - from, charset);
        if (text.indexOf('\uFFFD') >= 0) {
            try {
                charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, from, to - from));
            } catch (CharacterCodingException e) {
                throw invalid.apply(e);
            }
        }
        return text;
    }

    /**
     * Returns true when the cell has a character that is not whitespace, as {@link String#isBlank}
     * decides. The cell is decoded only when its first byte other than ASCII whitespace may start
     * a Unicode space.
     */
    boolean isFilled(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte kind = byteKinds[bytes[i] & 0xff];
            if (kind == FILLED) {
                return true;
            }
            if (kind == UNDECIDED) {
                return !decode(bytes, from, to).isBlank();
            }
        }
        return false;
    }

    /**
     * Classifies UTF-8 bytes. Whitespace beyond ASCII lies at U+1680, U+2000 to U+205F and U+3000,
     * whose lead bytes are E1, E2 and E3. Every other byte that is not ASCII whitespace starts a
     * filled cell, including invalid bytes, which the decoding then rejects.
     */
    private static byte[] utf8Kinds() {
        byte[] kinds = new byte[256];
        for (int b = 0; b < 256; b++) {
            kinds[b] = b < 0x80 && Character.isWhitespace(b) ? BLANK : FILLED;
        }
        kinds[0xE1] = UNDECIDED;
        kinds[0xE2] = UNDECIDED;
        kinds[0xE3] = UNDECIDED;
        return kinds;
    }

    /** Classifies each byte of a single-byte charset by the character it decodes to. */
    private static byte[] singleByteKinds(Charset charset) {
        byte[] kinds = new byte[256];
        for (int b = 0; b < 256; b++) {
            String decoded = new String(new byte[] {(byte) b}, charset);
            boolean blank = decoded.length() == 1 && Character.isWhitespace(decoded.charAt(0));
            kinds[b] = blank ? BLANK : FILLED;
        }
        return kinds;
    }
}
