package kz.opendata.hub.analysis.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DelimiterDetectorTest {

    private final DelimiterDetector detector = new DelimiterDetector();

    @Test
    void prefersTabOverCommasInsideAddresses() {
        String text = "№\tНазвание\tАдрес\n1\tХоспис № 1\t119048, Москва, ул. Доватора, д.10\n"
                + "2\tХоспис № 2\t125412,Москва, ул. Талдомская, д.2 А\n";

        assertThat(detector.detect(text)).isEqualTo('\t');
    }

    @Test
    void findsSemicolonOfExcelCsv() {
        String text =
                "№ строки;Название;Адрес\r\n1;Отдел ЗАГС;Химкинский бульвар, дом 14, корп. 1\r\n2;Управление;улица, дом 21\r\n";

        assertThat(detector.detect(text)).isEqualTo(';');
    }

    @Test
    void ignoresDelimitersInsideQuotes() {
        String text = "name,value\n\"Oil products; total\",0.1\n\"Surfactants; anionic\",0.5\n";

        assertThat(detector.detect(text)).isEqualTo(',');
    }

    @Test
    void findsPipe() {
        assertThat(detector.detect("a|b|c\n1|2|3\n4|5|6\n")).isEqualTo('|');
    }

    @Test
    void fallsBackToCommaForSingleColumn() {
        assertThat(detector.detect("name\nАлматы\nАстана\n")).isEqualTo(',');
    }
}
