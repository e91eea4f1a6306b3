package kz.opendata.hub.approval;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;

/**
 * Writes a message byte by byte as a given mail client would, so tests control every charset,
 * transfer encoding and header form the reader meets.
 */
final class RawMail {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    static final Charset KOI8_R = Charset.forName("KOI8-R");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Writes an ASCII line and CRLF. */
    RawMail line(String ascii) {
        return line(ascii, StandardCharsets.US_ASCII);
    }

    /** Writes a line in a charset, as 8-bit bytes, and CRLF. */
    RawMail line(String text, Charset charset) {
        out.writeBytes(text.getBytes(charset));
        out.writeBytes(new byte[] {'\r', '\n'});
        return this;
    }

    /** Writes the text in the charset as base64 lines of 76 characters. */
    RawMail base64(String text, Charset charset) {
        return base64(text.getBytes(charset));
    }

    RawMail base64(byte[] bytes) {
        String encoded = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(bytes);
        return line(encoded);
    }

    /** Writes the text in the charset as quoted-printable, the way Outlook and Mail.ru do. */
    RawMail quotedPrintable(String text, Charset charset) {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        try (OutputStream qp = MimeUtility.encode(encoded, "quoted-printable")) {
            qp.write(text.replace("\n", "\r\n").getBytes(charset));
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
        out.writeBytes(encoded.toByteArray());
        return line("");
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    MimeMessage message() {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Encodes one RFC 2047 B word from the given bytes. */
    static String bWord(String charset, byte[] bytes) {
        return "=?" + charset + "?B?" + Base64.getEncoder().encodeToString(bytes) + "?=";
    }

    /** Writes %XX for every byte, as RFC 2231 values are written. */
    static String percent(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%%%02X", b & 0xFF));
        }
        return text.toString();
    }

    static void write(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
