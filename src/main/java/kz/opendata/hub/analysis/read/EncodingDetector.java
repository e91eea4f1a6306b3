package kz.opendata.hub.analysis.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Detects the encoding of a text unload from a sample of its first bytes.
 *
 * <p>The evidence is checked in this order: a byte order mark, then UTF-16 without a mark (every
 * other byte zero), then strict UTF-8 decoding. Last come the single-byte Cyrillic code pages
 * Windows-1251, KOI8-R and CP866, distinguished by how often the decoded text contains the most
 * frequent Russian lower-case letters, because a wrong code page turns them into capitals or
 * pseudo-graphics.
 */
final class EncodingDetector {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    static final Charset KOI8_R = Charset.forName("KOI8-R");
    static final Charset CP866 = Charset.forName("IBM866");

    private static final List<Charset> CYRILLIC_CODE_PAGES = List.of(WINDOWS_1251, KOI8_R, CP866);
    private static final String FREQUENT_LETTERS = "оеаинтсрвлкмдпу";
    private static final int MIN_CYRILLIC_LETTERS = 20;

    /**
     * Detects the encoding.
     *
     * @param sample the first bytes of the file
     * @param wholeFile true when the sample is the whole file, so a multi-byte character cannot
     *     be cut at its end
     * @return null when the sample looks binary rather than text
     */
    DetectedEncoding detect(byte[] sample, boolean wholeFile) {
        DetectedEncoding byBom = detectByteOrderMark(sample);
        if (byBom != null) {
            return byBom;
        }
        DetectedEncoding utf16 = detectUtf16WithoutBom(sample);
        if (utf16 != null) {
            return utf16;
        }
        if (looksBinary(sample)) {
            return null;
        }
        if (isValidUtf8(sample, wholeFile)) {
            return new DetectedEncoding(StandardCharsets.UTF_8, isAscii(sample) ? 0.9 : 0.99, 0);
        }
        return detectSingleByte(sample);
    }

    static DetectedEncoding detectByteOrderMark(byte[] b) {
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return new DetectedEncoding(Charset.forName("UTF-32BE"), 1.0, 4);
        }
        if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return new DetectedEncoding(Charset.forName("UTF-32LE"), 1.0, 4);
        }
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return new DetectedEncoding(StandardCharsets.UTF_8, 1.0, 3);
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return new DetectedEncoding(StandardCharsets.UTF_16LE, 1.0, 2);
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return new DetectedEncoding(StandardCharsets.UTF_16BE, 1.0, 2);
        }
        return null;
    }

    private static DetectedEncoding detectUtf16WithoutBom(byte[] b) {
        int pairs = b.length / 2;
        if (pairs < 4) {
            return null;
        }
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i + 1 < b.length; i += 2) {
            zeroEven += b[i] == 0 ? 1 : 0;
            zeroOdd += b[i + 1] == 0 ? 1 : 0;
        }
        // Latin text in UTF-16 has a zero in nearly every second byte; Cyrillic has 0x04 there.
        Charset charset = null;
        if (zeroOdd > pairs * 0.4 && zeroEven == 0) {
            charset = StandardCharsets.UTF_16LE;
        } else if (zeroEven > pairs * 0.4 && zeroOdd == 0) {
            charset = StandardCharsets.UTF_16BE;
        }
        if (charset == null || hasControlCharacters(new String(b, 0, pairs * 2, charset))) {
            return null;
        }
        return new DetectedEncoding(charset, 0.8, 0);
    }

    private static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f');
    }

    /** True when the sample contains NUL bytes or more than 1% other control bytes. */
    static boolean looksBinary(byte[] b) {
        int controls = 0;
        for (byte value : b) {
            int c = value & 0xFF;
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                controls++;
            }
        }
        return controls > b.length / 100;
    }

    static boolean isValidUtf8(byte[] b, boolean wholeFile) {
        int length = wholeFile ? b.length : withoutCutCharacter(b);
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(b, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Length of the sample without a multi-byte UTF-8 sequence cut off at its end. */
    private static int withoutCutCharacter(byte[] b) {
        int end = b.length;
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            int c = b[end - back] & 0xFF;
            if (c >= 0xC0) {
                return end - back;
            }
            if (c < 0x80) {
                return end;
            }
        }
        return end;
    }

    private static boolean isAscii(byte[] b) {
        for (byte value : b) {
            if (value < 0) {
                return false;
            }
        }
        return true;
    }

    static DetectedEncoding detectSingleByte(byte[] sample) {
        Charset best = WINDOWS_1251;
        double bestScore = Double.NEGATIVE_INFINITY;
        double secondScore = Double.NEGATIVE_INFINITY;
        for (Charset candidate : CYRILLIC_CODE_PAGES) {
            double score = cyrillicScore(new String(sample, candidate));
            if (score > bestScore) {
                secondScore = bestScore;
                bestScore = score;
                best = candidate;
            } else if (score > secondScore) {
                secondScore = score;
            }
        }
        if (bestScore < MIN_CYRILLIC_LETTERS) {
            return detectOther(sample);
        }
        double confidence = bestScore / (bestScore + Math.max(secondScore, 0));
        return new DetectedEncoding(best, Math.min(0.99, confidence), 0);
    }

    /**
     * Scores decoded text: frequent Russian lower-case letters count 1, other Cyrillic lower-case
     * letters 0.5, and characters that ordinary text rarely contains count -2.
     */
    static double cyrillicScore(String text) {
        double score = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (FREQUENT_LETTERS.indexOf(c) >= 0) {
                score += 1;
            } else if (c >= 'а' && c <= 'я' || c == 'ё') {
                score += 0.5;
            } else if (c >= 0x80 && !isCommonNonAscii(c)) {
                score -= 2;
            }
        }
        return score;
    }

    private static boolean isCommonNonAscii(char c) {
        return c >= 'А' && c <= 'Я' || c == 'Ё' || "№«»—–…\u00A0’“”".indexOf(c) >= 0;
    }

    private static DetectedEncoding detectOther(byte[] sample) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(sample, 0, sample.length);
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        if (name != null && Charset.isSupported(name)) {
            return new DetectedEncoding(Charset.forName(name), 0.6, 0);
        }
        // NOTE: a sample with too few Cyrillic letters and no detector verdict is a guess.
        return new DetectedEncoding(WINDOWS_1251, 0.3, 0);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
