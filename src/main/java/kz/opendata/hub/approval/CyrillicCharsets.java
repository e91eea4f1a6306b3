package kz.opendata.hub.approval;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Set;

/**
 * Decodes text whose charset label may be wrong or missing, as in mail from older Russian and
 * Kazakh clients: UTF-8 when the bytes are valid UTF-8, otherwise windows-1251 or KOI8-R,
 * whichever reads as more natural Cyrillic text.
 */
final class CyrillicCharsets {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    static final Charset KOI8_R = Charset.forName("KOI8-R");

    private static final int MIN_SCORE_AGAINST_LABEL = 3;

    private static final List<Charset> SINGLE_BYTE = List.of(WINDOWS_1251, KOI8_R);

    // Labels that senders put on text of another charset; their decoding is checked, not trusted.
    private static final Set<String> UNTRUSTED = Set.of("us-ascii", "iso-8859-1", "windows-1252", "utf-8");

    private CyrillicCharsets() {}

    /** Result of decoding: the text and the charset that produced it. */
    record Decoded(String text, Charset charset) {}

    /**
     * Decodes bytes labelled with a charset name, or with none ({@code null}). A label of another
     * charset family, such as ISO-8859-5 or UTF-16, is trusted as it is.
     */
    static Decoded decode(byte[] bytes, String label) {
        Charset declared = lookup(label);
        if (!isAscii(bytes) && (declared == null || isCyrillicOrUntrusted(declared))) {
            return guess(bytes, declared);
        }
        Charset charset = declared == null ? StandardCharsets.US_ASCII : declared;
        return new Decoded(new String(bytes, charset), charset);
    }

    /**
     * Returns the Java charset for a MIME charset label, or null when the label is unknown. KZ-1048
     * and PTCP154 come from {@link KazakhCharsets} when the Java runtime lacks them.
     */
    static Charset lookup(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String name = label.strip().replace("\"", "");
        int language = name.indexOf('*');
        if (language > 0) {
            name = name.substring(0, language); // RFC 2231 adds "*lang" to the charset
        }
        try {
            return Charset.forName(jakarta.mail.internet.MimeUtility.javaCharset(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            // Java 17 ships neither Kazakh 8-bit code page, so the hub carries their tables.
            return KazakhCharsets.forLabel(name);
        }
    }

    private static Decoded guess(byte[] bytes, Charset declared) {
        String utf8 = strictUtf8(bytes);
        if (utf8 != null) {
            return new Decoded(utf8, StandardCharsets.UTF_8);
        }
        Decoded best = null;
        int bestScore = Integer.MIN_VALUE;
        for (Charset candidate : SINGLE_BYTE) {
            String text = new String(bytes, candidate);
            int score = naturalness(text) + (candidate.equals(declared) ? 1 : 0);
            if (score > bestScore) {
                best = new Decoded(text, candidate);
                bestScore = score;
            }
        }
        // A Western label on Western text stays: a few letters that happen to read as Cyrillic
        // ("Mьller" for "Müller") do not outweigh it.
        if (declared != null && !SINGLE_BYTE.contains(declared) && bestScore < MIN_SCORE_AGAINST_LABEL) {
            return new Decoded(new String(bytes, declared), declared);
        }
        return best;
    }

    /**
     * Scores how natural a decoding reads. Cyrillic text is mostly lower-case with capitals only
     * at word starts. Text of the other single-byte charset decodes to the opposite pattern, so
     * windows-1251 read as KOI8-R gives "пРИВЕТ". Box-drawing and C1 control characters are
     * penalised because letters written by people contain none.
     */
    static int naturalness(String text) {
        int score = 0;
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isCyrillic(c) && Character.isLowerCase(c)) {
                score++;
            } else if (isCyrillic(c) && Character.isUpperCase(c) && Character.isLowerCase(previous)) {
                score -= 2;
            } else if (c >= '\u2500' && c <= '\u25FF' || c >= '\u0080' && c <= '\u009F') {
                score -= 3;
            }
            previous = c;
        }
        return score;
    }

    static boolean isCyrillic(char c) {
        return Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC;
    }

    /** Decodes as UTF-8 and returns null when the bytes are not valid UTF-8. */
    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isCyrillicOrUntrusted(Charset charset) {
        return SINGLE_BYTE.contains(charset)
                || UNTRUSTED.contains(charset.name().toLowerCase());
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
