package kz.opendata.hub.analysis.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    /** Everything else, to be checked as text. */
    TEXT;

    private static final Set<Integer> DBF_VERSIONS = Set.of(0x03, 0x04, 0x05, 0x30, 0x31, 0x83, 0x8B, 0xF5);

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
        return looksLikeDbf(head, Files.size(file)) ? DBF : TEXT;
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
