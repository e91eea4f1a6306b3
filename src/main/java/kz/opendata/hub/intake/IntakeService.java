package kz.opendata.hub.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import kz.opendata.hub.HubProperties;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.UnloadRecord;
import kz.opendata.hub.store.UnloadRepository;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records files dropped by agencies: which agency, which bytes, where the file is kept.
 *
 * <p>A file is identified by its agency and SHA-256, so the same file dropped twice is recorded
 * once. Files are kept under a name with the time of intake, so two different files with one
 * name never overwrite each other in the archive.
 */
@Service
public class IntakeService {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);
    /** Header with the name the file is kept under, relative to the archive and quarantine. */
    public static final String STORED_NAME = "hubStoredName";
    /** Header with the id of the unload row once the file is recorded. */
    public static final String UNLOAD_ID = "hubUnloadId";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final HubProperties hub;
    private final AgencyRegistry agencies;
    private final UnloadRepository unloads;
    private final AuditLog audit;

    IntakeService(HubProperties hub, AgencyRegistry agencies, UnloadRepository unloads, AuditLog audit)
            throws IOException {
        this.hub = hub;
        this.agencies = agencies;
        this.unloads = unloads;
        this.audit = audit;
        for (Agency agency : agencies.all()) {
            // Agencies and newcomers find their drop folder waiting instead of guessing its name.
            Files.createDirectories(hub.dropDir().resolve(agency.dropFolder()));
        }
    }

    /**
     * Returns the name a dropped file is kept under, relative to the archive and quarantine
     * folders: {@code <drop-folder>/<yyyyMMdd-HHmmss-SSS>-<file name>}.
     *
     * @param relativePath the file's path relative to the drop folder, as {@code agency/name}
     */
    public String storedName(@Header(Exchange.FILE_NAME) String relativePath) {
        Path relative = Path.of(relativePath);
        String folder = relative.getNameCount() > 1 ? relative.getName(0).toString() : "unknown";
        String name = relative.getFileName().toString();
        return folder + "/" + LocalDateTime.now().format(STAMP) + "-" + name;
    }

    /**
     * Returns the path a file is archived under once intake ends, and creates its folder now. Camel
     * creates a missing folder when it moves the file, but fails when another node creates the
     * same folder at that moment. The file would then stay in the drop folder and be taken again.
     */
    public String archiveTarget(@Header(STORED_NAME) String storedName) throws IOException {
        Path target = archivePath(storedName);
        Files.createDirectories(target.getParent());
        return target.toString();
    }

    private Path archivePath(String storedName) {
        return hub.archiveDir().resolve(storedName).toAbsolutePath();
    }

    public String quarantineTarget(@Header(STORED_NAME) String storedName) {
        return hub.quarantineDir().resolve(storedName).toAbsolutePath().toString();
    }

    /**
     * Returns the code of the agency whose drop folder contains the file, for log lines, or null when
     * no agency does; {@link #receive} rejects such a file with the reason.
     */
    public String agencyCode(@Header(Exchange.FILE_NAME) String relativePath) {
        Path relative = Path.of(relativePath);
        if (relative.getNameCount() < 2) {
            return null;
        }
        return agencies.findByDropFolder(relative.getName(0).toString())
                .map(Agency::code)
                .orElse(null);
    }

    /**
     * Records a dropped file, or finds the record of the same bytes delivered earlier.
     *
     * @param file the dropped file, still in the drop folder
     * @param relativePath path relative to the drop folder, whose first segment names the agency
     * @param storedName the name the file will be kept under once intake ends
     */
    @Transactional
    public long receive(
            @Header(Exchange.FILE_PATH) String file,
            @Header(Exchange.FILE_NAME) String relativePath,
            @Header(STORED_NAME) String storedName)
            throws IOException {
        return record(Path.of(file), relativePath, storedName).unloadId();
    }

    /** Records a dropped file; see {@link #receive(String, String, String)}. */
    @Transactional
    public Receipt record(Path file, String relativePath, String storedName) throws IOException {
        Agency agency = agencyOf(relativePath);
        String sha256 = sha256(file);
        long size = Files.size(file);
        Optional<UnloadRecord> earlier = unloads.findByHash(agency.code(), sha256);
        if (earlier.isPresent()) {
            long id = earlier.get().id();
            if (!Files.exists(Path.of(earlier.get().storedPath()))) {
                // The earlier intake stopped before it moved the file (the hub was killed), so the
                // file is archived under this intake's name.
                unloads.updateStoredPath(id, archivePath(storedName).toString());
                LOG.info("Unload {} of agency {} is taken again after an interrupted intake", id, agency.code());
            }
            LOG.info("Unload {} of agency {} delivered again as {}; recorded once", id, agency.code(), storedName);
            audit.record("intake", "unload-repeated", "unload", id, "sha256=" + sha256 + " file=" + storedName);
            return new Receipt(id, agency.code(), true);
        }
        String fileName = Path.of(relativePath).getFileName().toString();
        long id = unloads.insertReceived(
                agency.code(), fileName, sha256, size, archivePath(storedName).toString());
        audit.record(
                "intake",
                "unload-received",
                "unload",
                id,
                "sha256=" + sha256 + " size=" + size + " file=" + storedName);
        LOG.info("Unload {} received from agency {}: {} bytes, sha256 {}", id, agency.code(), size, sha256);
        return new Receipt(id, agency.code(), false);
    }

    /**
     * Writes the reason file beside a quarantined file and marks its unload failed.
     *
     * @param unloadId the unload, or null when the file was rejected before it was recorded
     */
    @Transactional
    public void quarantine(
            @Header(STORED_NAME) String storedName,
            @Header(UNLOAD_ID) Long unloadId,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure)
            throws IOException {
        // The thrown exception itself, not @ExchangeException: that one binds the innermost cause,
        // a parser's message that names neither the file nor the fix.
        quarantineWithReason(storedName, unloadId, failure.getMessage());
    }

    /** Quarantines with the given reason; see {@link #quarantine(String, Long, Exception)}. */
    @Transactional
    public void quarantineWithReason(String storedName, Long unloadId, String reason) throws IOException {
        Path target = Path.of(quarantineTarget(storedName));
        Files.createDirectories(target.getParent());
        Path reasonFile = target.resolveSibling(target.getFileName() + ".reason.txt");
        Files.writeString(reasonFile, reason + System.lineSeparator(), StandardCharsets.UTF_8);
        if (unloadId != null) {
            unloads.markFailed(unloadId, reason, target.toString());
            audit.record("intake", "unload-quarantined", "unload", unloadId, reason);
        } else {
            audit.record("intake", "file-quarantined", "file", storedName, reason);
        }
        LOG.warn("Quarantined {} (unload {}): {}", storedName, unloadId, reason);
    }

    private Agency agencyOf(String relativePath) {
        Path relative = Path.of(relativePath);
        if (relative.getNameCount() < 2) {
            throw new IntakeRejectedException("File " + relativePath + " was dropped directly into the drop folder;"
                    + " put it into the folder of its agency, drop/<agency-code>/");
        }
        String folder = relative.getName(0).toString();
        return agencies.findByDropFolder(folder)
                .orElseThrow(() -> new IntakeRejectedException("No agency has the drop folder '" + folder
                        + "' (file " + relativePath + "); add the agency to the agency registry"
                        + " or move the file into a registered agency's folder"));
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = newSha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
