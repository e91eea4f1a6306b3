package kz.opendata.hub.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replies in the Kazakh 8-bit code pages. The byte strings were written with the code page tables
 * of another implementation (Python 3's kz1048 and ptcp154 codecs), so they do not come from the
 * tables under test.
 */
class KazakhCharsetsTest {

    private static final String TEXT = "Келісілді. Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі";
    private static final String KZ_1048 = "cae5ebb3f1b3ebe4b32e20a3bc20aaba208d9d20bdbe20a5b420a1a220afbf208e9e20b2b3";
    private static final String PTCP154 = "cae5ebb3f1b3ebe4b32e20aaba208183208d9d208c9c20a4b520a6b1208789208e9e20b2b3";

    private final ReplyReader reader = new ReplyReader();

    @Test
    void javaLacksBothCodePages() {
        // The tables exist because the runtime has neither; a runtime that gains one is used first.
        assertThat(Charset.isSupported("KZ-1048")).isFalse();
        assertThat(Charset.isSupported("PTCP154")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "KZ-1048, " + KZ_1048,
        "kz1048, " + KZ_1048,
        "STRK1048-2002, " + KZ_1048,
        "PTCP154, " + PTCP154,
        "PT154, " + PTCP154,
        "cp154, " + PTCP154
    })
    void decodesKazakhLettersByLabel(String label, String hex) {
        Charset charset = CyrillicCharsets.lookup(label);

        assertThat(charset).isNotNull();
        assertThat(new String(HexFormat.of().parseHex(hex), charset)).isEqualTo(TEXT);
    }

    @Test
    void encodesBackToSameBytes() {
        assertThat(HexFormat.of().formatHex(TEXT.getBytes(KazakhCharsets.KZ_1048)))
                .isEqualTo(KZ_1048);
        assertThat(HexFormat.of().formatHex(TEXT.getBytes(KazakhCharsets.PTCP154)))
                .isEqualTo(PTCP154);
    }

    @Test
    void readsReplyInKz1048() throws Exception {
        Reply reply = reader.read(reply("KZ-1048", KZ_1048).message());

        assertThat(reply.text()).isEqualTo(TEXT);
        assertThat(reply.ownText()).startsWith("Келісілді.");
    }

    @Test
    void readsReplyInPtcp154() throws Exception {
        Reply reply = reader.read(reply("PTCP154", PTCP154).message());

        assertThat(reply.text()).isEqualTo(TEXT);
    }

    private static RawMail reply(String charset, String hex) {
        return new RawMail()
                .line("From: approvals@stat.example.kz")
                .line("Subject: RE: [ODH-" + ReplyReaderClientsTest.TOKEN + "]")
                .line("MIME-Version: 1.0")
                .line("Content-Type: text/plain; charset=" + charset)
                .line("Content-Transfer-Encoding: base64")
                .line("")
                .base64(HexFormat.of().parseHex(hex));
    }
}
