package kz.opendata.hub.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import kz.opendata.hub.HubProperties;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.sftp.SftpTransferRepository.SftpTransfer;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.UnloadRepository;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands a file downloaded from an agency's SFTP server over to the hub's folder intake.
 *
 * <p>The file is written to {@code <data-dir>/sftp-staging/<agency-code>/} while its SHA-256 is
 * computed, checked against the size the server listed and hashed again from disk, recorded by
 * agency and hash, and only then moved atomically into the agency's drop folder (a returned
 * inventory form, named {@code inventory-*.xlsx}, into {@code <data-dir>/inventory/<folder>/}).
 * A file whose hash was handed over before, or that intake already received by another way, is
 * not handed over again.
 */
@Component("sftpHandover")
public class SftpHandover {

    /** Header with the code of the agency whose server the file came from. */
    public static final String AGENCY_HEADER = "hubAgencyCode";

    private static final Logger LOG = LoggerFactory.getLogger(SftpHandover.class);

    private final HubProperties hub;
    private final AgencyRegistry agencies;
    private final SftpRegistry registry;
    private final SftpTransferRepository transfers;
    private final UnloadRepository unloads;
    private final AuditLog audit;
    private final Clock clock;

    SftpHandover(
            HubProperties hub,
            AgencyRegistry agencies,
            SftpRegistry registry,
            SftpTransferRepository transfers,
            UnloadRepository unloads,
            AuditLog audit,
            Clock clock) {
        this.hub = hub;
        this.agencies = agencies;
        this.registry = registry;
        this.transfers = transfers;
        this.audit = audit;
        this.unloads = unloads;
        this.clock = clock;
    }

