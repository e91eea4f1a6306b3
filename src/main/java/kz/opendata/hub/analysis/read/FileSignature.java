package kz.opendata.hub.analysis.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/** The kind of file as its first bytes show it. */
enum FileSignature {
    /** OLE2 compound document: Excel 97-2003 workbook. */
    OLE2,
    /** ZIP archive that holds an Office Open XML workbook. */
    OOXML,
    /** Any other ZIP archive. */
    ZIP,
    /** Everything else, to be checked as text. */
    TEXT;

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
        return TEXT;
    }

    private static boolean holdsWorkbook(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry("xl/workbook.xml") != null || zip.getEntry("[Content_Types].xml") != null;
        } catch (java.util.zip.ZipException e) {
            return false;
        }
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
