package kz.opendata.hub.publication;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * A {@code multipart/form-data} request body (RFC 7578) of text fields and one file, streamed from
 * disk so the file never sits in memory.
 *
 * <p>Names are written as raw UTF-8 with only CR, LF and the double quote percent-encoded, which is
 * what the HTML standard's form encoding has browsers send. So a file name such as
 * {@code Детские сады.csv} reaches the server intact.
 */
final class MultipartBody {

    private final String boundary = "hub-" + UUID.randomUUID();
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();

    MultipartBody field(String name, String value) {
        write("--" + boundary + "\r\n");
        write("Content-Disposition: form-data; name=\"" + escape(name) + "\"\r\n");
        write("Content-Type: text/plain; charset=UTF-8\r\n\r\n");
        write(value + "\r\n");
        return this;
    }

    MultipartBody fields(Map<String, String> fields) {
        fields.forEach(this::field);
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** Builds the body with the file as the last part. */
    HttpRequest.BodyPublisher withFile(String fieldName, String fileName, String mediaType, Path file)
            throws FileNotFoundException {
        write("--" + boundary + "\r\n");
        write("Content-Disposition: form-data; name=\"" + escape(fieldName) + "\"; filename=\"" + escape(fileName)
                + "\"\r\n");
        write("Content-Type: " + mediaType + "\r\n\r\n");
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofByteArray(head.toByteArray()),
                HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofByteArray(tail));
    }

    private void write(String text) {
        head.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String value) {
        return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
