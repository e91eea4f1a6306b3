package kz.opendata.hub.approval;

import static kz.opendata.hub.approval.RawMail.KOI8_R;
import static kz.opendata.hub.approval.RawMail.WINDOWS_1251;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Header, file name and transfer encodings as clients really write them, and broken messages. */
class ReplyReaderEncodingTest {

    private static final String TOKEN = ReplyReaderClientsTest.TOKEN;
    private static final String SUBJECT = "RE: [ODH-" + TOKEN + "] Согласование паспорта «Қоршаған орта»";
    private static final String FILE_NAME = "Замечания к паспорту набора данных «Расходы на охрану среды».xlsx";
    private static final byte[] FILE = {'P', 'K', 3, 4, 20, 0, 6, 0, (byte) 0xD0, (byte) 0x9F};

    private final ReplyReader reader = new ReplyReader();

    @Test
    void joinsEncodedWordsSplitInsideLetter() throws Exception {
        byte[] bytes = SUBJECT.getBytes(StandardCharsets.UTF_8);
        int split = splitInsideLetter(bytes, bytes.length / 2);
        String header = RawMail.bWord("utf-8", Arrays.copyOfRange(bytes, 0, split)) + "\r\n "
                + RawMail.bWord("UTF-8", Arrays.copyOfRange(bytes, split, bytes.length));

        Reply reply = reader.read(withSubject(header).message());

        assertThat(reply.subject()).isEqualTo(SUBJECT);
    }

    @Test
    void decodesQuotedPrintableWordsInWindows1251() throws Exception {
        String header = "Re: [ODH-" + TOKEN + "] =?windows-1251?Q?=D1=EE=E3=EB=E0=F1=EE=E2=E0=ED=E8=E5_?="
                + "\r\n =?windows-1251?Q?=EF=E0=F1=EF=EE=F0=F2=E0?=";

        Reply reply = reader.read(withSubject(header).message());

        // D1 EE E3 EB E0 F1 EE E2 E0 ED E8 E5 is "Согласование" in the windows-1251 table.
        assertThat(reply.subject()).isEqualTo("Re: [ODH-" + TOKEN + "] Согласование паспорта");
    }

    @Test
    void decodesRawWindows1251Subject() throws Exception {
        String subject = "Re: [ODH-" + TOKEN + "] Согласование паспорта набора данных";

        Reply reply = reader.read(withRawSubject(subject, WINDOWS_1251).message());

        assertThat(reply.subject()).isEqualTo(subject);
        assertThat(reply.notes()).contains(ReplyNote.RAW_8BIT_HEADER);
    }

    @Test
    void decodesRawKoi8Subject() throws Exception {
        String subject = "Re: [ODH-" + TOKEN + "] Согласование паспорта набора данных";

        Reply reply = reader.read(withRawSubject(subject, KOI8_R).message());

        assertThat(reply.subject()).isEqualTo(subject);
    }

    @Test
    void decodesRawUtf8Subject() throws Exception {
        Reply reply =
                reader.read(withRawSubject(SUBJECT, StandardCharsets.UTF_8).message());

        assertThat(reply.subject()).isEqualTo(SUBJECT);
    }

    @Test
    void joinsRfc2231SegmentsSplitInsideLetter() throws Exception {
        byte[] name = FILE_NAME.getBytes(StandardCharsets.UTF_8);
        int split = splitInsideLetter(name, 25);
        String disposition = "attachment;\r\n filename*0*=UTF-8''" + RawMail.percent(Arrays.copyOf(name, split))
                + ";\r\n filename*1*=" + RawMail.percent(Arrays.copyOfRange(name, split, name.length));

        Reply reply = reader.read(
                withAttachment("application/vnd.ms-excel", disposition).message());

        assertThat(reply.attachments()).hasSize(1);
        assertThat(reply.attachments().get(0).fileName()).isEqualTo(FILE_NAME);
        assertThat(reply.attachments().get(0).content()).isEqualTo(FILE);
        assertThat(reply.attachments().get(0).contentType()).isEqualTo("application/vnd.ms-excel");
    }

    @Test
    void decodesRfc2231NameInWindows1251() throws Exception {
        String disposition = "attachment; filename*=windows-1251''" + RawMail.percent(FILE_NAME.getBytes(WINDOWS_1251));

        Reply reply = reader.read(
                withAttachment("application/octet-stream", disposition).message());

        assertThat(reply.attachments().get(0).fileName()).isEqualTo(FILE_NAME);
    }

    @Test
    void decodesEncodedWordInQuotedName() throws Exception {
        // Outlook and Mail.ru write RFC 2047 words inside the quoted file name.
        String disposition =
                "attachment; filename=\"" + RawMail.bWord("UTF-8", FILE_NAME.getBytes(StandardCharsets.UTF_8)) + "\"";

        Reply reply = reader.read(
                withAttachment("application/octet-stream", disposition).message());

        assertThat(reply.attachments().get(0).fileName()).isEqualTo(FILE_NAME);
    }

