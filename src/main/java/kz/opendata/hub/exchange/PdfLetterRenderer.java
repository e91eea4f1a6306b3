package kz.opendata.hub.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import kz.opendata.hub.exchange.LetterContent.SystemTable;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/** Renders an official request with its Appendix 1 as a PDF with embedded DejaVu Sans fonts. */
final class PdfLetterRenderer {

    private static final float TEXT = 11;
    private static final float SMALL = 9;
    private static final float[] SYSTEM_COLUMNS = {0.08f, 0.40f, 0.52f};
    private static final float[] FIELD_COLUMNS = {0.07f, 0.25f, 0.20f, 0.33f, 0.15f};

    private PdfLetterRenderer() {}

    static byte[] render(LetterContent content) throws IOException {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(content.title() + " " + content.numberLine());
            try (PdfFlow flow = new PdfFlow(document)) {
                letter(flow, content);
                appendix(flow, content);
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static void letter(PdfFlow flow, LetterContent content) throws IOException {
        flow.rightAligned(content.addressee(), TEXT);
        flow.space(TEXT);
        flow.paragraph(content.numberLine(), TEXT, false, TEXT);
        flow.paragraph(content.title(), TEXT + 2, true, TEXT);
        for (String paragraph : content.paragraphs()) {
            flow.paragraph(paragraph, TEXT, false, TEXT / 2);
        }
        flow.space(TEXT);
        flow.paragraph(content.closing(), TEXT, false, 0);
        flow.paragraph(content.signature(), TEXT, true, 2 * TEXT);
    }

    private static void appendix(PdfFlow flow, LetterContent content) throws IOException {
        flow.newPage();
        flow.rightAligned(content.appendixTitle(), TEXT);
        flow.space(TEXT / 2);
        flow.paragraph(content.systemsHeading(), TEXT + 1, true, TEXT / 2);
        flow.table(content.systems(), SYSTEM_COLUMNS, SMALL);
        if (content.emptyNote() != null) {
            flow.paragraph(content.emptyNote(), SMALL, false, TEXT);
        }
        flow.paragraph(content.fieldsHeading(), TEXT + 1, true, TEXT / 2);
        for (SystemTable system : content.fieldTables()) {
            if (!system.systemName().isBlank()) {
                flow.paragraph(system.systemName(), TEXT, true, TEXT / 3);
            }
            flow.table(system.table(), FIELD_COLUMNS, SMALL);
            if (system.emptyNote() != null) {
                flow.paragraph(system.emptyNote(), SMALL, false, TEXT / 2);
            }
        }
    }
}
