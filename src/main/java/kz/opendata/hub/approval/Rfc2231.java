package kz.opendata.hub.approval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a MIME header parameter per RFC 2231: {@code name*0*=UTF-8''%D0%9F...; name*1*=...},
 * split into segments that keep every header line short. A segment may end inside a multi-byte
 * letter, because readers join the bytes of all segments before decoding them.
 */
final class Rfc2231 {

    private static final int SEGMENT_LENGTH = 60;
    private static final String ATTRIBUTE_CHARS = "!#$&+-.^_`|~";

    private Rfc2231() {}

    /** Returns {@code ;} separated, folded parameter text to append to a header value. */
    static String parameter(String name, String value) {
        if (isToken(value)) {
            return ";\r\n\t" + name + "=\"" + value + "\"";
        }
        StringBuilder header = new StringBuilder();
        List<String> segments = segments("UTF-8''" + percentEncode(value));
        for (int i = 0; i < segments.size(); i++) {
            header.append(";\r\n\t")
                    .append(name)
                    .append('*')
                    .append(i)
                    .append("*=")
                    .append(segments.get(i));
        }
        return header.toString();
    }

    private static List<String> segments(String encoded) {
        List<String> segments = new ArrayList<>();
        int start = 0;
        while (start < encoded.length()) {
            int end = Math.min(encoded.length(), start + SEGMENT_LENGTH);
            // Never split a %XX triplet.
            if (end < encoded.length() && encoded.charAt(end - 1) == '%') {
                end -= 1;
            } else if (end < encoded.length() && encoded.charAt(end - 2) == '%') {
                end -= 2;
            }
            segments.add(encoded.substring(start, end));
            start = end;
        }
        return segments;
    }

    private static String percentEncode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTRIBUTE_CHARS.indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return encoded.toString();
    }

    /** Returns true for printable ASCII that a quoted string can carry as it is. */
    private static boolean isToken(String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '"' && c != '\\');
    }
}
