package kz.opendata.hub.approval;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Decompresses an RTF body stored as PidTagRtfCompressed, following Microsoft's MS-OXRTFCP.
 *
 * <p>A 16-byte little-endian header contains the compressed size (the bytes after this field), the
 * raw size, the type and a CRC. Type {@code MELA} stores the RTF as it is. Type {@code LZFu} is an
 * LZ77 stream over a 4096-byte ring dictionary that starts with a fixed RTF prologue: each control
 * byte gives, from its lowest bit up, whether the next 8 tokens are literal bytes (0) or 2-byte
 * big-endian references (1) of a 12-bit dictionary offset and a 4-bit length less 2. A reference
 * to the current write offset ends the stream. The CRC covers the bytes after the header.
 */
final class CompressedRtf {

    static final int LZFU = 0x75465A4C;
    static final int MELA = 0x414C454D;

    private static final int HEADER = 16;
    private static final int DICTIONARY_SIZE = 4096;

    /** The dictionary's first bytes, which MS-OXRTFCP fixes; the CRLF belongs to it. */
    static final String PROLOGUE = "{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss"
            + " \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0"
            + "\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx";

    private static final int[] CRC_TABLE = crcTable();

    private CompressedRtf() {}

    /**
     * Returns the RTF bytes; throws {@link IllegalArgumentException} when the header is unknown,
     * the sizes do not fit the data or the CRC does not match.
     */
    static byte[] decompress(byte[] data) {
        if (data.length < HEADER) {
            throw new IllegalArgumentException("compressed RTF has " + data.length + " bytes, fewer than its header");
        }
        ByteBuffer header = ByteBuffer.wrap(data, 0, HEADER).order(ByteOrder.LITTLE_ENDIAN);
        long end = (header.getInt() & 0xFFFFFFFFL) + 4;
        long rawSize = header.getInt() & 0xFFFFFFFFL;
        int type = header.getInt();
        int crc = header.getInt();
        if (end < HEADER || end > data.length) {
            throw new IllegalArgumentException(
                    "compressed RTF declares a size of " + end + " bytes but the data has " + data.length);
        }
        if (type == MELA) {
            return java.util.Arrays.copyOfRange(data, HEADER, (int) Math.min(end, HEADER + rawSize));
        }
        if (type != LZFU) {
            throw new IllegalArgumentException("compressed RTF type 0x" + Integer.toHexString(type) + " is unknown");
        }
        if (crc(data, HEADER, (int) end) != crc) {
            throw new IllegalArgumentException("compressed RTF fails its CRC check; the stream is damaged");
        }
        return inflate(data, (int) end, rawSize);
    }

    private static byte[] inflate(byte[] data, int end, long rawSize) {
        byte[] dictionary = new byte[DICTIONARY_SIZE];
        byte[] prologue = PROLOGUE.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(prologue, 0, dictionary, 0, prologue.length);
        int write = prologue.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int in = HEADER;
        while (in < end) {
            int control = data[in++] & 0xFF;
            for (int bit = 0; bit < 8 && in < end; bit++) {
                if ((control & (1 << bit)) == 0) {
                    dictionary[write] = data[in++];
                    out.write(dictionary[write]);
                    write = (write + 1) % DICTIONARY_SIZE;
                    continue;
                }
                if (in + 1 >= end) {
                    throw new IllegalArgumentException("compressed RTF ends inside a dictionary reference");
                }
                int reference = (data[in] & 0xFF) << 8 | data[in + 1] & 0xFF;
                in += 2;
                int offset = reference >>> 4;
                if (offset == write) {
                    return limit(out, rawSize);
                }
                for (int i = 0; i < (reference & 0xF) + 2; i++) {
                    // Copy byte by byte: a reference may overlap the bytes it writes.
                    dictionary[write] = dictionary[(offset + i) % DICTIONARY_SIZE];
                    out.write(dictionary[write]);
                    write = (write + 1) % DICTIONARY_SIZE;
                }
            }
        }
        return limit(out, rawSize);
    }

    private static byte[] limit(ByteArrayOutputStream out, long rawSize) {
        byte[] bytes = out.toByteArray();
        return bytes.length > rawSize ? java.util.Arrays.copyOf(bytes, (int) rawSize) : bytes;
    }

    /** CRC-32 with the reflected polynomial 0xEDB88320, started at 0 and not inverted at the end. */
    static int crc(byte[] data, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc = CRC_TABLE[(crc ^ data[i]) & 0xFF] ^ (crc >>> 8);
        }
        return crc;
    }

    private static int[] crcTable() {
        int[] table = new int[256];
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            }
            table[n] = c;
        }
        return table;
    }
}
