package kz.opendata.hub.approval;

import static kz.opendata.hub.approval.RawMail.WINDOWS_1251;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Outlook replies in rich text format, which arrive as a winmail.dat TNEF part. */
class ReplyReaderTnefTest {

    private static final int LEVEL_MESSAGE = 1;
    private static final int LEVEL_ATTACHMENT = 2;
    private static final byte[] SHEET = {'P', 'K', 3, 4, 1, 2, 3};

    private final ReplyReader reader = new ReplyReader();

    @Test
    void readsBodyAndFilesFromWinmailDat() throws Exception {
        byte[] tnef = new Tnef()
                .attribute(LEVEL_MESSAGE, 0x00069007, le(1251, 0))
                .attribute(
                        LEVEL_MESSAGE, 0x00069003, bodyProperty(0x001F, utf16("Келісілді.\r\nҚұрметпен,\r\nБөлім\0")))
                .attribute(LEVEL_ATTACHMENT, 0x00069002, new byte[14])
                .attribute(LEVEL_ATTACHMENT, 0x00018010, "Ескертулер.xlsx\0".getBytes(WINDOWS_1251))
                .attribute(LEVEL_ATTACHMENT, 0x0006800F, SHEET)
                .bytes();

        Reply reply = reader.read(outlookRichText(tnef).message());

        assertThat(reply.ownText()).isEqualTo("Келісілді.");
        assertThat(reply.notes()).containsExactly(ReplyNote.TNEF);
        assertThat(reply.attachments()).hasSize(1);
        assertThat(reply.attachments().get(0).fileName()).isEqualTo("Ескертулер.xlsx");
        assertThat(reply.attachments().get(0).content()).isEqualTo(SHEET);
    }

    @Test
    void readsLegacyBodyAttributeInOemCodepage() throws Exception {
        byte[] tnef = new Tnef()
                .attribute(LEVEL_MESSAGE, 0x00069007, le(1251, 0))
                .attribute(LEVEL_MESSAGE, 0x0002800C, "Не согласовано.\r\n".getBytes(WINDOWS_1251))
                .bytes();

        Reply reply = reader.read(outlookRichText(tnef).message());

        assertThat(reply.ownText()).isEqualTo("Не согласовано.");
    }

    @Test
    void reportsRtfOnlyBody() throws Exception {
        byte[] tnef = new Tnef()
                .attribute(LEVEL_MESSAGE, 0x00069003, bodyProperty(0x0102, new byte[] {1, 2, 3, 4, 5}, 0x1009))
                .bytes();

        Reply reply = reader.read(outlookRichText(tnef).message());

        assertThat(reply.text()).isEmpty();
        assertThat(reply.notes()).contains(ReplyNote.TNEF, ReplyNote.TNEF_RTF_ONLY, ReplyNote.NO_TEXT);
    }

    @Test
    void readsDecisionFromCompressedRtfBody() throws Exception {
        // Outlook's HTML wrapped in RTF: tags in htmltag groups, RTF-only runs between htmlrtf marks.
        // D1 EE E3 EB E0 F1 EE E2 E0 ED EE is "Согласовано" in the windows-1251 table.
        String rtf = "{\\rtf1\\ansi\\ansicpg1251\\fromhtml1 \\deff0{\\fonttbl{\\f0\\fswiss\\fcharset204 Arial;}}"
                + "{\\*\\htmltag19 <html>}{\\*\\htmltag64 <p>}\\htmlrtf {\\htmlrtf0 "
                + "\\'d1\\'ee\\'e3\\'eb\\'e0\\'f1\\'ee\\'e2\\'e0\\'ed\\'ee."
                + "{\\*\\htmltag116 <br>}\\htmlrtf \\line \\htmlrtf0 "
                + "\\'d1 \\'f3\\'e2\\'e0\\'e6\\'e5\\'ed\\'e8\\'e5\\'ec,"
                + "{\\*\\htmltag72 </p>}\\htmlrtf }\\htmlrtf0 {\\*\\htmltag27 </html>}}";
        byte[] compressed = new CompressedRtfTest.Lzfu().literals(rtf).end().bytes();
        byte[] tnef = new Tnef()
                .attribute(LEVEL_MESSAGE, 0x00069003, bodyProperty(0x0102, compressed, 0x1009))
                .bytes();

        Reply reply = reader.read(outlookRichText(tnef).message());

        // F3 E2 E0 E6 E5 ED E8 E5 EC is "уважением" in the same table.
        assertThat(reply.text()).isEqualTo("Согласовано.\nС уважением,");
        assertThat(reply.ownText()).isEqualTo("Согласовано.");
        assertThat(reply.notes()).contains(ReplyNote.TNEF).doesNotContain(ReplyNote.TNEF_RTF_ONLY);
    }

    @Test
    void rejectsCutWinmailDat() {
        byte[] whole = new Tnef()
                .attribute(LEVEL_MESSAGE, 0x0002800C, "Approved".getBytes(StandardCharsets.US_ASCII))
                .bytes();
        byte[] cut = Arrays.copyOf(whole, whole.length - 6);

        assertThatThrownBy(() -> reader.read(outlookRichText(cut).message()))
                .isInstanceOf(UnreadableReplyException.class)
                .hasMessageContaining("winmail.dat in part 1.1");
    }

    private static RawMail outlookRichText(byte[] tnef) {
        return new RawMail()
                .line("From: approvals@stat.example.kz")
                .line("Subject: RE: [ODH-" + ReplyReaderClientsTest.TOKEN + "]")
                .line("MIME-Version: 1.0")
                .line("Content-Type: multipart/mixed; boundary=\"_002_tnef_\"")
                .line("")
                .line("--_002_tnef_")
                .line("Content-Type: application/ms-tnef; name=\"winmail.dat\"")
                .line("Content-Disposition: attachment; filename=\"winmail.dat\"")
                .line("Content-Transfer-Encoding: base64")
                .line("")
                .base64(tnef)
                .line("--_002_tnef_--");
    }

    /** attMsgProps data with one property: count, tag, value count, length, value, padding. */
    private static byte[] bodyProperty(int type, byte[] value) {
        return bodyProperty(type, value, 0x1000);
    }

    private static byte[] bodyProperty(int type, byte[] value, int id) {
        int padding = (4 - value.length % 4) % 4;
        ByteBuffer buffer = ByteBuffer.allocate(16 + value.length + padding).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(1)
                .putShort((short) type)
                .putShort((short) id)
                .putInt(1)
                .putInt(value.length)
                .put(value);
        return buffer.array();
    }

    private static byte[] utf16(String text) {
        return text.getBytes(StandardCharsets.UTF_16LE);
    }

    private static byte[] le(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int value : values) {
            buffer.putInt(value);
        }
        return buffer.array();
    }

    /** Writes a TNEF stream as MS-OXTNEF lays it out. */
    private static final class Tnef {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Tnef() {
            out.writeBytes(le(0x223E9F78));
            out.writeBytes(new byte[] {0x01, 0x00}); // legacy key
        }

        Tnef attribute(int level, int id, byte[] data) {
            ByteBuffer header = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN);
            header.put((byte) level).putInt(id).putInt(data.length);
            out.writeBytes(header.array());
            out.writeBytes(data);
            int checksum = 0;
            for (byte b : data) {
                checksum = (checksum + (b & 0xFF)) & 0xFFFF;
            }
            out.writeBytes(new byte[] {(byte) checksum, (byte) (checksum >> 8)});
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
