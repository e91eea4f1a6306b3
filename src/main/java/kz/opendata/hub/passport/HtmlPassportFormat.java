package kz.opendata.hub.passport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.opendata.hub.passport.DocumentBlock.Field;
import kz.opendata.hub.passport.DocumentBlock.Heading;
import kz.opendata.hub.passport.DocumentBlock.Paragraph;
import kz.opendata.hub.passport.DocumentBlock.Table;
import kz.opendata.hub.passport.DocumentBlock.Title;

/**
 * Writes document blocks into the HTML template {@code templates/passport/passport.html}. Every
 * text is escaped, so values from the unload cannot add markup.
 */
final class HtmlPassportFormat {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(lang|title|style|body)}}");

    private final String template = resource("/templates/passport/passport.html");
    private final String style = resource("/templates/passport/passport.css");

    String render(List<DocumentBlock> blocks, Language language) {
        StringBuilder body = new StringBuilder();
        String title = "";
        for (DocumentBlock block : blocks) {
            if (block instanceof Title heading) {
                title = heading.text();
            }
            append(body, block);
        }
        Map<String, String> values =
                Map.of("lang", language.code(), "title", escape(title), "style", style, "body", body.toString());
        // One pass, so a placeholder written inside a value stays text.
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder html = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(html, Matcher.quoteReplacement(values.get(matcher.group(1))));
        }
        matcher.appendTail(html);
        return html.toString();
    }

    private static void append(StringBuilder html, DocumentBlock block) {
        if (block instanceof Title title) {
            html.append("<h1>").append(escape(title.text())).append("</h1>\n");
            html.append("<p class=\"subtitle\">")
                    .append(escape(title.subtitle()))
                    .append("</p>\n");
        } else if (block instanceof Heading heading) {
            String tag = "h" + (heading.level() + 1);
            html.append('<').append(tag).append('>').append(escape(heading.text()));
            html.append("</").append(tag).append(">\n");
        } else if (block instanceof Field field) {
            appendField(html, field);
        } else if (block instanceof Table table) {
            appendTable(html, table);
        } else if (block instanceof Paragraph paragraph) {
            html.append("<p>").append(escape(paragraph.text())).append("</p>\n");
        }
    }

    private static void appendField(StringBuilder html, Field field) {
        html.append("<dl class=\"field\"><dt>").append(escape(field.label()));
        if (field.toConfirm()) {
            html.append("<span class=\"to-confirm\">")
                    .append(escape(field.toConfirmLabel()))
                    .append("</span>");
        }
        html.append("</dt><dd>").append(escape(field.value())).append("</dd></dl>\n");
    }

    private static void appendTable(StringBuilder html, Table table) {
        html.append("<table>\n<thead><tr>");
        for (String header : table.headers()) {
            html.append("<th>").append(escape(header)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(codePoint -> {
            switch (codePoint) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.appendCodePoint(codePoint);
            }
        });
        return escaped.toString();
    }

    private static String resource(String name) {
        try (InputStream input = HtmlPassportFormat.class.getResourceAsStream(name)) {
            if (input == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
