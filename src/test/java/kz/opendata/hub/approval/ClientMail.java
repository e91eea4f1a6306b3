package kz.opendata.hub.approval;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Writes an e-mail byte by byte the way a mail client does, so tests decide every header,
 * charset and transfer encoding the hub meets: a text part alone, or a multipart/mixed with
 * attachments whose header lines the test writes itself.
 */
public final class ClientMail {

    public static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    private final List<String> headers = new ArrayList<>();
    private final List<byte[]> attachments = new ArrayList<>();
    private final String messageId;
    private String text = "";
    private Charset charset = StandardCharsets.UTF_8;
    private String transferEncoding = "base64";

    private ClientMail(String from, String messageId) {
        this.messageId = messageId;
        headers.add("From: " + from);
        headers.add("To: " + HubMailTest.HUB);
        headers.add("Message-ID: " + messageId);
        headers.add("Date: Tue, 1 Dec 2026 12:30:00 +0500");
        headers.add("MIME-Version: 1.0");
    }

    /** Starts a message from the address, with a new Message-ID on the client's host. */
    public static ClientMail from(String from) {
        return new ClientMail(from, "<" + UUID.randomUUID() + "@client.example.kz>");
    }

    public String messageId() {
        return messageId;
    }

    /** Adds a header line as written, such as an RFC 2047 encoded Subject. */
    public ClientMail header(String name, String value) {
        headers.add(name + ": " + value);
        return this;
    }

    /** Replies to a message: In-Reply-To and References name it. */
    public ClientMail replyTo(String originalId) {
        return header("In-Reply-To", originalId).header("References", originalId);
    }

    /** Sets a subject encoded as one RFC 2047 word in the charset, as Outlook writes Cyrillic. */
    public ClientMail subject(String subject, Charset subjectCharset) {
        String word = "=?" + subjectCharset.name() + "?B?"
                + Base64.getEncoder().encodeToString(subject.getBytes(subjectCharset)) + "?=";
        return header("Subject", word);
    }

    /** Sets the text body in a charset and transfer encoding: base64 or quoted-printable. */
    public ClientMail text(String body, Charset bodyCharset, String encoding) {
        this.text = body;
        this.charset = bodyCharset;
        this.transferEncoding = encoding;
        return this;
    }

    public ClientMail text(String body) {
        return text(body, StandardCharsets.UTF_8, "base64");
    }

    /**
     * Adds an attachment part: the header lines as written (Content-Type, Content-Disposition
     * with RFC 2231 segments, ...), then the content in base64.
     */
    public ClientMail attachment(List<String> partHeaders, byte[] content) {
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        for (String header : partHeaders) {
            write(part, header + "\r\n");
        }
        write(part, "Content-Transfer-Encoding: base64\r\n\r\n");
        write(part, Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(content) + "\r\n");
        attachments.add(part.toByteArray());
        return this;
    }

    /** Adds a part exactly as given, which may be broken on purpose. */
    public ClientMail rawPart(String part) {
        attachments.add(part.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String header : headers) {
            write(out, header + "\r\n");
        }
        if (attachments.isEmpty()) {
            writeText(out);
            return out.toByteArray();
        }
        String boundary = "----=_NextPart_" + Math.abs(messageId.hashCode());
        write(out, "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n");
        write(out, "This is a multi-part message in MIME format.\r\n\r\n--" + boundary + "\r\n");
        writeText(out);
        for (byte[] part : attachments) {
            write(out, "\r\n--" + boundary + "\r\n");
            out.writeBytes(part);
        }
        write(out, "\r\n--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private void writeText(ByteArrayOutputStream out) {
        write(out, "Content-Type: text/plain; charset=\"" + charset.name() + "\"\r\n");
        write(out, "Content-Transfer-Encoding: " + transferEncoding + "\r\n\r\n");
        byte[] body = text.replace("\n", "\r\n").getBytes(charset);
        if (transferEncoding.equals("base64")) {
            write(out, Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(body) + "\r\n");
            return;
        }
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        try (OutputStream qp = MimeUtility.encode(encoded, transferEncoding)) {
            qp.write(body);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("the test message body could not be encoded", e);
        }
        out.writeBytes(encoded.toByteArray());
        write(out, "\r\n");
    }

    private static void write(ByteArrayOutputStream out, String ascii) {
        out.writeBytes(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }
}
