package kz.opendata.hub.passport;

import java.io.IOException;

/**
 * Renders a passport as the document the agency approves, in the agency's language (kk, ru or
 * en), with the numbering of the passport form (1.1.1 to 3): as HTML and as PDF.
 */
public final class PassportRenderer {

    private final PassportLayout layout;
    private final HtmlPassportFormat html = new HtmlPassportFormat();
    private final PdfPassportFormat pdf = new PdfPassportFormat();

    /** Uses the update frequency vocabulary at its default path. */
    public PassportRenderer() {
        this(UpdateFrequencyVocabulary.loadDefault());
    }

    public PassportRenderer(UpdateFrequencyVocabulary frequencies) {
        this.layout = new PassportLayout(new PassportMessages(), frequencies);
    }

    /** Renders a complete HTML page, UTF-8, with every text escaped. */
    public String html(Passport passport, Language language) {
        return html.render(layout.blocks(passport, language), language);
    }

    /** Renders a PDF with the fonts embedded. */
    public byte[] pdf(Passport passport, Language language) throws IOException {
        return pdf.render(layout.blocks(passport, language), language);
    }
}
