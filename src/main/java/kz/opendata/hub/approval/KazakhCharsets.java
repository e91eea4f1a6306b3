package kz.opendata.hub.approval;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The two 8-bit Kazakh code pages that Java 17 does not ship: KZ-1048 (the Kazakh standard STRK
 * 1048-2002, windows-1251 with eight letter pairs replaced) and PTCP154 (ParaType's Cyrillic-Asian
 * page). Both keep ASCII in the lower half and А-я at 0xC0-0xFF, and differ in 0x80-0xBF, which
 * the tables below list as Unicode code points; they agree with Python 3's kz1048 and ptcp154
 * codecs, which the tests use as the reference.
 */
final class KazakhCharsets {

    /** KZ-1048 at 0x80-0xBF; U+FFFD marks 0x98, which the code page leaves undefined. */
    private static final String KZ_1048_UPPER = "\u0402\u0403\u201A\u0453\u201E\u2026\u2020\u2021"
            + "\u20AC\u2030\u0409\u2039\u040A\u049A\u04BA\u040F"
            + "\u0452\u2018\u2019\u201C\u201D\u2022\u2013\u2014"
            + "\uFFFD\u2122\u0459\u203A\u045A\u049B\u04BB\u045F"
            + "\u00A0\u04B0\u04B1\u04D8\u00A4\u04E8\u00A6\u00A7"
            + "\u0401\u00A9\u0492\u00AB\u00AC\u00AD\u00AE\u04AE"
            + "\u00B0\u00B1\u0406\u0456\u04E9\u00B5\u00B6\u00B7"
            + "\u0451\u2116\u0493\u00BB\u04D9\u04A2\u04A3\u04AF";

    /** PTCP154 at 0x80-0xBF. */
    private static final String PTCP154_UPPER = "\u0496\u0492\u04EE\u0493\u201E\u2026\u04B6\u04AE"
            + "\u04B2\u04AF\u04A0\u04E2\u04A2\u049A\u04BA\u04B8"
            + "\u0497\u2018\u2019\u201C\u201D\u2022\u2013\u2014"
            + "\u04B3\u04B7\u04A1\u04E3\u04A3\u049B\u04BB\u04B9"
            + "\u00A0\u040E\u045E\u0408\u04E8\u0498\u04B0\u00A7"
            + "\u0401\u00A9\u04D8\u00AB\u00AC\u04EF\u00AE\u049C"
            + "\u00B0\u04B1\u0406\u0456\u0499\u04E9\u00B6\u00B7"
            + "\u0451\u2116\u04D9\u00BB\u0458\u04AA\u04AB\u049D";

    static final Charset KZ_1048 = new SingleByteCharset(
            "KZ-1048", new String[] {"KZ1048", "STRK1048-2002", "RK1048", "csKZ1048"}, KZ_1048_UPPER);
    static final Charset PTCP154 = new SingleByteCharset(
            "PTCP154", new String[] {"PT154", "CP154", "csPTCP154", "Cyrillic-Asian"}, PTCP154_UPPER);

    private KazakhCharsets() {}

    /** Returns the code page for a label such as {@code kz-1048} or {@code PT154}, or null. */
    static Charset forLabel(String label) {
        String name = label.strip().toLowerCase(Locale.ROOT);
        for (Charset charset : new Charset[] {KZ_1048, PTCP154}) {
            if (charset.name().toLowerCase(Locale.ROOT).equals(name)
                    || charset.aliases().stream()
                            .anyMatch(alias -> alias.toLowerCase(Locale.ROOT).equals(name))) {
                return charset;
            }
        }
        return null;
    }

    /** A charset of one byte per character: ASCII below 0x80, then a table, then А-я from 0xC0. */
    private static final class SingleByteCharset extends Charset {

        private final char[] upper = new char[128];
        private final Map<Character, Byte> bytes = new HashMap<>();

        SingleByteCharset(String name, String[] aliases, String upperTable) {
            super(name, aliases);
            for (int i = 0; i < 64; i++) {
                upper[i] = upperTable.charAt(i);
                upper[64 + i] = (char) ('\u0410' + i);
            }
            for (int i = 0; i < 128; i++) {
                bytes.put((char) i, (byte) i);
                if (upper[i] != '\uFFFD') {
                    bytes.put(upper[i], (byte) (0x80 + i));
                }
            }
        }

        @Override
        public boolean contains(Charset other) {
            return other.equals(this) || "US-ASCII".equals(other.name());
        }

        @Override
        public CharsetDecoder newDecoder() {
            return new CharsetDecoder(this, 1, 1) {
                @Override
                protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
                    while (in.hasRemaining()) {
                        if (!out.hasRemaining()) {
                            return CoderResult.OVERFLOW;
                        }
                        int value = in.get(in.position()) & 0xFF;
                        char decoded = value < 0x80 ? (char) value : upper[value - 0x80];
                        if (decoded == '\uFFFD') {
                            return CoderResult.unmappableForLength(1);
                        }
                        in.get();
                        out.put(decoded);
                    }
                    return CoderResult.UNDERFLOW;
                }
            };
        }

        @Override
        public CharsetEncoder newEncoder() {
            return new CharsetEncoder(this, 1, 1) {
                @Override
                protected CoderResult encodeLoop(CharBuffer in, ByteBuffer out) {
                    while (in.hasRemaining()) {
                        if (!out.hasRemaining()) {
                            return CoderResult.OVERFLOW;
                        }
                        Byte encoded = bytes.get(in.get(in.position()));
                        if (encoded == null) {
                            return CoderResult.unmappableForLength(1);
                        }
                        in.get();
                        out.put(encoded);
                    }
                    return CoderResult.UNDERFLOW;
                }
            };
        }
    }
}
