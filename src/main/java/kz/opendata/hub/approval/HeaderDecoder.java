package kz.opendata.hub.approval;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes header values the way mail clients write them rather than the way RFC 2047 specifies.
 *
 * <p>Adjacent encoded words of one charset are joined as bytes before decoding, because clients
 * split a UTF-8 letter between two words. Raw 8-bit bytes, which the parser hands over as one
 * ISO-8859-1 character per byte, are decoded as UTF-8 when valid and otherwise as windows-1251 or
 * KOI8-R. Encoded words inside other text ({@code Re:=?utf-8?...}) are decoded too.
 */
final class HeaderDecoder {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    private static final Pattern FOLD = Pattern.compile("\\r?\\n(?=[ \\t])");

    private HeaderDecoder() {}

    /** Decodes a raw header value; returns null for null. */
    static String decode(String raw) {
        if (raw == null) {
            return null;
        }
        String unfolded = FOLD.matcher(raw).replaceAll("");
        return decodeEncodedWords(recoverRawBytes(unfolded)).strip();
    }

    /** Returns true when the raw value carries 8-bit bytes outside any encoded word. */
    static boolean hasRawBytes(String raw) {
        return raw != null && raw.chars().anyMatch(c -> c >= 0x80 && c <= 0xFF);
    }

    private static String recoverRawBytes(String value) {
        boolean bytesOnly = value.chars().allMatch(c -> c <= 0xFF);
        if (!bytesOnly || !hasRawBytes(value)) {
            return value;
        }
        return CyrillicCharsets.decode(value.getBytes(StandardCharsets.ISO_8859_1), null)
                .text();
    }

    private static String decodeEncodedWords(String value) {
        Matcher word = ENCODED_WORD.matcher(value);
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        int end = 0;
        while (word.find()) {
            String gap = value.substring(end, word.start());
            byte[] bytes = wordBytes(word.group(2), word.group(3));
            boolean joinsPrevious = pendingCharset != null && gap.isBlank();
            if (bytes == null || !joinsPrevious || !pendingCharset.equalsIgnoreCase(word.group(1))) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                if (!joinsPrevious) {
                    out.append(gap);
                }
            }
            if (bytes == null) {
                out.append(word.group()); // not decodable: keep the word as written
            } else {
                pending.writeBytes(bytes);
                pendingCharset = word.group(1);
            }
            end = word.end();
        }
        flush(out, pending, pendingCharset);
        return out.append(value.substring(end)).toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (pending.size() > 0) {
            out.append(CyrillicCharsets.decode(pending.toByteArray(), charset).text());
            pending.reset();
        }
    }

    private static byte[] wordBytes(String encoding, String text) {
        if (encoding.equalsIgnoreCase("B")) {
            try {
                return Base64.getMimeDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return decodeQ(text);
    }

    private static byte[] decodeQ(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                bytes.write(' ');
            } else if (c == '=' && isHex(text, i + 1) && isHex(text, i + 2)) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    private static boolean isHex(String text, int index) {
        return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
    }
}
