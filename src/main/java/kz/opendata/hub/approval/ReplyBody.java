package kz.opendata.hub.approval;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Walks a reply's MIME tree and collects its body text and attachments. Inline text/plain parts
 * make the body; when there are none, the inline text/html parts are converted. A TNEF part
 * (winmail.dat) gives its text and files as if they were the message's own.
 */
final class ReplyBody {

    private final List<String> plain = new ArrayList<>();
    private final List<String> html = new ArrayList<>();
    private final List<MailAttachment> attachments = new ArrayList<>();
    private final Set<ReplyNote> notes = EnumSet.noneOf(ReplyNote.class);
    private String tnefText;

    static ReplyBody of(Part message) throws MessagingException, IOException {
        ReplyBody body = new ReplyBody();
        body.walk(message, "1");
        return body;
    }

    String text() {
        if (!plain.isEmpty()) {
            return String.join("\n", plain);
        }
        if (!html.isEmpty()) {
            notes.add(ReplyNote.HTML_ONLY);
            return String.join("\n", html);
        }
        if (tnefText != null) {
            return tnefText;
        }
        notes.add(ReplyNote.NO_TEXT);
        return "";
    }

    List<MailAttachment> attachments() {
        return attachments;
    }

    Set<ReplyNote> notes() {
        return notes;
    }

    private void walk(Part part, String place) throws MessagingException, IOException {
        String type = PartContent.baseType(part);
        if (type.startsWith("multipart/")) {
            Multipart multipart = multipart(part, place);
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), place + "." + (i + 1));
            }
        } else {
            readLeaf(part, type, place);
        }
    }

    private static Multipart multipart(Part part, String place) throws IOException {
        try {
            Object content = part.getContent();
            if (!(content instanceof Multipart multipart) || multipart.getCount() == 0) {
                throw new UnreadableReplyException("multipart part " + place + " has no body parts because its"
                        + " boundary is missing or wrong; ask the sender to send the reply again");
            }
            return multipart;
        } catch (MessagingException e) {
            throw new UnreadableReplyException(
                    "multipart part " + place + " cannot be parsed (" + e.getMessage()
                            + "); ask the sender to send the reply again",
                    e);
        }
    }

    private void readLeaf(Part part, String type, String place) throws MessagingException, IOException {
        byte[] bytes = PartContent.bytes(part, place);
        String name = PartContent.fileName(part);
        boolean inlineText = (type.equals("text/plain") || type.equals("text/html"))
                && name == null
                && !PartContent.isAttachmentDisposition(part);
        if (isTnef(type, name, bytes)) {
            readTnef(bytes, place);
        } else if (inlineText) {
            String text = decodeText(part, bytes);
            if (type.equals("text/plain")) {
                plain.add(text);
            } else {
                html.add(HtmlText.toText(text));
            }
        } else {
            String fileName = name != null ? name : defaultName(type);
            attachments.add(new MailAttachment(fileName, type, bytes));
        }
    }

    private String decodeText(Part part, byte[] bytes) throws MessagingException {
        String label = PartContent.typeParameter(part, "charset");
        CyrillicCharsets.Decoded decoded = CyrillicCharsets.decode(bytes, label);
        if (!decoded.charset().equals(CyrillicCharsets.lookup(label)) && !isAscii(decoded.text())) {
            notes.add(ReplyNote.CHARSET_CORRECTED);
        }
        return decoded.text().replace("\r\n", "\n").replace('\r', '\n');
    }

    private static boolean isTnef(String type, String name, byte[] bytes) {
        boolean declared = type.equals("application/ms-tnef")
                || type.equals("application/vnd.ms-tnef")
                || name != null && name.toLowerCase(Locale.ROOT).equals("winmail.dat");
        return declared && TnefReader.isTnef(bytes);
    }

    private void readTnef(byte[] bytes, String place) {
        notes.add(ReplyNote.TNEF);
        try {
            TnefReader.Content content = TnefReader.read(bytes);
            if (content.text() != null && tnefText == null) {
                tnefText = content.text().replace("\r\n", "\n");
            }
            if (content.rtfOnly()) {
                notes.add(ReplyNote.TNEF_RTF_ONLY);
            }
            attachments.addAll(content.attachments());
        } catch (IllegalArgumentException e) {
            throw new UnreadableReplyException(
                    "winmail.dat in part " + place + " cannot be read (" + e.getMessage()
                            + "); ask the sender to switch Outlook to HTML or plain text format",
                    e);
        }
    }

    private String defaultName(String type) {
        String extension = switch (type) {
            case "message/rfc822" -> ".eml";
            case "text/plain" -> ".txt";
            case "text/html" -> ".html";
            case "application/pdf" -> ".pdf";
            default -> "";
        };
        return "attachment-" + (attachments.size() + 1) + extension;
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }
}
