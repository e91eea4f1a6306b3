package kz.opendata.hub.commission;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes headings, paragraphs and tables onto landscape A4 pages with PDFBox in DejaVu Sans,
 * whose glyphs cover Kazakh and Russian Cyrillic. Subsets of the fonts are embedded, so text
 * extraction returns the original letters. Characters the font lacks are written as "?".
 */
final class PdfPages implements AutoCloseable {

    private static final PDRectangle SIZE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 36;
    private static final float WIDTH = SIZE.getWidth() - 2 * MARGIN;
    private static final float TEXT_SIZE = 10;
    private static final float CELL_SIZE = 8;
    private static final float PADDING = 2.5f;

    private final PDDocument document = new PDDocument();
    private final PDFont regular;
    private final PDFont bold;
    private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
    private PDPageContentStream stream;
    private float y;

    PdfPages(String title, String language) throws IOException {
        regular = font("/fonts/DejaVuSans.ttf");
        bold = font("/fonts/DejaVuSans-Bold.ttf");
        document.getDocumentInformation().setTitle(title);
        document.getDocumentCatalog().setLanguage(language);
        newPage();
    }

    void heading(String text, float size) throws IOException {
        y -= size * 0.6f;
        lines(text, bold, size);
        y -= 2;
    }

    void paragraph(String text) throws IOException {
        lines(text, regular, TEXT_SIZE);
        y -= 3;
    }

    /**
     * Writes a table that breaks across pages, repeating its header row.
     *
     * @param weights relative column widths
     */
    void table(List<String> headers, List<List<String>> rows, int... weights) throws IOException {
        float[] widths = widths(weights);
        row(headers, widths, bold);
        for (List<String> cells : rows) {
            List<List<String>> lines = cellLines(cells, widths, regular);
            if (y - height(lines) < MARGIN) {
                newPage();
                row(headers, widths, bold);
            }
            draw(lines, widths, regular);
        }
        y -= 6;
    }

    byte[] bytes() throws IOException {
        stream.close();
        stream = null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
        }
        document.close();
    }

    private void lines(String text, PDFont font, float size) throws IOException {
        for (String line : wrap(text, font, size, WIDTH)) {
            if (y - size * 1.3f < MARGIN) {
                newPage();
            }
            y -= size * 1.3f;
            show(line, font, size, MARGIN, y + size * 0.25f);
        }
    }

    private void row(List<String> cells, float[] widths, PDFont font) throws IOException {
        List<List<String>> lines = cellLines(cells, widths, font);
        if (y - height(lines) < MARGIN) {
            newPage();
        }
        draw(lines, widths, font);
    }

    private void draw(List<List<String>> lines, float[] widths, PDFont font) throws IOException {
        float height = height(lines);
        float x = MARGIN;
        for (int column = 0; column < widths.length; column++) {
            stream.addRect(x, y - height, widths[column], height);
            stream.stroke();
            float baseline = y - PADDING;
            for (String line : lines.get(column)) {
                baseline -= CELL_SIZE * 1.25f;
                show(line, font, CELL_SIZE, x + PADDING, baseline + CELL_SIZE * 0.25f);
            }
            x += widths[column];
        }
        y -= height;
    }

    // NOTE: a cell longer than a page is cut to one page of lines; the package's cells hold names
    // and counts, which stay far below that.
    private List<List<String>> cellLines(List<String> cells, float[] widths, PDFont font) throws IOException {
        int maxLines = (int) ((SIZE.getHeight() - 2 * MARGIN) / (CELL_SIZE * 1.25f)) - 4;
        List<List<String>> lines = new ArrayList<>();
        for (int column = 0; column < widths.length; column++) {
            String cell = column < cells.size() && cells.get(column) != null ? cells.get(column) : "";
            List<String> wrapped = wrap(cell, font, CELL_SIZE, widths[column] - 2 * PADDING);
            lines.add(wrapped.size() > maxLines ? wrapped.subList(0, maxLines) : wrapped);
        }
        return lines;
    }

    private static float height(List<List<String>> lines) {
        int most = lines.stream().mapToInt(List::size).max().orElse(1);
        return Math.max(1, most) * CELL_SIZE * 1.25f + 2 * PADDING;
    }

    private static float[] widths(int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        float[] widths = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            widths[i] = WIDTH * weights[i] / total;
        }
        return widths;
    }

    /** Breaks text into lines no wider than {@code width}, splitting words longer than a line. */
    private List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable(text, font).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, font, size) <= width) {
                    line = new StringBuilder(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                }
                line = new StringBuilder();
                for (char letter : word.toCharArray()) {
                    if (width(line.toString() + letter, font, size) > width && !line.isEmpty()) {
                        lines.add(line.toString());
                        line = new StringBuilder();
                    }
                    line.append(letter);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private String printable(String text, PDFont font) {
        StringBuilder out = new StringBuilder();
        text.replace("\r", "").replace("\t", " ").codePoints().forEach(code -> {
            boolean known = code == '\n'
                    || glyphs.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(code, c -> encodes(font, c));
            out.appendCodePoint(known ? code : '?');
        });
        return out.toString();
    }

    private static boolean encodes(PDFont font, int code) {
        try {
            font.encode(new String(Character.toChars(code)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static float width(String text, PDFont font, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private void show(String text, PDFont font, float size, float x, float baseline) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, baseline);
        stream.showText(text);
        stream.endText();
    }

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(SIZE);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        stream.setLineWidth(0.4f);
        y = SIZE.getHeight() - MARGIN;
    }

    private PDFont font(String resource) throws IOException {
        try (InputStream input = PdfPages.class.getResourceAsStream(resource)) {
            if (input == null) {
                throw new UncheckedIOException(new IOException(resource + " is missing from the classpath"));
            }
            return PDType0Font.load(document, input, true);
        }
    }
}
