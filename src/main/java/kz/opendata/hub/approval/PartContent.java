package kz.opendata.hub.approval;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one MIME part's type, parameters and content bytes, checking the transfer encoding
 * strictly: Jakarta Mail skips invalid base64 characters without complaint, which would hand a
 * damaged file to an analyst as if it were intact.
 */
final class PartContent {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s]+");

    private PartContent() {}

    /** Returns the lower-case base type such as {@code text/plain}; text/plain when missing. */
    static String baseType(Part part) throws MessagingException {
        String header = firstHeader(part, "Content-Type");
        if (header == null) {
            return "text/plain";
        }
        try {
            return new ContentType(header).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException e) {
            int end = header.indexOf(';');
            return (end < 0 ? header : header.substring(0, end)).strip().toLowerCase(Locale.ROOT);
        }
    }

    /** Returns a parameter of Content-Type, RFC 2231 segments joined, or null. */
    static String typeParameter(Part part, String name) throws MessagingException {
        String header = firstHeader(part, "Content-Type");
        try {
            return header == null ? null : new ContentType(header).getParameter(name);
        } catch (ParseException e) {
            return parameterByPattern(header, name);
        }
    }

    /** Returns a parameter of Content-Disposition, RFC 2231 segments joined, or null. */
    static String dispositionParameter(Part part, String name) throws MessagingException {
        String header = firstHeader(part, "Content-Disposition");
        try {
            return header == null ? null : new ContentDisposition(header).getParameter(name);
        } catch (ParseException e) {
            return parameterByPattern(header, name);
        }
    }

    static boolean isAttachmentDisposition(Part part) throws MessagingException {
        String header = firstHeader(part, "Content-Disposition");
        return header != null && header.strip().toLowerCase(Locale.ROOT).startsWith("attachment");
    }

    /** Returns the decoded file name from filename or name, or null when the part has none. */
    static String fileName(Part part) throws MessagingException {
        String name = dispositionParameter(part, "filename");
        if (name == null || name.isBlank()) {
            name = typeParameter(part, "name");
        }
        return name == null || name.isBlank() ? null : HeaderDecoder.decode(name);
    }

    /**
     * Returns the content with its transfer encoding removed.
     *
     * @param place the part's position such as {@code 1.2}, for the error message
     */
    static byte[] bytes(Part part, String place) throws MessagingException, IOException {
        byte[] raw = rawBytes(part);
        String encoding = firstHeader(part, "Content-Transfer-Encoding");
        encoding = encoding == null ? "7bit" : encoding.strip().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "base64" -> base64(raw, place);
            case "quoted-printable", "uuencode", "x-uuencode", "x-uue" -> decode(raw, encoding);
            default -> raw;
        };
    }

    private static byte[] base64(byte[] raw, String place) {
        String text =
                WHITESPACE.matcher(new String(raw, StandardCharsets.ISO_8859_1)).replaceAll("");
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new UnreadableReplyException(
                    "part " + place + " is declared base64 but its content is" + " invalid base64 (" + e.getMessage()
                            + "); ask the sender to send the reply again",
                    e);
        }
    }

    private static byte[] decode(byte[] raw, String encoding) throws MessagingException, IOException {
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(raw), encoding)) {
            return in.readAllBytes();
        }
    }

    private static byte[] rawBytes(Part part) throws MessagingException, IOException {
        InputStream in;
        if (part instanceof MimeBodyPart body) {
            in = body.getRawInputStream();
        } else if (part instanceof MimeMessage message) {
            in = message.getRawInputStream();
        } else {
            in = part.getInputStream();
        }
        try (in) {
            return in.readAllBytes();
        }
    }

    static String firstHeader(Part part, String name) throws MessagingException {
        String[] values = part.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static String parameterByPattern(String header, String name) {
        Matcher matcher = Pattern.compile("(?i);\\s*" + Pattern.quote(name) + "\\s*=\\s*(\"([^\"]*)\"|[^;\\s]+)")
                .matcher(header);
        if (!matcher.find()) {
            return null;
        }
        return matcher.group(2) != null ? matcher.group(2) : matcher.group(1);
    }
}
