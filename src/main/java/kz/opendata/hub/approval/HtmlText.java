package kz.opendata.hub.approval;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Converts the HTML body of a reply to plain text with one line per block and {@code > } before
 * each line inside a {@code <blockquote>}, so that quote stripping treats Gmail, Mail.ru and Apple
 * Mail quotes in HTML-only replies like quotes in plain text.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "li",
            "tr",
            "table",
            "ul",
            "ol",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "pre",
            "blockquote",
            "section",
            "article",
            "header",
            "footer",
            "address",
            "dd",
            "dt");

    private HtmlText() {}

    static String toText(String html) {
        Document document = Jsoup.parse(html);
        document.select("head, script, style, title, template").remove();
        Writer writer = new Writer();
        document.body().traverse(writer);
        return writer.text();
    }

    private static final class Writer implements NodeVisitor {

        private final StringBuilder text = new StringBuilder();
        private final StringBuilder line = new StringBuilder();
        private int quoteDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                appendWords(textNode.getWholeText());
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("br") || BLOCKS.contains(tag)) {
                    endLine(tag.equals("br"));
                }
                if (tag.equals("hr")) {
                    endLine(false);
                    appendWords("_".repeat(32));
                    endLine(false);
                }
                if (tag.equals("blockquote")) {
                    quoteDepth++;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (BLOCKS.contains(tag)) {
                    endLine(false);
                }
                if (tag.equals("blockquote")) {
                    quoteDepth--;
                }
            }
        }

        private void appendWords(String words) {
            // Outlook writes non-breaking spaces between words; they are plain spaces in text.
            String normalised = words.replace('\u00A0', ' ').replaceAll("\\s+", " ");
            if (line.length() == 0) {
                normalised = normalised.stripLeading();
            }
            line.append(normalised);
        }

        /** Ends the current line; an empty line is written only for {@code <br>}. */
        private void endLine(boolean keepEmpty) {
            String content = line.toString().strip();
            if (!content.isEmpty() || keepEmpty) {
                text.append("> ".repeat(quoteDepth)).append(content).append('\n');
            }
            line.setLength(0);
        }

        String text() {
            endLine(false);
            return text.toString()
                    .replaceAll("(?m)[ \\t]+$", "")
                    .replaceAll("\n{3,}", "\n\n")
                    .strip();
        }
    }
}
