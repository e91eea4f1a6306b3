package kz.opendata.hub.analysis.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CellDecoderTest {

    private static final byte[] INVALID_UTF8 = {'a', (byte) 0xC0, (byte) 0xEB};

    @Test
    void decidesUtf8BlanksLikeIsBlank() {
        CellDecoder decoder = new CellDecoder(StandardCharsets.UTF_8, e -> new IllegalStateException(e));

        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
                continue;
            }
            String cell = " \t" + Character.toString(c) + " ";
            byte[] bytes = cell.getBytes(StandardCharsets.UTF_8);

            assertThat(decoder.isFilled(bytes, 0, bytes.length)).as("U+%04X", c).isEqualTo(!cell.isBlank());
        }
    }

    @Test
    void decidesSingleByteBlanksLikeIsBlank() {
        for (String name : new String[] {"windows-1251", "KOI8-R", "IBM866", "ISO-8859-5"}) {
            Charset charset = Charset.forName(name);
            CellDecoder decoder = new CellDecoder(charset, e -> new IllegalStateException(e));

            for (int b = 0; b < 256; b++) {
                byte[] bytes = {' ', (byte) b, '\t'};
                String cell = new String(bytes, charset);

                assertThat(decoder.isFilled(bytes, 0, bytes.length))
                        .as("%s byte %02X", name, b)
                        .isEqualTo(!cell.isBlank());
            }
        }
    }

    @Test
    void raisesTheGivenErrorForInvalidBytes() {
        CellDecoder decoder = new CellDecoder(StandardCharsets.UTF_8, e -> new IllegalStateException("placed", e));

        assertThatThrownBy(() -> decoder.decode(INVALID_UTF8, 0, INVALID_UTF8.length))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("placed");
    }

    @Test
    void keepsAReplacementCharacterWrittenOnPurpose() {
        CellDecoder decoder = new CellDecoder(StandardCharsets.UTF_8, e -> new IllegalStateException(e));
        byte[] bytes = "x\uFFFDy".getBytes(StandardCharsets.UTF_8);

        assertThat(decoder.decode(bytes, 0, bytes.length)).isEqualTo("x\uFFFDy");
    }
}
