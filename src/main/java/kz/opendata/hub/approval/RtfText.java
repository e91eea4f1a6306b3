package kz.opendata.hub.approval;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Extracts the plain text from an RTF body as Outlook writes it, for reading decisions. It keeps
 * paragraphs, tabs and Unicode characters (control word u), decodes {@code \'hh} bytes in the code page of the
 * document ({@code \ansicpg}) or of the current font ({@code \fcharset}), and drops tables of
 * fonts, colours and styles, pictures and other destinations. For HTML that Outlook wrapped in RTF
 * ({@code \fromhtml1}, MS-OXRTFEX) it drops the RTF-only runs between {@code \htmlrtf} and
 * {@code \htmlrtf0} and turns the line-breaking tags among the {@code \*\htmltag} groups into line
 * breaks.
 */
final class RtfText {

    /** Destinations whose text is not part of the message body. */
    private static final Set<String> SKIPPED = Set.of(
            "colortbl",
            "stylesheet",
            "info",
            "pict",
            "object",
            "themedata",
            "colorschememapping",
            "latentstyles",
            "datastore",
            "xmlnstbl",
            "listtable",
            "listoverridetable",
            "rsidtbl",
            "generator",
            "header",
            "footer",
            "headerl",
            "headerr",
            "headerf",
            "footerl",
            "footerr",
            "footerf",
            "fldinst",
            "filetbl",
            "revtbl",
            "bkmkstart",
            "bkmkend",
            "mmathPr",
            "pgdsctbl");

    /** Windows code page of each RTF font charset number ({@code \fcharset}). */
    private static final Map<Integer, Integer> FONT_CODE_PAGES = Map.ofEntries(
            Map.entry(0, 1252),
            Map.entry(128, 932),
            Map.entry(129, 949),
            Map.entry(134, 936),
            Map.entry(136, 950),
            Map.entry(161, 1253),
            Map.entry(162, 1254),
            Map.entry(163, 1258),
            Map.entry(177, 1255),
            Map.entry(178, 1256),
            Map.entry(186, 1257),
            Map.entry(204, 1251),
            Map.entry(222, 874),
            Map.entry(238, 1250));

    private final byte[] rtf;
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream pendingBytes = new ByteArrayOutputStream();
    private final Deque<Group> groups = new ArrayDeque<>();
    private final Map<Integer, Charset> fontCharsets = new HashMap<>();
    private Group group = new Group();
    private Charset documentCharset = CyrillicCharsets.lookup("windows-1252");
    private int position;
    private int charactersToSkip;

    private RtfText(byte[] rtf) {
        this.rtf = rtf;
    }

    /** Returns the text of an RTF document, with line breaks as {@code \n}. */
    static String toText(byte[] rtf) {
        RtfText reader = new RtfText(rtf);
        reader.read();
        return reader.text.toString().replace("\u00A0", " ").strip();
    }

    /** The state a group inherits from its parent and restores on its end. */
    private static final class Group {
        boolean skipped;
        boolean fontTable;
        boolean htmlTag;
        boolean htmlRtf;
        int unicodeSkip = 1;
        Charset charset;
        int font = -1;
        final StringBuilder tag = new StringBuilder();

        Group child() {
            Group child = new Group();
            child.skipped = skipped;
            child.fontTable = fontTable;
            child.htmlRtf = htmlRtf;
            child.unicodeSkip = unicodeSkip;
            child.charset = charset;
            return child;
        }
    }

    private void read() {
        while (position < rtf.length) {
            int c = rtf[position++] & 0xFF;
            switch (c) {
                case '{' -> {
                    flushBytes();
                    groups.push(group);
                    group = group.child();
                }
                case '}' -> endGroup();
                case '\\' -> controlWord();
                case '\r', '\n' -> {
                    // Line ends in RTF source are not text.
                }
                default -> character(c);
            }
        }
        flushBytes();
    }

    private void endGroup() {
        flushBytes();
        if (group.htmlTag && isLineBreakTag(group.tag.toString())) {
            text.append('\n');
        }
        group = groups.isEmpty() ? new Group() : groups.pop();
    }

    private void controlWord() {
        if (position >= rtf.length) {
            return;
        }
        int c = rtf[position] & 0xFF;
        if (!Character.isLetter(c)) {
            position++;
            controlSymbol(c);
            return;
        }
        int start = position;
        while (position < rtf.length && Character.isLetter(rtf[position])) {
            position++;
        }
        String word = new String(rtf, start, position - start, java.nio.charset.StandardCharsets.US_ASCII);
        Integer parameter = parameter();
        if (position < rtf.length && rtf[position] == ' ') {
            position++;
        }
        apply(word, parameter);
    }

    private Integer parameter() {
        int start = position;
        if (position < rtf.length && rtf[position] == '-') {
            position++;
        }
        while (position < rtf.length && Character.isDigit(rtf[position])) {
            position++;
        }
        String digits = new String(rtf, start, position - start, java.nio.charset.StandardCharsets.US_ASCII);
        if (digits.isEmpty() || digits.equals("-")) {
            return null;
        }
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void controlSymbol(int c) {
        switch (c) {
            case '\'' -> hexByte();
            case '*' -> {
                // An ignorable destination: dropped unless it is an HTML tag of encapsulated HTML.
                flushBytes();
                if (!nextWordIs("htmltag")) {
                    group.skipped = true;
                }
            }
            case '~' -> appendText("\u00A0");
            case '_' -> appendText("-");
            case '\\', '{', '}' -> character(c);
            case '\r', '\n' -> appendText("\n");
            default -> {
                // \- (optional hyphen) and other symbols carry no text.
            }
        }
    }

    private boolean nextWordIs(String word) {
        byte[] expected = ("\\" + word).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (position + expected.length > rtf.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (rtf[position + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private void hexByte() {
        if (position + 2 > rtf.length) {
            position = rtf.length;
            return;
        }
        int value = Integer.parseInt(new String(rtf, position, 2, java.nio.charset.StandardCharsets.US_ASCII), 16);
        position += 2;
        if (charactersToSkip > 0) {
            charactersToSkip--;
            return;
        }
        if (group.htmlTag) {
            group.tag.append((char) value);
        } else if (isVisible()) {
            pendingBytes.write(value);
        }
    }

    private void apply(String word, Integer parameter) {
        flushBytes();
        int value = parameter == null ? 1 : parameter;
        switch (word) {
            case "par", "line" -> appendText("\n");
            case "tab" -> appendText("\t");
            case "emdash" -> appendText("\u2014");
            case "endash" -> appendText("\u2013");
            case "lquote" -> appendText("\u2018");
            case "rquote" -> appendText("\u2019");
            case "ldblquote" -> appendText("\u201C");
            case "rdblquote" -> appendText("\u201D");
            case "bullet" -> appendText("\u2022");
            case "u" -> unicode(value);
            case "uc" -> group.unicodeSkip = value;
            case "ansicpg" -> documentCharset = codePage(value, documentCharset);
            case "fonttbl" -> group.fontTable = true;
            case "f" -> font(value);
            case "fcharset" -> fontCharset(value);
            case "htmltag" -> group.htmlTag = true;
            case "htmlrtf" -> group.htmlRtf = value != 0;
            default -> {
                if (SKIPPED.contains(word)) {
                    group.skipped = true;
                }
            }
        }
    }

    private void unicode(int value) {
        char c = (char) (value < 0 ? value + 0x10000 : value);
        appendText(String.valueOf(c));
        charactersToSkip = group.unicodeSkip;
    }

    private void font(int number) {
        if (group.fontTable) {
            group.font = number;
        } else {
            group.charset = fontCharsets.get(number);
        }
    }

    private void fontCharset(int fontCharset) {
        Integer codePage = FONT_CODE_PAGES.get(fontCharset);
        if (group.fontTable && group.font >= 0 && codePage != null) {
            fontCharsets.put(group.font, codePage(codePage, null));
        }
    }

    private void character(int c) {
        if (charactersToSkip > 0) {
            charactersToSkip--;
            return;
        }
        if (group.htmlTag) {
            group.tag.append((char) c);
        } else if (isVisible()) {
            pendingBytes.write(c);
        }
    }

    private void appendText(String value) {
        flushBytes();
        charactersToSkip = 0;
        if (isVisible()) {
            text.append(value);
        }
    }

    private boolean isVisible() {
        return !group.skipped && !group.fontTable && !group.htmlTag && !group.htmlRtf;
    }

    private void flushBytes() {
        if (pendingBytes.size() == 0) {
            return;
        }
        Charset charset = group.charset != null ? group.charset : documentCharset;
        text.append(new String(pendingBytes.toByteArray(), charset));
        pendingBytes.reset();
    }

    private static Charset codePage(int codePage, Charset fallback) {
        Charset charset = CyrillicCharsets.lookup("windows-" + codePage);
        if (charset == null) {
            charset = CyrillicCharsets.lookup("cp" + codePage);
        }
        return charset != null ? charset : fallback;
    }

    private static boolean isLineBreakTag(String tag) {
        String lower = tag.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("<br")
                || lower.startsWith("</p")
                || lower.startsWith("</div")
                || lower.startsWith("</li")
                || lower.startsWith("</tr");
    }
}
