package kz.opendata.hub.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The Appendix 1 form written as XLSX, filled in with POI as an agency would, and read back. */
class InventoryFormTest {

    private static final String SYSTEMS_KK = "Ақпараттық жүйелер";
    private static final String FIELDS_KK = "Деректер өрістері";

    private final RequestLetter letter = RequestLetterRenderingTest.letter(
            "kk", "stat-bureau", "Ұлттық статистика бюросы", RequestLetterRenderingTest.kazakhSystems());

    @Test
    void issuedFormReadsBackUnchanged() throws IOException {
        byte[] form = InventoryFormWriter.write(letter);

        InventoryForm read = InventoryFormReader.read("form.xlsx", form);

        assertThat(read.agencyCode()).isEqualTo("stat-bureau");
        assertThat(read.campaignId()).isEqualTo(3L);
        assertThat(read.letterNumber()).isEqualTo("3-01");
        assertThat(read.language()).isEqualTo("kk");
        assertThat(read.systems()).isEqualTo(letter.systems());
    }

    @Test
    void rowsAddedByAgencyBecomeSystemsAndFields() throws IOException {
        byte[] filled = edit(InventoryFormWriter.write(letter), workbook -> {
            row(workbook.getSheet(SYSTEMS_KK), 4, "2", "Жер кадастры", "Жер учаскелері");
            row(workbook.getSheet(FIELDS_KK), 5, "3", "Жер кадастры", "Кадастрлық нөмір", "cadastral_no", "", "жол");
            row(workbook.getSheet(FIELDS_KK), 6, "4", "жер  КАДАСТРЫ", "Ауданы", "area_ha", "Гектар", "сан");
        });

        InventoryForm read = InventoryFormReader.read("filled.xlsx", filled);

        assertThat(read.systems()).hasSize(2);
        InformationSystem added = read.systems().get(1);
        assertThat(added.name()).isEqualTo("Жер кадастры");
        assertThat(added.description()).isEqualTo("Жер учаскелері");
        assertThat(added.fields()).hasSize(2);
        assertThat(added.fields().get(0).field()).isEqualTo("cadastral_no");
        assertThat(added.fields().get(0).description()).isNull();
        assertThat(added.fields().get(1).type()).isEqualTo("сан");
        assertThat(read.fieldCount()).isEqualTo(4);
    }

    @Test
    void movedColumnNamesSheetRowColumn() throws IOException {
        byte[] changed =
                edit(InventoryFormWriter.write(letter), workbook -> swapColumns(workbook.getSheet(FIELDS_KK), 3, 4));

        List<FormProblem> problems = problems(changed);

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).toString())
                .startsWith("sheet 'Деректер өрістері', row 3, column D: heading 'Өріс' expected, found 'Сипаттамасы'");
        assertThat(problems.get(0).message()).contains("moved to column E");
        assertThat(problems.get(1).column()).isEqualTo("E");
        assertThat(problems.get(1).message()).contains("moved to column D");
    }

    @Test
    void renamedHeadingIsReported() throws IOException {
        byte[] changed = edit(
                InventoryFormWriter.write(letter),
                workbook -> workbook.getSheet(SYSTEMS_KK).getRow(2).getCell(2).setCellValue("Түсініктеме"));

        List<FormProblem> problems = problems(changed);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).sheet()).isEqualTo(SYSTEMS_KK);
        assertThat(problems.get(0).row()).isEqualTo(3);
        assertThat(problems.get(0).column()).isEqualTo("C");
        assertThat(problems.get(0).message()).contains("found 'Түсініктеме'").contains("renamed");
    }

    @Test
    void rowsInsertedAboveHeadingsAreReported() throws IOException {
        byte[] changed = edit(InventoryFormWriter.write(letter), workbook -> {
            Sheet sheet = workbook.getSheet(SYSTEMS_KK);
            sheet.shiftRows(0, sheet.getLastRowNum(), 2);
        });

        List<FormProblem> problems = problems(changed);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).toString())
                .startsWith("sheet 'Ақпараттық жүйелер', row 3: the column headings are in row 5 instead of row 3");
    }

    @Test
    void renamedSheetIsReportedWithSheetsPresent() throws IOException {
        byte[] changed = edit(InventoryFormWriter.write(letter), workbook -> workbook.setSheetName(1, "Өрістер"));

        List<FormProblem> problems = problems(changed);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).sheet()).isEqualTo(FIELDS_KK);
        assertThat(problems.get(0).message()).contains("'Өрістер'").contains("sheet not found");
    }

    @Test
    void fieldOfUnlistedSystemIsReported() throws IOException {
        byte[] changed = edit(
                InventoryFormWriter.write(letter),
                workbook -> row(workbook.getSheet(FIELDS_KK), 5, "3", "Кадастр", "Нөмір", "no", "", ""));

        List<FormProblem> problems = problems(changed);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).toString())
                .startsWith("sheet 'Деректер өрістері', row 6, column B: information system 'Кадастр' is not listed");
    }

    @Test
    void fileThatIsNoWorkbookIsRejected() {
        assertThatThrownBy(() -> InventoryFormReader.read("form.xlsx", "name;field\n".getBytes()))
                .isInstanceOf(InvalidInventoryFormException.class)
                .hasMessageContaining("could not be opened as an XLSX workbook");
    }

    private static List<FormProblem> problems(byte[] form) {
        try {
            InventoryFormReader.read("changed.xlsx", form);
        } catch (InvalidInventoryFormException e) {
            return e.problems();
        }
        throw new AssertionError("the changed form was accepted");
    }

    static byte[] edit(byte[] form, Consumer<XSSFWorkbook> change) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(form));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** Writes cells into a row counted from 0, as POI counts. */
    static void row(Sheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < cells.length; c++) {
            row.createCell(c).setCellValue(cells[c]);
        }
    }

    private static void swapColumns(Sheet sheet, int left, int right) {
        for (Row row : sheet) {
            if (row.getRowNum() < 2) {
                continue;
            }
            String leftText = row.getCell(left) == null ? "" : row.getCell(left).getStringCellValue();
            String rightText =
                    row.getCell(right) == null ? "" : row.getCell(right).getStringCellValue();
            row.createCell(left).setCellValue(rightText);
            row.createCell(right).setCellValue(leftText);
        }
    }
}
