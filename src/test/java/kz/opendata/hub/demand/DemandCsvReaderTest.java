package kz.opendata.hub.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemandCsvReaderTest {

    private final SignalRules rules = new SignalRules("upload", DemandSignal.PORTAL_REQUEST, ZoneOffset.ofHours(5));

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsRussianHeadersWithSemicolons() {
        String csv = "\uFEFFНомер;Тема;Описание;Ключевые слова;Поля;Голоса;Дата;E-mail\r\n"
                + "17;Население по областям;\"Нужны данные\r\nпо годам\";население, демография;область;12;31.03.2031;"
                + "someone@example.kz\r\n";

        ParsedSignals parsed = DemandCsvReader.read(utf8(csv), rules);

        assertThat(parsed.received()).isEqualTo(1);
        assertThat(parsed.rejections()).isEmpty();
        assertThat(parsed.encoding()).isEqualTo("UTF-8");
        NewSignal signal = parsed.signals().get(0);
        assertThat(signal.externalId()).isEqualTo("17");
        assertThat(signal.title()).isEqualTo("Население по областям");
        assertThat(signal.description()).isEqualTo("Нужны данные\r\nпо годам");
        assertThat(signal.keywords()).containsExactly("население", "демография");
        assertThat(signal.columns()).containsExactly("область");
        assertThat(signal.votes()).isEqualTo(12);
        assertThat(signal.requestedAt()).isEqualTo(OffsetDateTime.parse("2031-03-31T00:00:00+05:00"));
        assertThat(signal.kind()).isEqualTo(DemandSignal.PORTAL_REQUEST);
        assertThat(signal.toString()).doesNotContain("someone@example.kz");
    }

    @Test
    void readsKazakhHeadersWithCommas() {
        String csv = "Атауы,Түрі,Дауыстар\r\nХалық саны облыстар бойынша,бизнес,3\r\n";

        NewSignal signal = DemandCsvReader.read(utf8(csv), rules).signals().get(0);

        assertThat(signal.title()).isEqualTo("Халық саны облыстар бойынша");
        assertThat(signal.kind()).isEqualTo(DemandSignal.BUSINESS_NEED);
        assertThat(signal.votes()).isEqualTo(3);
    }

    @Test
    void readsWindows1251WhenNotUtf8() {
        String csv = "title\tvotes\r\nРеестр аптек\t2\r\n";

        ParsedSignals parsed = DemandCsvReader.read(csv.getBytes(Charset.forName("windows-1251")), rules);

        assertThat(parsed.encoding()).isEqualTo("windows-1251");
        assertThat(parsed.signals().get(0).title()).isEqualTo("Реестр аптек");
    }

    @Test
    void rejectsBadRowsWithLineNumbers() {
        String csv = "title;votes;date;kind\r\n"
                + "Первый;много;;\r\n"
                + "Второй;1;2031-13-01;\r\n"
                + ";1;;\r\n"
                + "Четвёртый;1;;предложение\r\n"
                + "Пятый;;2031-04-01T10:15:00+05:00;business-need\r\n";

        ParsedSignals parsed = DemandCsvReader.read(utf8(csv), rules);

        assertThat(parsed.received()).isEqualTo(5);
        assertThat(parsed.signals()).extracting(NewSignal::title).containsExactly("Пятый");
        assertThat(parsed.signals().get(0).votes()).isEqualTo(1);
        List<String> rejections = parsed.rejections();
        assertThat(rejections).hasSize(4);
        assertThat(rejections.get(0)).startsWith("line 2: votes 'много'");
        assertThat(rejections.get(1)).startsWith("line 3: date '2031-13-01'");
        assertThat(rejections.get(2)).startsWith("line 4: the request has no title and no description");
        assertThat(rejections.get(3)).startsWith("line 5: kind 'предложение' is not known");
    }

    @Test
    void sameRowGetsSameIdWithoutIdColumn() {
        String csv = "title;description\r\nРеестр аптек;по районам\r\nРеестр аптек;по районам\r\nРеестр школ;\r\n";

        List<NewSignal> signals = DemandCsvReader.read(utf8(csv), rules).signals();

        assertThat(signals.get(0).externalId())
                .startsWith("sha256:")
                .isEqualTo(signals.get(1).externalId());
        assertThat(signals.get(2).externalId()).isNotEqualTo(signals.get(0).externalId());
    }

    @Test
    void headerWithoutTitleIsRejected() {
        String csv = "votes;date\r\n3;2031-01-01\r\n";

        assertThatThrownBy(() -> DemandCsvReader.read(utf8(csv), rules))
                .isInstanceOf(DemandImportException.class)
                .hasMessageContaining("no title column");
    }

    @Test
    void emptyFileIsRejected() {
        assertThatThrownBy(() -> DemandCsvReader.read(new byte[0], rules))
                .isInstanceOf(DemandImportException.class)
                .hasMessageContaining("empty");
    }
}