    public void handOver(Exchange exchange) throws IOException, InvalidPayloadException {
        String agencyCode = exchange.getMessage().getHeader(AGENCY_HEADER, String.class);
        Agency agency = agencies.find(agencyCode)
                .orElseThrow(() -> new SftpTransferException(
                        "Agency " + agencyCode + " is not in the agency registry; its SFTP route should not exist"));
        String remote = remoteLocation(agencyCode, exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class));
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Long listedSize = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class);
        Staged staged = stage(agencyCode, exchange.getMessage().getMandatoryBody(InputStream.class));
        try {
            verify(staged, listedSize, remote);
            handOver(agency, staged, fileName, remote);
        } finally {
            Files.deleteIfExists(staged.path());
        }
    }

    private void handOver(Agency agency, Staged staged, String fileName, String remote) throws IOException {
        Optional<SftpTransfer> earlier = transfers.find(agency.code(), staged.sha256());
        if (earlier.isPresent() && alreadyHandedOver(earlier.get())) {
            recordDownloadedAgain(agency, earlier.get(), staged, remote);
            return;
        }
        Path target = earlier.map(t -> hub.dataDir().resolve(t.handoverPath()))
                .orElseGet(() -> target(agency, fileName, staged));
        String relative = hub.dataDir().relativize(target).toString();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (earlier.isEmpty()
                && unloads.findByHash(agency.code(), staged.sha256()).isPresent()) {
            recordAlreadyReceived(agency, staged, remote, relative, now);
            return;
        }
        boolean recorded = earlier.isPresent()
                || transfers.insertStaged(agency.code(), staged.sha256(), staged.size(), remote, relative, now);
        if (!recorded) {
            LOG.info("SFTP file {} of agency {} is being handed over by another poll", remote, agency.code());
            return;
        }
        moveIntoIntake(agency, staged, target, remote, relative);
    }

    /** Moves the staged file into its intake folder in one step, then marks the transfer done. */
    private void moveIntoIntake(Agency agency, Staged staged, Path target, String remote, String relative)
            throws IOException {
        Files.createDirectories(target.getParent());
        Files.move(staged.path(), target, StandardCopyOption.ATOMIC_MOVE);
        SftpTransfer transfer = transfers.find(agency.code(), staged.sha256()).orElseThrow();
        transfers.markHandedOver(transfer.id(), OffsetDateTime.now(clock));
        audit.record(
                "sftp-intake",
                "sftp-file-handed-over",
                "sftp-transfer",
                transfer.id(),
                "remote=" + remote + " sha256=" + staged.sha256() + " size=" + staged.size() + " to=" + relative);
        LOG.info(
                "SFTP file {} of agency {} handed over as {} ({} bytes)",
                remote,
                agency.code(),
                relative,
                staged.size());
    }

    private void recordDownloadedAgain(Agency agency, SftpTransfer earlier, Staged staged, String remote) {
        transfers.countDownload(earlier.id());
        audit.record(
                "sftp-intake",
                "sftp-file-downloaded-again",
                "sftp-transfer",
                earlier.id(),
                "remote=" + remote + " sha256=" + staged.sha256() + " handedOverAs=" + earlier.handoverPath());
        LOG.info(
                "SFTP file {} of agency {} was handed over before as transfer {}; not handed over again",
                remote,
                agency.code(),
                earlier.id());
    }

    /** Checks whether a transfer is done; a staged one whose file reached its target before a crash counts too. */
    private boolean alreadyHandedOver(SftpTransfer transfer) {
        return SftpTransferRepository.HANDED_OVER.equals(transfer.state())
                || Files.exists(hub.dataDir().resolve(transfer.handoverPath()))
                || unloads.findByHash(transfer.agencyCode(), transfer.sha256()).isPresent();
    }

    private void recordAlreadyReceived(
            Agency agency, Staged staged, String remote, String relative, OffsetDateTime now) {
        if (transfers.insertStaged(agency.code(), staged.sha256(), staged.size(), remote, relative, now)) {
            SftpTransfer transfer =
                    transfers.find(agency.code(), staged.sha256()).orElseThrow();
            transfers.markHandedOver(transfer.id(), now);
            audit.record(
                    "sftp-intake",
                    "sftp-file-already-received",
                    "sftp-transfer",
                    transfer.id(),
                    "remote=" + remote + " sha256=" + staged.sha256() + " intake has these bytes already");
        }
        LOG.info(
                "SFTP file {} of agency {} has the same bytes as an unload received before; not handed over",
                remote,
                agency.code());
    }

    /** Picks the target in the drop or inventory folder, with the hash in the name if the name is taken. */
    private Path target(Agency agency, String fileName, Staged staged) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        boolean form = lower.startsWith("inventory-") && lower.endsWith(".xlsx");
        Path folder = hub.dataDir().resolve(form ? "inventory" : "drop").resolve(agency.dropFolder());
        Path target = folder.resolve(fileName);
        if (!Files.exists(target)) {
            return target;
        }
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String extension = dot > 0 ? fileName.substring(dot) : "";
        return folder.resolve(stem + "-" + staged.sha256().substring(0, 12) + extension);
    }

    private Staged stage(String agencyCode, InputStream body) throws IOException {
        Path folder =
                Files.createDirectories(hub.dataDir().resolve("sftp-staging").resolve(agencyCode));
        Path staged = folder.resolve(UUID.randomUUID() + ".part");
        MessageDigest digest = sha256();
        long size;
        try (InputStream in = new DigestInputStream(body, digest);
                OutputStream out = Files.newOutputStream(staged)) {
            size = in.transferTo(out);
        }
        try (FileChannel channel = FileChannel.open(staged, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return new Staged(staged, HexFormat.of().formatHex(digest.digest()), size);
    }

    private static void verify(Staged staged, Long listedSize, String remote) throws IOException {
        if (listedSize != null && listedSize >= 0 && listedSize != staged.size()) {
            throw new SftpTransferException("SFTP file " + remote + ": the server listed " + listedSize
                    + " bytes but " + staged.size() + " arrived; the file stays on the server and is downloaded"
                    + " again on the next poll");
        }
        String onDisk = hashOf(staged.path());
        if (!onDisk.equals(staged.sha256())) {
            throw new SftpTransferException("SFTP file " + remote + ": the staged copy has SHA-256 " + onDisk
                    + " but the download had " + staged.sha256() + "; check the disk of the data folder. The file"
                    + " is downloaded again on the next poll");
        }
    }

    private static String hashOf(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private String remoteLocation(String agencyCode, String path) {
        return registry.find(agencyCode).map(s -> "sftp://" + s.address()).orElse("sftp://?") + "/" + path;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private record Staged(Path path, String sha256, long size) {}
}
