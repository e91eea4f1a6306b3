package kz.opendata.hub.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * Compressed RTF (MS-OXRTFCP). The streams are compressed by hand in the tests: literal bytes and
 * dictionary references chosen per the specification, and a CRC worked out with {@link CRC32}.
 */
class CompressedRtfTest {

    @Test
    void decompressesSpecificationExample() {
        // The example stream printed in MS-OXRTFCP for "{\rtf1\ansi\ansicpg1252\pard hello world}" CRLF.
        byte[] compressed = HexFormat.of()
                .parseHex("2d0000002b0000004c5a4675f1c5c7a703000a0072637067313235423"
                        + "20af32068656c090020627705b06c647d0a800fa0");

        byte[] rtf = CompressedRtf.decompress(compressed);

        assertThat(new String(rtf, StandardCharsets.US_ASCII))
                .isEqualTo("{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n");
    }

    @Test
    void decompressesHandCompressedKazakhReply() {
        // "{\rtf1\ansi" is 12 bytes at offset 0 of the dictionary: reference 0x000A. The rest is
        // literal, and "Келісілді" is written with the control word u, so the text does not depend on a code page.
        String rest = "ansicpg1251\\deff0{\\fonttbl{\\f0\\fswiss\\fcharset204 Arial;}}\\pard\\f0 "
                + "\\u1050?\\u1077?\\u1083?\\u1110?\\u1089?\\u1110?\\u1083?\\u1076?\\u1110?.\\par "
                + "\\u1178?\\u1201?\\u1088?\\u1084?\\u1077?\\u1090?\\u1087?\\u1077?\\u1085?,\\par}";
        byte[] compressed = new Lzfu().reference(0, 12).literals(rest).end().bytes();

        byte[] rtf = CompressedRtf.decompress(compressed);

        assertThat(new String(rtf, StandardCharsets.US_ASCII)).isEqualTo("{\\rtf1\\ansi\\" + rest);
        assertThat(RtfText.toText(rtf)).isEqualTo("Келісілді.\nҚұрметпен,");
    }

    @Test
    void readsUncompressedMelaVariant() {
        byte[] rtf = "{\\rtf1\\ansi\\ansicpg1251 \\'d1\\'ee\\'e3\\'eb\\'e0\\'f1\\'ee\\'e2\\'e0\\'ed\\'ee.\\par}"
                .getBytes(StandardCharsets.US_ASCII);
        ByteBuffer stream = ByteBuffer.allocate(16 + rtf.length).order(ByteOrder.LITTLE_ENDIAN);
        stream.putInt(12 + rtf.length)
                .putInt(rtf.length)
                .putInt(0x414C454D)
                .putInt(0)
                .put(rtf);

        byte[] read = CompressedRtf.decompress(stream.array());

        assertThat(read).isEqualTo(rtf);
        // D1 EE E3 EB E0 F1 EE E2 E0 ED EE is "Согласовано" in the windows-1251 table.
        assertThat(RtfText.toText(read)).isEqualTo("Согласовано.");
    }

    @Test
    void rejectsDamagedCrc() {
        byte[] compressed = new Lzfu().literals("{\\rtf1 x}").end().bytes();
        compressed[20] ^= 0x01;

        assertThatThrownBy(() -> CompressedRtf.decompress(compressed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CRC");
    }

    @Test
    void rejectsSizeBeyondData() {
        byte[] compressed = new Lzfu().literals("{\\rtf1 x}").end().bytes();
        ByteBuffer.wrap(compressed).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 5000);

        assertThatThrownBy(() -> CompressedRtf.decompress(compressed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("declares");
    }

    /**
     * Writes an LZFu stream token by token. It tracks the dictionary's write offset only to place
     * the end marker: 207 bytes of prologue, then one byte per output byte, modulo 4096.
     */
    static final class Lzfu {

        private static final int PROLOGUE_LENGTH = 207;

        private final ByteArrayOutputStream tokens = new ByteArrayOutputStream();
        private final ByteArrayOutputStream run = new ByteArrayOutputStream();
        private int control;
        private int count;
        private int written;

        Lzfu literals(String ascii) {
            for (byte b : ascii.getBytes(StandardCharsets.US_ASCII)) {
                token(false, new byte[] {b});
                written++;
            }
            return this;
        }

        Lzfu reference(int offset, int length) {
            int value = offset << 4 | (length - 2);
            token(true, new byte[] {(byte) (value >> 8), (byte) value});
            written += length;
            return this;
        }

        Lzfu end() {
            int offset = (PROLOGUE_LENGTH + written) % 4096;
            token(true, new byte[] {(byte) (offset >> 4), (byte) (offset << 4)});
            flush();
            return this;
        }

        byte[] bytes() {
            byte[] body = tokens.toByteArray();
            ByteBuffer stream = ByteBuffer.allocate(16 + body.length).order(ByteOrder.LITTLE_ENDIAN);
            stream.putInt(12 + body.length)
                    .putInt(written)
                    .putInt(0x75465A4C)
                    .putInt(specCrc(body))
                    .put(body);
            return stream.array();
        }

        private void token(boolean reference, byte[] data) {
            if (reference) {
                control |= 1 << count;
            }
            run.writeBytes(data);
            if (++count == 8) {
                flush();
            }
        }

        private void flush() {
            if (count == 0) {
                return;
            }
            tokens.write(control);
            tokens.writeBytes(run.toByteArray());
            run.reset();
            control = 0;
            count = 0;
        }

        /**
         * The MS-OXRTFCP CRC starts at 0 and skips the final inversion. CRC-32 is linear, so it
         * equals the usual CRC-32 of the data XOR the usual CRC-32 of as many zero bytes.
         */
        private static int specCrc(byte[] data) {
            CRC32 crc = new CRC32();
            crc.update(data);
            CRC32 zeros = new CRC32();
            zeros.update(new byte[data.length]);
            return (int) (crc.getValue() ^ zeros.getValue());
        }
    }
}
