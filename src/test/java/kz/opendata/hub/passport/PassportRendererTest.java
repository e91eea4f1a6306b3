package kz.opendata.hub.passport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PassportRendererTest {

    private final PassportRenderer renderer = new PassportRenderer();

    @Test
    void pdfKeepsKazakhLetters() throws Exception {
        Passport passport = TestPassports.withFullName(
                TestPassports.environmentSpending(),
                LocalizedText.of("Ұлытау және Жетісу облыстарының шығыстары", null, null));

        String text = text(renderer.pdf(passport, Language.KK));

        assertThat(text).contains("Ұлытау және Жетісу облыстарының шығыстары");
        assertThat(text).contains("1 ЖАЛПЫ БӨЛІМ");
        assertThat(text).contains("2 ҚҰРЫЛЫМНЫҢ СИПАТТАМАСЫ");
        assertThat(text).contains("Ұлттық статистика бюросы (stat)");
    }

    @Test
    void pdfKeepsRussianValuesOfControlExamples() throws Exception {
        Passport passport = TestPassports.hospices();

        String text = text(renderer.pdf(passport, Language.RU));

        // The third data row of hospices.csv, address column, as the file has it.
        assertThat(text).contains("117216, Москва, ул. Поляны, д.4");
        assertThat(text).contains("3 КОНТРОЛЬНЫЕ ПРИМЕРЫ ЗАПИСЕЙ");
        assertThat(text).contains("1.3.4 Технологическое наименование атрибута, в котором хранится адрес:");
    }

    @Test
    void pdfContinuesLongTablesOnNextPages() throws Exception {
        Passport passport = TestPassports.environmentSpending();

        byte[] pdf = renderer.pdf(passport, Language.RU);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
        }
        String text = text(pdf);
        for (int year = 2005; year <= 2022; year++) {
            assertThat(text).contains("y" + year);
        }
    }

    /** A value without spaces wider than many lines is cut into full lines and loses no character. */
    @Test
    void pdfBreaksVeryLongValues() throws Exception {
        String digits = "1234567890".repeat(1_000);
        Passport passport = TestPassports.withFullName(TestPassports.hospices(), LocalizedText.of(null, digits, null));

        String text = text(renderer.pdf(passport, Language.RU));

        List<String> digitLines = text.lines()
                .map(String::strip)
                .filter(line -> line.matches("\\d+"))
                .toList();
        assertThat(String.join("", digitLines)).contains(digits);
        assertThat(digitLines.size()).as("lines the value was cut into").isGreaterThan(10);
    }

    @Test
    void pdfReplacesCharactersWithoutGlyph() throws Exception {
        Passport passport = TestPassports.withFullName(
                TestPassports.hospices(), LocalizedText.of(null, "Хосписы \uD83C\uDFE5", null));

        String text = text(renderer.pdf(passport, Language.RU));

        assertThat(text).contains("Хосписы ?");
    }

    @Test
    void htmlEscapesValuesFromUnload() throws Exception {
        Passport passport = TestPassports.withControlExamples(
                TestPassports.hospices(), List.of(Map.of("nazvanie", "<script>alert('x')</script> & {{body}}")));

        String html = renderer.html(passport, Language.RU);

        assertThat(html).doesNotContain("<script>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; {{body}}");
    }

    @Test
    void htmlFollowsFormNumberingInRussian() throws Exception {
        String html = renderer.html(TestPassports.hospices(), Language.RU);

        assertThat(html).contains("<html lang=\"ru\">");
        assertThat(html).contains("1.1.1 Полное наименование:");
        assertThat(html).contains("1.2.1 Периодичность обновления:");
        assertThat(html).contains("По мере необходимости");
        assertThat(html).contains("2.1 Перечень атрибутов и их основные свойства");
        assertThat(html).contains("3 КОНТРОЛЬНЫЕ ПРИМЕРЫ ЗАПИСЕЙ");
    }

    @Test
    void htmlMarksDraftedFieldsAndExcludedColumns() throws Exception {
        String html = renderer.html(TestPassports.hospices(), Language.EN);

        assertThat(html).contains("<span class=\"to-confirm\">to be confirmed</span>");
        assertThat(html).contains("Руководитель: person-name");
    }

    @Test
    void htmlUsesKazakhLabels() throws Exception {
        String html = renderer.html(TestPassports.population(), Language.KK);

        assertThat(html).contains("1.1.1 Толық атауы:");
        assertThat(html).contains("Жыл сайын");
        assertThat(html).contains("Аумақтық код");
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
