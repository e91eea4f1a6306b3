package kz.opendata.hub.approval;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the parts of an Outlook TNEF stream ({@code winmail.dat}, application/ms-tnef) that an
 * approval reply needs: the body text and the attached files. Layout per Microsoft's MS-OXTNEF:
 * a signature, then attributes of level, id, length, data and checksum; the attribute
 * attMsgProps carries MAPI properties such as PidTagBody.
 *
 * <p>A body stored only as RTF (PidTagRtfCompressed) is decompressed and its text extracted.
 * When that fails, the result has no text and {@code rtfOnly} set, and an analyst reads the
 * original message.
 */
final class TnefReader {

    static final int SIGNATURE = 0x223E9F78;

    private static final int ATT_BODY = 0x800C;
    private static final int ATT_ATTACH_DATA = 0x800F;
    private static final int ATT_ATTACH_TITLE = 0x8010;
    private static final int ATT_ATTACH_REND_DATA = 0x9002;
    private static final int ATT_MSG_PROPS = 0x9003;
    private static final int ATT_ATTACHMENT = 0x9005;
    private static final int ATT_OEM_CODEPAGE = 0x9007;

    static final int PID_TAG_BODY = 0x1000;
    static final int PID_TAG_RTF_COMPRESSED = 0x1009;
    static final int PID_TAG_BODY_HTML = 0x1013;
    static final int PID_TAG_ATTACH_LONG_FILENAME = 0x3707;

    private static final Logger LOG = LoggerFactory.getLogger(TnefReader.class);

    private TnefReader() {}

    /** Text and files found in a TNEF stream; text is null when none was found. */
    record Content(String text, boolean rtfOnly, List<MailAttachment> attachments) {}

    static boolean isTnef(byte[] bytes) {
        return bytes.length >= 4
                && ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt() == SIGNATURE;
    }

    /**
     * Reads the stream; throws {@link IllegalArgumentException} when it is not TNEF or is cut
     * short.
     */
    static Content read(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            if (in.getInt() != SIGNATURE) {
                throw new IllegalArgumentException("TNEF signature missing");
            }
            in.getShort(); // legacy key, not needed to read the content
            return readAttributes(in);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("TNEF stream ends inside an attribute", e);
        }
    }

    private static Content readAttributes(ByteBuffer in) {
        State state = new State();
        while (in.remaining() > 0) {
            in.get(); // level: message or attachment, also implied by the attribute id
            int id = in.getInt() & 0xFFFF;
            int length = in.getInt();
            if (length < 0 || length > in.remaining()) {
                throw new IllegalArgumentException("TNEF attribute length " + length + " exceeds the stream");
            }
            byte[] data = new byte[length];
            in.get(data);
            in.getShort(); // checksum: a damaged attribute still reads better than none
            state.accept(id, data);
        }
        return state.content();
    }

    /** Collects what the attributes carry while they are read in order. */
    private static final class State {

        private Charset oem = CyrillicCharsets.WINDOWS_1251;
        private String legacyBody;
        private String body;
        private boolean rtf;
        private String rtfBody;
        private final List<String[]> names = new ArrayList<>();
        private final List<byte[]> files = new ArrayList<>();

        void accept(int id, byte[] data) {
            switch (id) {
                case ATT_OEM_CODEPAGE -> oem = codepage(data);
                case ATT_BODY -> legacyBody = new String(trimNul(data), oem);
                case ATT_MSG_PROPS -> readMessageProperties(data);
                case ATT_ATTACH_REND_DATA -> startAttachment();
                case ATT_ATTACH_TITLE -> currentName()[0] = new String(trimNul(data), oem);
                case ATT_ATTACH_DATA -> setCurrentFile(data);
                case ATT_ATTACHMENT -> readAttachmentProperties(data);
                default -> {
                    // other attributes (dates, recipients, message class) are not needed
                }
            }
        }

        private void readMessageProperties(byte[] data) {
            for (MapiProperties.Property property : MapiProperties.read(data, oem)) {
                if (property.id() == PID_TAG_BODY && property.text() != null) {
                    body = property.text();
                } else if (property.id() == PID_TAG_BODY_HTML && body == null) {
                    body = HtmlText.toText(
                            property.text() != null ? property.text() : new String(property.bytes(), oem));
                } else if (property.id() == PID_TAG_RTF_COMPRESSED && property.bytes() != null) {
                    rtf = true;
                    rtfBody = rtfText(property.bytes());
                }
            }
        }

        private void readAttachmentProperties(byte[] data) {
            for (MapiProperties.Property property : MapiProperties.read(data, oem)) {
                if (property.id() == PID_TAG_ATTACH_LONG_FILENAME && property.text() != null) {
                    currentName()[0] = property.text();
                }
            }
        }

        private void startAttachment() {
            names.add(new String[1]);
            files.add(null);
        }

        private String[] currentName() {
            if (names.isEmpty()) {
                startAttachment();
            }
            return names.get(names.size() - 1);
        }

        private void setCurrentFile(byte[] data) {
            currentName();
            files.set(files.size() - 1, data);
        }

        Content content() {
            List<MailAttachment> attachments = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                if (files.get(i) != null) {
                    String name = names.get(i)[0] != null ? names.get(i)[0] : "attachment-" + (i + 1);
                    attachments.add(new MailAttachment(name, "application/octet-stream", files.get(i)));
                }
            }
            String text = body != null ? body : legacyBody;
            if ((text == null || text.isBlank()) && rtfBody != null) {
                text = rtfBody;
            }
            boolean hasText = text != null && !text.isBlank();
            return new Content(hasText ? text : null, !hasText && rtf, List.copyOf(attachments));
        }
    }

    /** Returns the text of a compressed RTF body, or null when it cannot be read. */
    private static String rtfText(byte[] compressed) {
        try {
            return RtfText.toText(CompressedRtf.decompress(compressed));
        } catch (IllegalArgumentException e) {
            // The reply is still read: without text it is flagged for an analyst as RTF only.
            LOG.debug("Compressed RTF body of a TNEF part cannot be read: {}", e.getMessage());
            return null;
        }
    }

    static Charset codepage(byte[] data) {
        if (data.length < 4) {
            return CyrillicCharsets.WINDOWS_1251;
        }
        int codepage = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt();
        Charset charset = CyrillicCharsets.lookup(codepage == 65001 ? "UTF-8" : "windows-" + codepage);
        if (charset == null) {
            charset = CyrillicCharsets.lookup("cp" + codepage);
        }
        return charset != null ? charset : CyrillicCharsets.WINDOWS_1251;
    }

    static byte[] trimNul(byte[] data) {
        int end = data.length;
        while (end > 0 && data[end - 1] == 0) {
            end--;
        }
        return Arrays.copyOf(data, end);
    }

    static String utf16(byte[] data) {
        return new String(data, StandardCharsets.UTF_16LE).replaceAll("\u0000+$", "");
    }
}