    @Test
    void decodesRawWindows1251Name() throws Exception {
        RawMail mail = headers("Re: [ODH-" + TOKEN + "]")
                .line("Content-Type: multipart/mixed; boundary=\"b1\"")
                .line("")
                .line("--b1")
                .line("Content-Type: text/plain; charset=utf-8")
                .line("")
                .line("Замечания во вложении.", StandardCharsets.UTF_8)
                .line("--b1")
                .line("Content-Type: application/octet-stream")
                .line("Content-Transfer-Encoding: base64")
                .line("Content-Disposition: attachment; filename=\"" + FILE_NAME + "\"", WINDOWS_1251)
                .line("")
                .base64(FILE)
                .line("--b1--");

        Reply reply = reader.read(mail.message());

        assertThat(reply.attachments().get(0).fileName()).isEqualTo(FILE_NAME);
        assertThat(reply.ownText()).isEqualTo("Замечания во вложении.");
    }

    @Test
    void rejectsMultipartWithoutItsBoundary() {
        RawMail mail = headers("Re: [ODH-" + TOKEN + "]")
                .line("Content-Type: multipart/mixed; boundary=\"declared-boundary\"")
                .line("")
                .line("--other-boundary")
                .line("Content-Type: text/plain")
                .line("")
                .line("Approved")
                .line("--other-boundary--");

        assertThatThrownBy(() -> reader.read(mail.message()))
                .isInstanceOf(UnreadableReplyException.class)
                .hasMessageContaining("multipart part 1")
                .hasMessageContaining("send the reply again");
    }

    @Test
    void rejectsInvalidBase64() {
        RawMail mail = headers("Re: [ODH-" + TOKEN + "]")
                .line("Content-Type: multipart/mixed; boundary=\"b1\"")
                .line("")
                .line("--b1")
                .line("Content-Type: text/plain; charset=utf-8")
                .line("Content-Transfer-Encoding: base64")
                .line("")
                .line("0KHQvtCz0LvQsNGB0L7Qst@@@@CwINC+")
                .line("--b1--");

        assertThatThrownBy(() -> reader.read(mail.message()))
                .isInstanceOf(UnreadableReplyException.class)
                .hasMessageContaining("part 1.1")
                .hasMessageContaining("invalid base64");
    }

    @Test
    void rejectsBase64CutInsideQuantum() {
        RawMail mail = headers("Re: [ODH-" + TOKEN + "]")
                .line("Content-Type: text/plain; charset=utf-8")
                .line("Content-Transfer-Encoding: base64")
                .line("")
                .line("0KHQvtCz0LvQsNGB0L7Qs"); // 21 characters: a quantum cut after one character

        assertThatThrownBy(() -> reader.read(mail.message()))
                .isInstanceOf(UnreadableReplyException.class)
                .hasMessageContaining("part 1 ");
    }

    @Test
    void rejectsReplyWithoutSender() {
        RawMail mail = new RawMail()
                .line("To: opendata@integrator.example.kz")
                .line("Subject: Re: [ODH-" + TOKEN + "]")
                .line("")
                .line("Approved");

        assertThatThrownBy(() -> reader.read(mail.message()))
                .isInstanceOf(UnreadableReplyException.class)
                .hasMessageContaining("From");
    }

    @Test
    void readsMessageIdWithoutAngleBrackets() throws Exception {
        RawMail mail = new RawMail()
                .line("From: approvals@stat.example.kz")
                .line("Message-ID: 20261201123000.4242@old-client.stat.example.kz")
                .line("References: <a@hub>  <b@hub>")
                .line("")
                .line("Approved");

        Reply reply = reader.read(mail.message());

        assertThat(reply.messageId()).isEqualTo("<20261201123000.4242@old-client.stat.example.kz>");
        assertThat(reply.inReplyTo()).isNull();
        assertThat(reply.references()).containsExactly("<a@hub>", "<b@hub>");
        assertThat(reply.sentDate()).isNull();
        assertThat(reply.subject()).isEmpty();
    }

    private static int splitInsideLetter(byte[] utf8, int from) {
        int split = from;
        // A UTF-8 continuation byte is 10xxxxxx: splitting before it cuts a letter in two.
        while ((utf8[split] & 0xC0) != 0x80) {
            split++;
        }
        return split;
    }

    private static RawMail headers(String subject) {
        return new RawMail()
                .line("From: approvals@stat.example.kz")
                .line("Subject: " + subject)
                .line("MIME-Version: 1.0");
    }

    private static RawMail withSubject(String encoded) {
        return headers(encoded)
                .line("Content-Type: text/plain; charset=us-ascii")
                .line("")
                .line("Approved");
    }

    private static RawMail withRawSubject(String subject, Charset charset) {
        return new RawMail()
                .line("From: approvals@stat.example.kz")
                .line("Subject: " + subject, charset)
                .line("")
                .line("Approved");
    }

    private static RawMail withAttachment(String type, String disposition) {
        return headers("Re: [ODH-" + TOKEN + "]")
                .line("Content-Type: multipart/mixed; boundary=\"b1\"")
                .line("")
                .line("--b1")
                .line("Content-Type: text/plain; charset=utf-8")
                .line("")
                .line("See the attachment.")
                .line("--b1")
                .line("Content-Type: " + type)
                .line("Content-Transfer-Encoding: base64")
                .line("Content-Disposition: " + disposition)
                .line("")
                .base64(FILE)
                .line("--b1--");
    }
}
