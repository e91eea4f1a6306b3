package kz.opendata.hub.analysis.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import kz.opendata.hub.analysis.UnreadableUnloadException;

/**
 * Rejects a text file whose lines are in different encodings, as when rows exported in
 * Windows-1251 or KOI8-R are appended to a UTF-8 file. Read in any one encoding, some of its
 * lines would turn into wrong letters, so the agency has to save the whole file again.
 */
final class MixedEncoding {

    /** Cyrillic UTF-8 letters a sample needs before it counts as partly UTF-8. */
    static final int MIN_UTF8_LETTERS = 3;

    private MixedEncoding() {}

    /**
     * Throws when the sample is partly UTF-8 but not valid UTF-8 throughout.
     *
     * @param wholeFile true when the sample is the whole file
     * @param encoding the encoding detected for the sample
     */
    static void reject(String fileName, byte[] sample, boolean wholeFile, DetectedEncoding encoding) {
        if (!isMixed(sample, wholeFile, encoding)) {
            return;
        }
        InvalidText place = firstInvalidUtf8(sample, wholeFile);
        if (place == null) {
            return;
        }
        throw new UnreadableUnloadException(
                ("%s: line %d is not valid UTF-8 (first invalid byte at offset %d), although"
                                + " other lines are UTF-8: the file mixes encodings, as when rows saved in Windows-1251 are"
                                + " added to a UTF-8 file; save the whole file again as UTF-8 and resend it")
                        .formatted(fileName, place.line(), place.byteOffset()));
    }

    private static boolean isMixed(byte[] sample, boolean wholeFile, DetectedEncoding encoding) {
        boolean utf8 = encoding.charset().equals(StandardCharsets.UTF_8);
        if (utf8) {
            // Detected as UTF-8 by its byte order mark or by a guess, yet bytes follow that are not.
            return !EncodingDetector.isValidUtf8(sample, wholeFile);
        }
        if (encoding.charset().newEncoder().maxBytesPerChar() > 1) {
            return false;
        }
        Utf8Count count = Utf8Count.of(sample);
        // Cyrillic UTF-8 letters are two bytes led by 0xD0 to 0xD3. In Windows-1251, KOI8-R and CP866
        // text those leads are capitals, rare lower-case letters or box drawing, and seldom precede a
        // byte from 0x80 to 0xBF, so one such pair per ten invalid bytes means UTF-8 lines are mixed in.
        return count.cyrillic() >= MIN_UTF8_LETTERS && count.cyrillic() * 10L >= count.invalid();
    }

    private static InvalidText firstInvalidUtf8(byte[] sample, boolean wholeFile) {
        try {
            return InvalidText.find(new ByteArrayInputStream(sample), StandardCharsets.UTF_8, wholeFile);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a byte array cannot fail", e);
        }
    }

    /**
     * Counts of Cyrillic UTF-8 letters (two bytes led by 0xD0 to 0xD3) and of bytes that start no
     * valid UTF-8 character. ASCII bytes count in neither.
     */
    record Utf8Count(long cyrillic, long invalid) {

        static Utf8Count of(byte[] bytes) {
            long cyrillic = 0;
            long invalid = 0;
            int i = 0;
            while (i < bytes.length) {
                int lead = bytes[i] & 0xFF;
                if (lead < 0x80) {
                    i++;
                    continue;
                }
                int length = sequenceLength(bytes, i);
                if (length > 0) {
                    cyrillic += length == 2 && lead >= 0xD0 && lead <= 0xD3 ? 1 : 0;
                    i += length;
                } else {
                    invalid++;
                    i++;
                }
            }
            return new Utf8Count(cyrillic, invalid);
        }

        /** Length of the valid UTF-8 sequence at {@code at}, or 0 when none starts there. */
        private static int sequenceLength(byte[] bytes, int at) {
            int length = lengthByLead(bytes[at] & 0xFF);
            if (length == 0 || at + length > bytes.length) {
                return 0;
            }
            for (int k = 1; k < length; k++) {
                if ((bytes[at + k] & 0xC0) != 0x80) {
                    return 0;
                }
            }
            return length;
        }

        private static int lengthByLead(int lead) {
            if (lead >= 0xC2 && lead <= 0xDF) {
                return 2;
            }
            if (lead >= 0xE0 && lead <= 0xEF) {
                return 3;
            }
            return lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
        }
    }
}
