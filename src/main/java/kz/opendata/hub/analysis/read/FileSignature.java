package kz.opendata.hub.analysis.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;

/** The kind of file as its first bytes show it. */
enum FileSignature {
    /** OLE2 compound document: Excel 97-2003 workbook. */
    OLE2,
    /** ZIP archive that contains an Office Open XML workbook. */
    OOXML,
    /** Any other ZIP archive. */
    ZIP,
    /** A dBASE table. */
    DBF,
    /** A PDF document, which holds pages, not a table. */
    PDF,
    /** An HTML page, as web systems save under .xls; read as no table. */
    HTML,
    /** An RTF document. */
    RTF,
    /** Everything else, to be checked as text. */
    TEXT;

    private static final Set<Integer> DBF_VERSIONS = Set.of(0x03, 0x04, 0x05, 0x30, 0x31, 0x83, 0x8B, 0xF5);

    /** Lower-case starts of an HTML page; Excel's "web page" export starts with {@code <html}. */
    private static final List<String> HTML_STARTS =
            List.of("<!doctype html", "<html", "<head", "<body", "<table", "<meta");

    private static final byte[] OLE2_MAGIC = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };

    static FileSignature of(Path file, byte[] head) throws IOException {
        if (startsWith(head, OLE2_MAGIC)) {
            return OLE2;
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
            return holdsWorkbook(file) ? OOXML : ZIP;
        }
        // An archive without entries is only its end record, which starts with PK 5 6.
        if (startsWith(head, new byte[] {'P', 'K', 5, 6})) {
            return ZIP;
        }
        if (looksLikeDbf(head, Files.size(file))) {
            return DBF;
        }
        return ofText(head);
    }

    /**
     * Tells documents that are text but not tables from text tables, by their first characters
     * after a UTF-8 byte order mark and white space.
     */
    static FileSignature ofText(byte[] head) {
        int start = skipPrologue(head);
        // NOTE: PDF readers also accept junk before the marker; only a file that starts with it is
        // caught, because a table may well mention "%PDF-" in a cell.
        if (startsWithIgnoreCase(head, start, "%pdf-")) {
            return PDF;
        }
        if (startsWithIgnoreCase(head, start, "{\\rtf")) {
            return RTF;
        }
        for (String tag : HTML_STARTS) {
            if (startsWithIgnoreCase(head, start, tag)) {
                return HTML;
            }
        }
        return TEXT;
    }

    /** Skips a byte order mark, white space, an XML declaration and comments. */
    private static int skipPrologue(byte[] head) {
        int at = startsWith(head, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}) ? 3 : 0;
        while (true) {
            while (at < head.length && Character.isWhitespace(head[at])) {
                at++;
            }
            int end = -1;
            if (startsWithIgnoreCase(head, at, "<?xml")) {
                end = indexOf(head, at, "?>".getBytes(StandardCharsets.US_ASCII));
            } else if (startsWithIgnoreCase(head, at, "<!--")) {
                end = indexOf(head, at, "-->".getBytes(StandardCharsets.US_ASCII));
            }
            if (end < 0) {
                return at;
            }
            at = end + (head[end] == '?' ? 2 : 3);
        }
    }

    private static int indexOf(byte[] bytes, int from, byte[] wanted) {
        for (int i = from; i + wanted.length <= bytes.length; i++) {
            if (regionMatches(bytes, i, wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean regionMatches(byte[] bytes, int at, byte[] wanted) {
        for (int j = 0; j < wanted.length; j++) {
            if (bytes[at + j] != wanted[j]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithIgnoreCase(byte[] bytes, int at, String prefix) {
        if (at + prefix.length() > bytes.length) {
            return false;
        }
        for (int j = 0; j < prefix.length(); j++) {
            if (Character.toLowerCase((char) bytes[at + j]) != prefix.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holdsWorkbook(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry("xl/workbook.xml") != null || zip.getEntry("[Content_Types].xml") != null;
        } catch (java.util.zip.ZipException e) {
            return false;
        }
    }

    /**
     * Checks a dBASE header: a known version byte (dBASE III to 5, FoxPro, Visual FoxPro), a
     * header length that fits whole 32-byte field descriptors, and a file long enough for the
     * records the header counts.
     */
    static boolean looksLikeDbf(byte[] head, long size) {
        if (head.length < 32 || !DBF_VERSIONS.contains(head[0] & 0xFF)) {
            return false;
        }
        long records = (head[4] & 0xFFL) | (head[5] & 0xFFL) << 8 | (head[6] & 0xFFL) << 16 | (head[7] & 0xFFL) << 24;
        int headerLength = (head[8] & 0xFF) | (head[9] & 0xFF) << 8;
        int recordLength = (head[10] & 0xFF) | (head[11] & 0xFF) << 8;
        boolean descriptors = headerLength > 32 && ((headerLength - 33) % 32 == 0 || (headerLength - 296) % 32 == 0);
        return descriptors && recordLength > 1 && headerLength + records * recordLength <= size + 1;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
