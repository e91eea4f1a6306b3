package kz.opendata.hub.approval;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Finds ZIP attachments (XLSX, DOCX, ZIP) that unpack to far more than they weigh. */
final class ZipBombs {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private ZipBombs() {}

    /**
     * Unpacks the entries as a stream, keeping nothing, until the total passes the limit.
     *
     * @return true when the content is a ZIP archive whose entries unpack to more than {@code limit}
     *     bytes; false for other content and for a damaged archive, which its reader reports
     */
    static boolean expandsBeyond(byte[] content, long limit) {
        if (content.length < ZIP_MAGIC.length || !startsWithZipMagic(content)) {
            return false;
        }
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                for (int read = zip.read(buffer); read >= 0; read = zip.read(buffer)) {
                    total += read;
                    if (total > limit) {
                        return true;
                    }
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static boolean startsWithZipMagic(byte[] content) {
        for (int i = 0; i < ZIP_MAGIC.length; i++) {
            if (content[i] != ZIP_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }
}
