package kz.opendata.hub.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import kz.opendata.hub.exchange.InformationSystem.DataField;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** Official requests rendered as PDF and DOCX and read back with PDFBox and POI. */
class RequestLetterRenderingTest {

    private static final String STAT_BUREAU_KK =
            "Қазақстан Республикасы Стратегиялық жоспарлау және реформалар" + " агенттігінің Ұлттық статистика бюросы";
    private static final String HEALTH_RU = "Городское управление здравоохранения";

    static RequestLetter letter(
            String language, String agencyCode, String agencyName, List<InformationSystem> systems) {
        return new RequestLetter(
                language,
                "3-01",
                LocalDate.of(2025, 4, 2),
                3,
                agencyCode,
                agencyName,
                LetterTexts.of(language).text("integrator.name"),
                "17",
                LocalDate.of(2025, 3, 14),
                "04-2/1187",
                LocalDate.of(2025, 4, 17),
                "/incoming/" + agencyCode,
                systems);
    }

    static List<InformationSystem> kazakhSystems() {
        return List.of(new InformationSystem(
                "Білім беру ұйымдарының тізілімі",
                "Мектептер мен колледждер",
                List.of(
                        new DataField("Ұйымның атауы", "org_name", "Толық атауы", "жол"),
                        new DataField("Өңір", "region_kato", "ӘАОЖ коды", "сан"))));
    }

    @Test
    void kazakhPdfKeepsNameHeadingsAndLetters() throws IOException {
        RequestLetter letter = letter("kk", "stat-bureau", STAT_BUREAU_KK, kazakhSystems());

        String text = pdfText(PdfLetterRenderer.render(LetterContent.of(letter)));

        assertThat(text).contains(STAT_BUREAU_KK);
        assertThat(text).contains("1-қосымша");
        assertThat(text).contains("Ақпараттық жүйелердің тізбесі");
        assertThat(text).contains("Ақпараттық жүйелер туралы мәліметтер");
        assertThat(text).contains("Білім беру ұйымдарының тізілімі");
        assertThat(text).contains("region_kato");
        assertThat(text).contains("ӘАОЖ коды");
        assertThat(text).contains("№ 17 шешіміне");
        for (String letterOfKazakh : List.of("ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "і", "Ә", "Ұ", "Ө")) {
            assertThat(text).contains(letterOfKazakh);
        }
    }

    @Test
    void kazakhDocxKeepsNameHeadingsAndTables() throws IOException {
        RequestLetter letter = letter("kk", "stat-bureau", STAT_BUREAU_KK, kazakhSystems());

        byte[] docx = DocxLetterRenderer.render(LetterContent.of(letter));

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            String text = extractor.getText();
            assertThat(text).contains(STAT_BUREAU_KK);
            assertThat(text).contains("Ақпараттық жүйелердің тізбесі");
            assertThat(text).contains("Ақпараттық жүйелер туралы мәліметтер");
            assertThat(document.getTables()).hasSize(2);
            assertThat(document.getTables().get(1).getRow(2).getCell(2).getText())
                    .isEqualTo("region_kato");
            assertThat(document.getTables().get(1).getRow(0).getCell(4).getText())
                    .isEqualTo("Түрі");
        }
    }

    @Test
    void russianPdfWithoutSystemsShowsEmptyAppendix() throws IOException {
        RequestLetter letter = letter("ru", "city-health", HEALTH_RU, List.of());

        String text = pdfText(PdfLetterRenderer.render(LetterContent.of(letter)));

        assertThat(text).contains("Кому: " + HEALTH_RU);
        assertThat(text).contains("Приложение 1");
        assertThat(text).contains("Перечень информационных систем");
        assertThat(text).contains("Сведения об информационных системах");
        assertThat(text).contains("Информационная система");
        assertThat(text).contains("до 17.04.2025");
        assertThat(text).contains("/incoming/city-health");
    }

    @Test
    void longTableBreaksOntoFurtherPages() throws IOException {
        List<DataField> fields = new java.util.ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            fields.add(new DataField("Өріс " + i, "field_" + i, "Сипаттама " + i, "жол"));
        }
        RequestLetter letter =
                letter("kk", "stat-bureau", STAT_BUREAU_KK, List.of(new InformationSystem("ЖҚ", null, fields)));

        byte[] pdf = PdfLetterRenderer.render(LetterContent.of(letter));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(4);
        }
        String text = pdfText(pdf);
        assertThat(text).contains("field_1 ");
        assertThat(text).contains("field_120 ");
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
