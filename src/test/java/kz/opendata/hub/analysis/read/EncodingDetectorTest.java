package kz.opendata.hub.analysis.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncodingDetectorTest {

    private static final String RUSSIAN_TABLE = """
            № строки;Название;Адрес;Телефон
            1;Тушинский отдел ЗАГС Управления ЗАГС Москвы;Химкинский бульвар, дом 14, корп. 1;(499) 046-72-76
            2;Управление ЗАГС Москвы;улица Новый Арбат, дом 21;(495) 023-51-97
            3;Дворец бракосочетания № 4;Бутырская улица, дом 7;(495) 685-14-02
            """;

    private final EncodingDetector detector = new EncodingDetector();

    @ParameterizedTest
    @ValueSource(strings = {"windows-1251", "KOI8-R", "IBM866"})
    void distinguishesCyrillicCodePages(String charsetName) {
        Charset charset = Charset.forName(charsetName);

        DetectedEncoding detected = detector.detect(RUSSIAN_TABLE.getBytes(charset), true);

        assertThat(detected.charset()).isEqualTo(charset);
        assertThat(detected.confidence()).isGreaterThan(0.5);
        assertThat(detected.bomLength()).isZero();
    }

    @Test
    void recognisesUtf8WithAndWithoutBom() {
        byte[] plain = RUSSIAN_TABLE.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[plain.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, withBom, 3, plain.length);

        assertThat(detector.detect(plain, true).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(detector.detect(withBom, true).bomLength()).isEqualTo(3);
        assertThat(detector.detect(withBom, true).confidence()).isEqualTo(1.0);
    }

    @Test
    void recognisesUtf16ByBomAndByZeroBytes() {
        byte[] withBom = ("\uFEFF" + RUSSIAN_TABLE).getBytes(StandardCharsets.UTF_16LE);
        byte[] latinNoBom = "id\tname\n1\tAlmaty\n2\tAstana\n".getBytes(StandardCharsets.UTF_16LE);

        assertThat(detector.detect(withBom, true).charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(detector.detect(withBom, true).bomLength()).isEqualTo(2);
        assertThat(detector.detect(latinNoBom, true).charset()).isEqualTo(StandardCharsets.UTF_16LE);
    }

    @Test
    void ignoresUtf8CharacterCutAtSampleEnd() {
        byte[] text = "Ұлытау".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(text, text.length - 1);

        assertThat(detector.detect(cut, false).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void rejectsBinaryData() {
        byte[] data = {0x50, 0x4B, 0x03, 0x04, 0x00, 0x14, 0x00, 0x06, 0x00};

        assertThat(detector.detect(data, true)).isNull();
    }
}
