package kz.opendata.hub.passport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.opendata.hub.passport.DocumentBlock.Field;
import kz.opendata.hub.passport.DocumentBlock.Heading;
import kz.opendata.hub.passport.DocumentBlock.Paragraph;
import kz.opendata.hub.passport.DocumentBlock.Table;
import kz.opendata.hub.passport.DocumentBlock.Title;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays document blocks out on A4 pages with PDFBox, in DejaVu Sans, whose glyphs cover Russian
 * and Kazakh Cyrillic. Subsets of the fonts are embedded, so the PDF shows the same text on any
 * machine and text extraction returns the original letters.
 */
final class PdfPassportFormat {

    static final float MARGIN = 50;
    static final float BODY_SIZE = 10;
    static final float TABLE_SIZE = 8.5f;
    static final float CELL_PADDING = 3;

    private static final byte[] REGULAR = font("/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = font("/fonts/DejaVuSans-Bold.ttf");

    byte[] render(List<DocumentBlock> blocks, Language language) throws IOException {
        try (PDDocument document = new PDDocument()) {
            Canvas canvas = new Canvas(document);
            for (DocumentBlock block : blocks) {
                if (block instanceof Title title) {
                    document.getDocumentInformation().setTitle(title.text());
                }
                add(canvas, block);
            }
            canvas.close();
            document.getDocumentCatalog().setLanguage(language.code());
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            document.save(output);
            return output.toByteArray();
        }
    }

    private static void add(Canvas canvas, DocumentBlock block) throws IOException {
        if (block instanceof Title title) {
            canvas.centered(title.text(), canvas.bold, 13);
            canvas.centered(title.subtitle(), canvas.regular, BODY_SIZE);
            canvas.space(10);
        } else if (block instanceof Heading heading) {
            canvas.space(heading.level() == 1 ? 10 : 6);
            canvas.paragraph(
                    heading.text(), canvas.bold, heading.level() == 1 ? 12 : heading.level() == 2 ? 11 : 10, 0);
            canvas.space(2);
        } else if (block instanceof Field field) {
            String label = field.toConfirm() ? field.label() + " (" + field.toConfirmLabel() + ")" : field.label();
            canvas.paragraph(label, canvas.bold, BODY_SIZE, 0);
            canvas.paragraph(field.value(), canvas.regular, BODY_SIZE, 15);
            canvas.space(3);
        } else if (block instanceof Table table) {
            canvas.table(table);
            canvas.space(6);
        } else if (block instanceof Paragraph paragraph) {
            canvas.paragraph(paragraph.text(), canvas.regular, BODY_SIZE, 0);
            canvas.space(4);
        }
    }

    private static byte[] font(String resource) {
        try (InputStream input = PdfPassportFormat.class.getResourceAsStream(resource)) {
            if (input == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return input.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The page being written, its content stream and the vertical position of the next line. */
    private static final class Canvas {

        private static final PDRectangle SIZE = PDRectangle.A4;
        private static final float WIDTH = SIZE.getWidth() - 2 * MARGIN;

        private final PDDocument document;
        private final PDFont regular;
        private final PDFont bold;
        private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
        private PDPageContentStream stream;
        private float y;

        Canvas(PDDocument document) throws IOException {
            this.document = document;
            this.regular = PDType0Font.load(document, new ByteArrayInputStream(REGULAR), true);
            this.bold = PDType0Font.load(document, new ByteArrayInputStream(BOLD), true);
            newPage();
        }

        void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(SIZE);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = SIZE.getHeight() - MARGIN;
        }

        void close() throws IOException {
            stream.close();
        }

        void space(float points) {
            y -= points;
        }

        void centered(String text, PDFont font, float size) throws IOException {
            for (String line : wrap(text, font, size, WIDTH)) {
                ensure(leading(size));
                y -= leading(size);
                show(line, font, size, MARGIN + (WIDTH - width(line, font, size)) / 2, y + descent(size));
            }
        }

        void paragraph(String text, PDFont font, float size, float indent) throws IOException {
            for (String line : wrap(text, font, size, WIDTH - indent)) {
                ensure(leading(size));
                y -= leading(size);
                show(line, font, size, MARGIN + indent, y + descent(size));
            }
        }

        void table(Table table) throws IOException {
            float[] widths = columnWidths(table.widths());
            row(table.headers(), widths, bold, true);
            for (List<String> cells : table.rows()) {
                List<List<String>> lines = cellLines(cells, widths, regular);
                if (y - rowHeight(lines) < MARGIN) {
                    newPage();
                    row(table.headers(), widths, bold, true);
                }
                drawRow(lines, widths, regular, false);
            }
        }

        private void row(List<String> cells, float[] widths, PDFont font, boolean shaded) throws IOException {
            List<List<String>> lines = cellLines(cells, widths, font);
            ensure(rowHeight(lines));
            drawRow(lines, widths, font, shaded);
        }

        private void drawRow(List<List<String>> lines, float[] widths, PDFont font, boolean shaded) throws IOException {
            float height = rowHeight(lines);
            float x = MARGIN;
            for (int column = 0; column < widths.length; column++) {
                box(x, y - height, widths[column], height, shaded);
                float baseline = y - CELL_PADDING;
                for (String line : lines.get(column)) {
                    baseline -= leading(TABLE_SIZE);
                    show(line, font, TABLE_SIZE, x + CELL_PADDING, baseline + descent(TABLE_SIZE));
                }
                x += widths[column];
            }
            y -= height;
        }

        // NOTE: a cell taller than a page is cut to one page of lines. Cells the drafter writes hold
        // at most a few hundred characters, which fit easily.
        private List<List<String>> cellLines(List<String> cells, float[] widths, PDFont font) throws IOException {
            int maxLines = (int) ((SIZE.getHeight() - 2 * MARGIN - 2 * CELL_PADDING) / leading(TABLE_SIZE)) - 2;
            List<List<String>> lines = new ArrayList<>();
            for (int column = 0; column < widths.length; column++) {
                String cell = column < cells.size() ? cells.get(column) : "";
                List<String> wrapped = wrap(cell, font, TABLE_SIZE, widths[column] - 2 * CELL_PADDING);
                lines.add(wrapped.size() > maxLines ? wrapped.subList(0, maxLines) : wrapped);
            }
            return lines;
        }

        private float rowHeight(List<List<String>> lines) {
            int most = lines.stream().mapToInt(List::size).max().orElse(1);
            return Math.max(1, most) * leading(TABLE_SIZE) + 2 * CELL_PADDING;
        }

        private float[] columnWidths(List<Integer> weights) {
            int total = weights.stream().mapToInt(Integer::intValue).sum();
            float[] widths = new float[weights.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = WIDTH * weights.get(i) / total;
            }
            return widths;
        }

        private void box(float x, float bottom, float width, float height, boolean shaded) throws IOException {
            if (shaded) {
                stream.setNonStrokingColor(0.93f, 0.93f, 0.93f);
                stream.addRect(x, bottom, width, height);
                stream.fill();
                stream.setNonStrokingColor(0f, 0f, 0f);
            }
            stream.setLineWidth(0.5f);
            stream.addRect(x, bottom, width, height);
            stream.stroke();
        }

        private void ensure(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        private void show(String text, PDFont font, float size, float x, float baseline) throws IOException {
            if (text.isEmpty()) {
                return;
            }
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, baseline);
            stream.showText(text);
            stream.endText();
        }

        /** Breaks text into lines that fit the width, at spaces where possible. */
        private List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String paragraph : printable(text, font).split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                for (String word : paragraph.split(" +")) {
                    String candidate = line.length() == 0 ? word : line + " " + word;
                    if (width(candidate, font, size) <= width) {
                        line.setLength(0);
                        line.append(candidate);
                        continue;
                    }
                    if (line.length() > 0) {
                        lines.add(line.toString());
                    }
                    line.setLength(0);
                    line.append(breakLongWord(word, font, size, width, lines));
                }
                lines.add(line.toString());
            }
            return lines;
        }

        /**
         * Adds the full-width pieces of a word wider than the line and returns the rest. Each piece
         * is the longest that fits, and at least one character. Widths are added character by
         * character, since PDFBox measures a text as the sum of its glyphs' widths. Measuring ever
         * shorter prefixes instead took minutes for a value of 10,000 digits.
         */
        private String breakLongWord(String word, PDFont font, float size, float width, List<String> lines)
                throws IOException {
            int start = 0;
            float pieceWidth = 0;
            for (int i = 0; i < word.length(); ) {
                int next = i + Character.charCount(word.codePointAt(i));
                float characterWidth = width(word.substring(i, next), font, size);
                if (pieceWidth + characterWidth > width && i > start) {
                    lines.add(word.substring(start, i));
                    start = i;
                    pieceWidth = 0;
                }
                pieceWidth += characterWidth;
                i = next;
            }
            return word.substring(start);
        }

        /** Replaces characters the font has no glyph for with '?', and control characters with spaces. */
        private String printable(String text, PDFont font) {
            if (text == null) {
                return "";
            }
            StringBuilder printable = new StringBuilder(text.length());
            text.codePoints().forEach(codePoint -> {
                if (codePoint == '\n') {
                    printable.append('\n');
                } else if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)) {
                    printable.append(' ');
                } else {
                    printable.append(hasGlyph(font, codePoint) ? Character.toString(codePoint) : "?");
                }
            });
            return printable.toString();
        }

        private boolean hasGlyph(PDFont font, int codePoint) {
            return glyphs.computeIfAbsent(font, key -> new HashMap<>()).computeIfAbsent(codePoint, key -> {
                try {
                    font.encode(Character.toString(codePoint));
                    return true;
                } catch (IllegalArgumentException | IOException e) {
                    return false;
                }
            });
        }

        private static float width(String text, PDFont font, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        private static float leading(float size) {
            return size * 1.3f;
        }

        private static float descent(float size) {
            return size * 0.3f;
        }
    }
}
