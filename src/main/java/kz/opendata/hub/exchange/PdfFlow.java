package kz.opendata.hub.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.opendata.hub.exchange.LetterContent.Table;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays text and tables out from the top of an A4 page down, starting a new page when the next
 * line or table row does not fit. Text wraps at spaces, and a word wider than its column is
 * broken between letters.
 *
 * <p>NOTE: a single table row taller than a page is drawn past the bottom margin; letter rows
 * hold a name and a description, far from that height.
 */
final class PdfFlow implements AutoCloseable {

    private static final float MARGIN = 56;
    private static final float CELL_PADDING = 3;
    private static final float LINE_FACTOR = 1.3f;

    private final PDDocument document;
    private final PDFont regular;
    private final PDFont bold;
    private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
    private PDPageContentStream stream;
    private float y;

    PdfFlow(PDDocument document) throws IOException {
        this.document = document;
        this.regular = font(document, "/fonts/DejaVuSans.ttf");
        this.bold = font(document, "/fonts/DejaVuSans-Bold.ttf");
        newPage();
    }

    private static PDFont font(PDDocument document, String resource) throws IOException {
        try (InputStream in = PdfFlow.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is missing from the classpath; rebuild the jar");
            }
            return PDType0Font.load(document, in);
        }
    }

    private float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    void paragraph(String text, float size, boolean strong, float spaceAfter) throws IOException {
        PDFont font = strong ? bold : regular;
        for (String line : wrap(text, font, size, width())) {
            ensureSpace(size * LINE_FACTOR);
            show(line, font, size, MARGIN, y - size);
            y -= size * LINE_FACTOR;
        }
        y -= spaceAfter;
    }

    /** Adds a paragraph aligned to the right margin, one line per input line. */
    void rightAligned(String text, float size) throws IOException {
        for (String line : wrap(text, regular, size, width() / 2)) {
            ensureSpace(size * LINE_FACTOR);
            float lineWidth = regular.getStringWidth(line) / 1000 * size;
            show(line, regular, size, MARGIN + width() - lineWidth, y - size);
            y -= size * LINE_FACTOR;
        }
    }

    void space(float points) {
        y -= points;
    }

    /**
     * Draws a table with a bold heading row, repeated at the top of each new page.
     *
     * @param shares each column's share of the text width; they add up to 1
     */
    void table(Table table, float[] shares, float size) throws IOException {
        float[] widths = new float[shares.length];
        for (int i = 0; i < shares.length; i++) {
            widths[i] = shares[i] * width();
        }
        row(table.header(), widths, size, bold);
        for (List<String> cells : table.rows()) {
            if (!fits(cells, widths, size)) {
                newPage();
                row(table.header(), widths, size, bold);
            }
            row(cells, widths, size, regular);
        }
        y -= size;
    }

    private boolean fits(List<String> cells, float[] widths, float size) throws IOException {
        return y - rowHeight(cells, widths, size, regular) >= MARGIN;
    }

    private float rowHeight(List<String> cells, float[] widths, float size, PDFont font) throws IOException {
        int lines = 1;
        for (int i = 0; i < widths.length; i++) {
            lines = Math.max(
                    lines,
                    wrap(cell(cells, i), font, size, widths[i] - 2 * CELL_PADDING)
                            .size());
        }
        return lines * size * LINE_FACTOR + 2 * CELL_PADDING;
    }

    private void row(List<String> cells, float[] widths, float size, PDFont font) throws IOException {
        float height = rowHeight(cells, widths, size, font);
        ensureSpace(height);
        float x = MARGIN;
        for (int i = 0; i < widths.length; i++) {
            stream.addRect(x, y - height, widths[i], height);
            float lineY = y - CELL_PADDING - size;
            for (String line : wrap(cell(cells, i), font, size, widths[i] - 2 * CELL_PADDING)) {
                show(line, font, size, x + CELL_PADDING, lineY);
                lineY -= size * LINE_FACTOR;
            }
            x += widths[i];
        }
        stream.stroke();
        y -= height;
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() && cells.get(index) != null ? cells.get(index) : "";
    }

    private void ensureSpace(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        stream.setLineWidth(0.5f);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void show(String line, PDFont font, float size, float x, float baseline) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, baseline);
        stream.showText(line);
        stream.endText();
    }

    /** Splits text into lines no wider than the width; line breaks in the text are kept. */
    List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable(text, font).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (textWidth(candidate, font, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                breakWord(word, font, size, width, lines, line);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private void breakWord(String word, PDFont font, float size, float width, List<String> lines, StringBuilder line)
            throws IOException {
        for (int offset = 0; offset < word.length(); ) {
            int end = offset + Character.charCount(word.codePointAt(offset));
            if (textWidth(line + word.substring(offset, end), font, size) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(word, offset, end);
            offset = end;
        }
    }

    private static float textWidth(String text, PDFont font, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Replaces tabs and characters the font has no glyph for, which PDFBox cannot show. */
    private String printable(String text, PDFont font) {
        Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder out = new StringBuilder();
        text.replace("\r\n", "\n").replace('\t', ' ').codePoints().forEach(codePoint -> {
            boolean shown = codePoint == '\n' || known.computeIfAbsent(codePoint, cp -> canEncode(font, cp));
            out.appendCodePoint(shown ? codePoint : '?');
        });
        return out.toString();
    }

    private static boolean canEncode(PDFont font, int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return false;
        }
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
