package kz.opendata.hub.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import kz.opendata.hub.exchange.LetterContent.SystemTable;
import kz.opendata.hub.exchange.LetterContent.Table;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Renders an official request with its Appendix 1 as a DOCX the agency can edit and file. */
final class DocxLetterRenderer {

    private static final String FONT = "Times New Roman";
    private static final int TEXT = 12;
    private static final int SMALL = 10;

    private DocxLetterRenderer() {}

    static byte[] render(LetterContent content) throws IOException {
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getProperties().getCoreProperties().setTitle(content.title() + " " + content.numberLine());
            letter(document, content);
            appendix(document, content);
            document.write(out);
            return out.toByteArray();
        }
    }

    private static void letter(XWPFDocument document, LetterContent content) {
        paragraph(document, content.addressee(), ParagraphAlignment.RIGHT, false, TEXT);
        paragraph(document, content.numberLine(), ParagraphAlignment.LEFT, false, TEXT);
        paragraph(document, content.title(), ParagraphAlignment.CENTER, true, TEXT + 1);
        for (String text : content.paragraphs()) {
            paragraph(document, text, ParagraphAlignment.BOTH, false, TEXT).setIndentationFirstLine(567);
        }
        paragraph(document, content.closing(), ParagraphAlignment.LEFT, false, TEXT);
        paragraph(document, content.signature(), ParagraphAlignment.LEFT, true, TEXT);
    }

    private static void appendix(XWPFDocument document, LetterContent content) {
        XWPFParagraph title = paragraph(document, content.appendixTitle(), ParagraphAlignment.RIGHT, false, TEXT);
        title.setPageBreak(true);
        paragraph(document, content.systemsHeading(), ParagraphAlignment.CENTER, true, TEXT);
        table(document, content.systems());
        if (content.emptyNote() != null) {
            paragraph(document, content.emptyNote(), ParagraphAlignment.LEFT, false, SMALL);
        }
        paragraph(document, content.fieldsHeading(), ParagraphAlignment.CENTER, true, TEXT);
        for (SystemTable system : content.fieldTables()) {
            if (!system.systemName().isBlank()) {
                paragraph(document, system.systemName(), ParagraphAlignment.LEFT, true, TEXT);
            }
            table(document, system.table());
            if (system.emptyNote() != null) {
                paragraph(document, system.emptyNote(), ParagraphAlignment.LEFT, false, SMALL);
            }
        }
    }

    private static XWPFParagraph paragraph(
            XWPFDocument document, String text, ParagraphAlignment alignment, boolean bold, int size) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(alignment);
        run(paragraph, text, bold, size);
        return paragraph;
    }

    /** Writes text in runs, one per line, so line breaks show in Word. */
    private static void run(XWPFParagraph paragraph, String text, boolean bold, int size) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFRun run = paragraph.createRun();
            run.setFontFamily(FONT);
            run.setFontSize(size);
            run.setBold(bold);
            if (i > 0) {
                run.addBreak(BreakType.TEXT_WRAPPING);
            }
            run.setText(lines[i]);
        }
    }

    private static void table(XWPFDocument document, Table content) {
        XWPFTable table =
                document.createTable(1 + content.rows().size(), content.header().size());
        table.setWidth("100%");
        fill(table.getRow(0), content.header(), true);
        table.getRow(0).setRepeatHeader(true);
        for (int r = 0; r < content.rows().size(); r++) {
            fill(table.getRow(r + 1), content.rows().get(r), false);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            run(cell.getParagraphs().get(0), cells.get(c), bold, SMALL);
        }
    }
}
