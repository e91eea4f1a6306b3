package kz.opendata.hub.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import kz.opendata.hub.passport.Language;
import kz.opendata.hub.passport.Passport;
import kz.opendata.hub.passport.PassportDiff;
import kz.opendata.hub.passport.PassportJson;
import kz.opendata.hub.passport.PassportMessages;
import kz.opendata.hub.passport.UpdateFrequencyVocabulary;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The XLSX form attached to approval e-mails, written and read back as an agency edits it. */
class PassportWorkbookTest {

    private static final FormVocabulary VOCABULARY =
            new FormVocabulary(new PassportMessages(), UpdateFrequencyVocabulary.loadDefault());

    private static ObjectNode sent;
    private static byte[] form;

    private final PassportWorkbookReader reader = new PassportWorkbookReader(VOCABULARY);

    @BeforeAll
    static void writeForm() throws Exception {
        sent = SamplePassports.drafted("mos/hospices.csv");
        Passport passport = PassportJson.mapper().treeToValue(sent, Passport.class);
        form = new PassportWorkbook(VOCABULARY).write(passport, Language.RU);
    }

    @Test
    void unchangedFormChangesNothing() {
        ObjectNode read = reader.read(form, sent, "form.xlsx");

        assertThat(PassportDiff.between(sent, read)).isEmpty();
    }

    @Test
    void readsEditedCellsByTheirPaths() throws Exception {
        String technicalName = sent.at("/attributes/2/technicalName").asText();
        boolean required = sent.at("/attributes/2/required").asBoolean();
        byte[] edited = edit(workbook -> {
            valueOf(workbook.getSheetAt(0), "general.fullName.ru").setCellValue("Хосписы города Москвы");
            valueOf(workbook.getSheetAt(0), "updating.frequency").setCellValue("Ежеквартально");
            Row row = attributeRow(workbook.getSheetAt(1), technicalName);
            row.getCell(3).setCellValue("Адрес хосписа");
            row.getCell(7).setCellValue(required ? "Необязательный" : "Обязательный");
        });

        ObjectNode read = reader.read(edited, sent, "form.xlsx");

        assertThat(read.at("/general/fullName/ru").asText()).isEqualTo("Хосписы города Москвы");
        assertThat(read.at("/updating/frequency").asText()).isEqualTo("quarterly");
        assertThat(read.at("/attributes/2/name/ru").asText()).isEqualTo("Адрес хосписа");
        assertThat(read.at("/attributes/2/required").asBoolean()).isEqualTo(!required);
        assertThat(PassportDiff.between(sent, read)).hasSize(4);
    }

    @Test
    void rejectsFormOfAnotherVersion() throws Exception {
        byte[] edited = edit(workbook -> workbook.getSheet(PassportWorkbook.ID_SHEET)
                .getRow(1)
                .getCell(1)
                .setCellValue(7));

        assertThatThrownBy(() -> reader.read(edited, sent, "form.xlsx"))
                .isInstanceOf(UnusableEditException.class)
                .hasMessageContaining("form of version 7");
    }

    @Test
    void rejectsUnknownTechnicalName() throws Exception {
        String technicalName = sent.at("/attributes/0/technicalName").asText();
        byte[] edited = edit(workbook ->
                attributeRow(workbook.getSheetAt(1), technicalName).getCell(1).setCellValue("new_column"));

        assertThatThrownBy(() -> reader.read(edited, sent, "form.xlsx"))
                .hasMessageContaining("names the attribute 'new_column'");
    }

    @Test
    void rejectsUnknownObligationWord() throws Exception {
        String technicalName = sent.at("/attributes/0/technicalName").asText();
        byte[] edited = edit(workbook ->
                attributeRow(workbook.getSheetAt(1), technicalName).getCell(7).setCellValue("иногда"));

        assertThatThrownBy(() -> reader.read(edited, sent, "form.xlsx"))
                .hasMessageContaining("obligation cell contains a value the form does not allow");
    }

    private interface Edit {
        void apply(Workbook workbook) throws Exception;
    }

    private static byte[] edit(Edit edit) throws Exception {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(form));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.apply(workbook);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static org.apache.poi.ss.usermodel.Cell valueOf(Sheet sheet, String path) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && path.equals(row.getCell(0).getStringCellValue())) {
                return row.getCell(2);
            }
        }
        throw new AssertionError("the form has no row " + path);
    }

    private static Row attributeRow(Sheet sheet, String technicalName) {
        for (Row row : sheet) {
            if (row.getCell(1) != null && technicalName.equals(row.getCell(1).toString())) {
                return row;
            }
        }
        throw new AssertionError("the form has no attribute row " + technicalName);
    }
}
