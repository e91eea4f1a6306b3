package kz.opendata.hub.approval;

import java.util.Objects;

/**
 * File attached to an approval request or found in a reply.
 *
 * @param fileName file name as people see it, may contain Cyrillic or Kazakh letters
 * @param contentType MIME type without parameters, such as {@code application/pdf}
 * @param content the file's bytes; the record keeps the array it receives, so callers must not
 *     change it afterwards, and {@code equals} compares the array by identity
 */
public record MailAttachment(String fileName, String contentType, byte[] content) {

    public MailAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }
}
