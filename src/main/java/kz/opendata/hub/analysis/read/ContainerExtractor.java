package kz.opendata.hub.analysis.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import kz.opendata.hub.analysis.UnreadableUnloadException;

/**
 * Takes the table out of a ZIP or GZIP unload into a temporary file, with limits against archive
 * bombs and hostile entry names.
 *
 * <p>A ZIP may hold at most {@code maxEntries} entries; an entry whose name climbs out of the
 * archive ({@code ../}, an absolute path, a drive letter) rejects the whole file. The extracted
 * table may grow to at most {@code maxExpandedBytes} and to at most {@code maxRatio} times its
 * compressed size; both are counted while copying, because the sizes an archive declares can lie.
 * Entry names without the UTF-8 flag are read as CP866, as Russian Windows archivers write them.
 */
public final class ContainerExtractor {

    static final Set<String> TABLE_EXTENSIONS =
            Set.of("csv", "tsv", "txt", "xls", "xlsx", "json", "jsonl", "ndjson", "xml", "dbf");
    private static final long SMALL_ENTRY_BYTES = 1 << 20;

    private final Limits limits;

    public ContainerExtractor(Limits limits) {
        this.limits = limits;
    }

    /** Tells whether the file is a ZIP (without a workbook inside) or a GZIP stream. */
    public static boolean isContainer(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            return true;
        }
        return head.length > 0 && FileSignature.of(file, head) == FileSignature.ZIP;
    }

    /**
     * Extracts one table.
     *
     * @param entry the entry to extract, or null for the first table entry in name order
     * @throws UnreadableUnloadException for a hostile or empty archive
     */
    public Extracted extract(Path file, String fileName, String entry) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(2);
        }
        boolean gzip = head.length == 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
        return gzip ? extractGzip(file, fileName) : extractZip(file, fileName, entry);
    }

    private Extracted extractGzip(Path file, String fileName) throws IOException {
        String inner = fileName.toLowerCase(Locale.ROOT).endsWith(".gz")
                ? fileName.substring(0, fileName.length() - 3)
                : fileName + ".csv";
        Path dir = Files.createTempDirectory("unload-");
        Path target = dir.resolve("table." + extension(inner, "csv"));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            copyWithinLimits(in, target, Files.size(file), fileName, inner);
        } catch (ZipException e) {
            deleteTree(dir);
            throw new UnreadableUnloadException(
                    fileName + ": the GZIP stream is damaged (" + e.getMessage()
                            + "); compress the table again and resend it",
                    e);
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
        return new Extracted(target, inner, List.of(), dir);
    }

    private Extracted extractZip(Path file, String fileName, String wanted) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile(), Charset.forName("IBM866"))) {
            List<ZipEntry> tables = tableEntries(zip, fileName);
            if (tables.isEmpty()) {
                throw new UnreadableUnloadException(fileName + ": the ZIP archive contains no table (CSV, XLSX, XLS,"
                        + " JSON, XML or DBF); put the table itself into the archive");
            }
            ZipEntry chosen = wanted == null ? tables.get(0) : find(tables, wanted, fileName);
            Path dir = Files.createTempDirectory("unload-");
            Path target = dir.resolve("table." + extension(chosen.getName(), "csv"));
            try (InputStream in = zip.getInputStream(chosen)) {
                copyWithinLimits(in, target, chosen.getCompressedSize(), fileName, chosen.getName());
            } catch (IOException | RuntimeException e) {
                deleteTree(dir);
                throw e;
            }
            List<String> others = tables.stream()
                    .map(ZipEntry::getName)
                    .filter(n -> !n.equals(chosen.getName()))
                    .toList();
            return new Extracted(target, chosen.getName(), others, dir);
        } catch (ZipException e) {
            throw new UnreadableUnloadException(
                    fileName + ": the ZIP archive is damaged (" + e.getMessage()
                            + "); pack the table again and resend it",
                    e);
        }
    }

    private List<ZipEntry> tableEntries(ZipFile zip, String fileName) {
        List<ZipEntry> tables = new ArrayList<>();
        int count = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (++count > limits.maxEntries()) {
                throw new UnreadableUnloadException("%s: the ZIP archive has more than %d entries; send the tables"
                                .formatted(fileName, limits.maxEntries())
                        + " in smaller archives or one by one");
            }
            rejectTraversal(entry.getName(), fileName);
            if (!entry.isDirectory() && isTable(entry.getName())) {
                tables.add(entry);
            }
        }
        tables.sort(Comparator.comparing(ZipEntry::getName));
        return tables;
    }

    private static void rejectTraversal(String name, String fileName) {
        String normalized = name.replace('\\', '/');
        boolean absolute = normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*");
        boolean climbs = ("/" + normalized + "/").contains("/../");
        if (absolute || climbs) {
            throw new UnreadableUnloadException(fileName + ": the ZIP entry '" + name + "' points outside the"
                    + " archive; pack the table again with plain relative names");
        }
    }

    private static boolean isTable(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String base = lower.substring(lower.lastIndexOf('/') + 1);
        if (lower.startsWith("__macosx/") || base.startsWith(".") || base.startsWith("~$")) {
            return false;
        }
        return TABLE_EXTENSIONS.contains(extension(base, ""));
    }

    private static ZipEntry find(List<ZipEntry> tables, String wanted, String fileName) {
        return tables.stream()
                .filter(entry -> entry.getName().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new UnreadableUnloadException(
                        fileName + ": the ZIP archive has no entry '" + wanted + "' any more; analyse the file again"));
    }

    private void copyWithinLimits(InputStream in, Path target, long compressedBytes, String fileName, String entry)
            throws IOException {
        long ratioLimit = Math.max(SMALL_ENTRY_BYTES, (long) (Math.max(compressedBytes, 1) * limits.maxRatio()));
        long limit = Math.min(limits.maxExpandedBytes(), ratioLimit);
        byte[] buffer = new byte[1 << 16];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int count;
            while ((count = in.read(buffer)) > 0) {
                written += count;
                if (written > limit) {
                    throw new UnreadableUnloadException(("%s: entry '%s' expands beyond %d bytes (at most %d bytes and"
                                    + " %.0f times its compressed size are accepted), so it looks like an archive bomb;"
                                    + " send the table uncompressed or split it")
                            .formatted(fileName, entry, limit, limits.maxExpandedBytes(), limits.maxRatio()));
                }
                out.write(buffer, 0, count);
            }
        }
    }

    private static String extension(String name, String fallback) {
        String base = name.substring(name.replace('\\', '/').lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        return dot < 0 ? fallback : base.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * Limits on archives.
     *
     * @param maxEntries entries a ZIP may hold
     * @param maxExpandedBytes bytes the extracted table may have
     * @param maxRatio how many times its compressed size the extracted table may grow
     */
    public record Limits(int maxEntries, long maxExpandedBytes, double maxRatio) {}

    /**
     * A table taken out of an archive into a temporary folder, deleted on close.
     *
     * @param table the extracted file
     * @param entry the entry's name inside the archive
     * @param otherEntries names of the archive's other table entries
     */
    public record Extracted(Path table, String entry, List<String> otherEntries, Path folder) implements Closeable {

        @Override
        public void close() throws IOException {
            deleteTree(folder);
        }
    }
}
