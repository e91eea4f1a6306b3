package kz.opendata.hub.analysis.types;

import static org.assertj.core.api.Assertions.assertThat;

import kz.opendata.hub.analysis.types.SemanticTypes.Inference;
import org.junit.jupiter.api.Test;

class SemanticTypesTest {

    @Test
    void yearNeedsHeaderWordAndRange() {
        assertThat(infer("Год", "2000", "2021").type()).isEqualTo(ValueType.YEAR);
        assertThat(infer("year", "2000", "2021").type()).isEqualTo(ValueType.YEAR);
        assertThat(infer("Количество", "2000", "2021").type()).isEqualTo(ValueType.INTEGER);
        assertThat(infer("Год", "1700", "2021").type()).isEqualTo(ValueType.INTEGER);
    }

    @Test
    void periodsOfSixDigitsNeedHeaderWord() {
        assertThat(infer("Отчётный период", "202301", "202312").type()).isEqualTo(ValueType.YEARMONTH);
        assertThat(infer("Код", "202301", "202312").type()).isEqualTo(ValueType.INTEGER);
    }

    @Test
    void coordinatesNeedHeaderWordAndRange() {
        assertThat(infer("Широта", "42.3", "55.4").semanticType()).isEqualTo("latitude");
        assertThat(infer("Долгота", "46.5", "87.3").semanticType()).isEqualTo("longitude");
        assertThat(infer("lat", "142.3", "155.4").semanticType()).isNull();
        assertThat(infer("Площадь", "42.3", "55.4").semanticType()).isNull();
    }

    @Test
    void codesNeedHeaderWordAndFixedLength() {
        assertThat(code("Код КАТО", 9).semanticType()).isEqualTo("kato");
        assertThat(code("Почтовый индекс", 6).semanticType()).isEqualTo("postcode");
        assertThat(code("Код КАТО", 6).semanticType()).isNull();
    }

    @Test
    void percentsAndUrlsComeFromValues() {
        ColumnProfiler shares = new ColumnProfiler(100, 3);
        shares.accept("12,5%");
        shares.accept("80 %");
        ColumnProfiler sites = new ColumnProfiler(100, 3);
        sites.accept("http://www.ds499.uvuo.ru");
        sites.accept("https://mos.ru");

        assertThat(SemanticTypes.infer("Доля", shares.stats()).semanticType()).isEqualTo("percent");
        assertThat(SemanticTypes.infer("Сайт", sites.stats()).semanticType()).isEqualTo("url");
    }

    private static Inference infer(String header, String... values) {
        ColumnProfiler profiler = new ColumnProfiler(100, 3);
        for (String value : values) {
            profiler.accept(value);
        }
        return SemanticTypes.infer(header, profiler.stats());
    }

    private static Inference code(String header, int length) {
        ColumnProfiler profiler = new ColumnProfiler(100, 3);
        profiler.accept("0".repeat(length - 1) + "1");
        profiler.accept("0".repeat(length - 1) + "2");
        return SemanticTypes.infer(header, profiler.stats());
    }
}
