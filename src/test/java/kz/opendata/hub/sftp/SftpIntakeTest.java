package kz.opendata.hub.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import kz.opendata.hub.HubApplication;
import kz.opendata.hub.campaign.TestFolders;
import kz.opendata.hub.sftp.SftpStatusRepository.SftpStatus;
import kz.opendata.hub.sftp.SftpTransferRepository.SftpTransfer;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.AuditLog.AuditEvent;
import kz.opendata.hub.store.UnloadRecord;
import kz.opendata.hub.store.UnloadRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SFTP intake against Apache MINA SSHD servers on 127.0.0.1, one per agency. A good server hides
 * the parent of the agency's folder, one offers only ssh-rsa, one has a changed host key, one
 * denies listing the agency's folder, and one cuts the connection when the hub moves a file.
 */
@DirtiesContext
@SpringBootTest(classes = HubApplication.class)
@Import(TestSecretsConfiguration.class)
class SftpIntakeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path DATA = TestFolders.fresh("sftp-intake");
    private static final int SMTP_PORT = TestFolders.freePort();
    private static final int IMAP_PORT = TestFolders.freePort();
    private static final String PASSWORD = "test-only-sftp-password";

    static final SftpTestServer GOOD;
    static final SftpTestServer LEGACY;
    static final SftpTestServer CHANGED;
    static final SftpTestServer LOCKED;
    static final SftpTestServer CUTTING;
    static final SftpTestServer OUTAGE;
    static final String STALE_FINGERPRINT;

    static {
        try {
            Path servers = DATA.resolve("servers");
            GOOD = SftpTestServer.start(
                    servers.resolve("good"),
                    SftpTestServer.Options.modern("good", PASSWORD).denying("/incoming"));
            LEGACY = SftpTestServer.start(
                    servers.resolve("legacy"),
                    SftpTestServer.Options.modern("legacy", PASSWORD).legacyOnly());
            CHANGED = SftpTestServer.start(
                    servers.resolve("changed"), SftpTestServer.Options.modern("changed", PASSWORD));
            LOCKED = SftpTestServer.start(
                    servers.resolve("locked"),
                    SftpTestServer.Options.modern("locked", PASSWORD).denying("/incoming/locked-agency"));
            CUTTING = SftpTestServer.start(
                    servers.resolve("cutting"),
                    SftpTestServer.Options.modern("cutting", PASSWORD).cuttingOnFirstRename());
            OUTAGE = SftpTestServer.start(servers.resolve("outage"), SftpTestServer.Options.modern("outage", PASSWORD));
            for (SftpTestServer server : List.of(GOOD, LEGACY, CHANGED, LOCKED, CUTTING, OUTAGE)) {
                Files.createDirectories(server.root().resolve("incoming"));
            }
            Files.createDirectories(OUTAGE.root().resolve("incoming/outage-agency"));
            Files.createDirectories(GOOD.root().resolve("incoming/good-agency"));
            Files.createDirectories(LOCKED.root().resolve("incoming/locked-agency"));
            Files.createDirectories(CUTTING.root().resolve("incoming/cut-agency"));
            var staleKey = SftpTestServer.generate("EC");
            STALE_FINGERPRINT = fingerprintOf(SftpTestServer.knownHostsLine(CHANGED.port(), staleKey.getPublic()));
            Path knownHosts = Files.writeString(
                    DATA.resolve("known_hosts"),
                    GOOD.knownHostsLine()
                            + LEGACY.knownHostsLine()
                            + LOCKED.knownHostsLine()
                            + CUTTING.knownHostsLine()
                            + OUTAGE.knownHostsLine()
                            + SftpTestServer.knownHostsLine(CHANGED.port(), staleKey.getPublic()));
            new TestRegistryFile()
                    .agency(
                            "good-agency",
                            "ru",
                            "Хорошее ведомство",
                            "good@agency.example.kz",
                            TestRegistryFile.sftpBlock(
                                    GOOD, "good", "incoming/good-agency", null, "GOOD_PW", knownHosts))
                    .agency(
                            "legacy-agency",
                            "ru",
                            "Старое ведомство",
                            "legacy@agency.example.kz",
                            TestRegistryFile.sftpBlock(LEGACY, "legacy", "incoming", null, "LEGACY_PW", knownHosts))
                    .agency(
                            "changed-agency",
                            "kk",
                            "Өзгерген мекеме",
                            "changed@agency.example.kz",
                            TestRegistryFile.sftpBlock(CHANGED, "changed", "incoming", null, "CHANGED_PW", knownHosts))
                    .agency(
                            "locked-agency",
                            "ru",
                            "Закрытое ведомство",
                            "locked@agency.example.kz",
                            TestRegistryFile.sftpBlock(
                                    LOCKED, "locked", "incoming/locked-agency", null, "LOCKED_PW", knownHosts))
                    .agency(
                            "cut-agency",
                            "ru",
                            "Обрывистое ведомство",
                            "cut@agency.example.kz",
                            TestRegistryFile.sftpBlock(
                                    CUTTING, "cutting", "incoming/cut-agency", null, "CUT_PW", knownHosts))
                    .agency(
                            "outage-agency",
                            "kk",
                            "Үзілісті мекеме",
                            "outage@agency.example.kz",
                            TestRegistryFile.sftpBlock(
                                    OUTAGE, "outage", "incoming/outage-agency", null, "OUTAGE_PW", knownHosts))
                    .agency(
                            "secretless-agency",
                            "ru",
                            "Ведомство без пароля",
                            "none@agency.example.kz",
                            TestRegistryFile.sftpBlock(GOOD, "good", "incoming", null, "UNSET_PW", knownHosts))
                    .write(DATA.resolve("agencies.yml"));
            for (String env : List.of("GOOD_PW", "LEGACY_PW", "CHANGED_PW", "LOCKED_PW", "CUT_PW", "OUTAGE_PW")) {
                TestSecretsConfiguration.ENVIRONMENT.put(env, PASSWORD);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", DATA::toString);
        // Quartz schedulers are named after the Camel context and shared within the JVM; a name of
        // its own keeps this context's triggers apart from other test contexts' ones.
        registry.add("camel.main.name", () -> "hub-sftp-intake");
        registry.add("hub.agencies-file", () -> DATA.resolve("agencies.yml").toString());
        registry.add("hub.mail.smtp.port", () -> SMTP_PORT);
        registry.add("hub.mail.imap.port", () -> IMAP_PORT);
        registry.add("hub.intake.poll-delay-ms", () -> 200);
        registry.add("hub.intake.stable-for-ms", () -> 300);
        registry.add("hub.sftp.cron", () -> "0/1 * * * * ?");
        registry.add("hub.sftp.stable-for-ms", () -> 200);
        registry.add("hub.sftp.stable-timeout-ms", () -> 5000);
        registry.add("hub.sftp.connect-timeout-ms", () -> 5000);
    }

    @AfterAll
    static void stopServers() {
        for (SftpTestServer server : List.of(GOOD, LEGACY, CHANGED, LOCKED, CUTTING, OUTAGE)) {
            server.close();
        }
    }

    @Autowired
    SftpStatusRepository statuses;

    @Autowired
    SftpTransferRepository transfers;

    @Autowired
    UnloadRepository unloads;

    @Autowired
    AuditLog audit;

    @Autowired
    HealthEndpoint health;

    @Test
    void readsFolderWhoseParentCannotBeListed() throws IOException {
        byte[] content = "region;count\nАстана;12\nАлматы;30\n".getBytes(StandardCharsets.UTF_8);
        String sha256 = sha256(content);

        upload(GOOD, "incoming/good-agency", "counts.csv", content);

        UnloadRecord unload = await().atMost(PATIENCE)
                .until(() -> unloads.findByHash("good-agency", sha256), java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(unload.sizeBytes()).isEqualTo(content.length);
        assertThat(unload.fileName()).isEqualTo("counts.csv");
        await().atMost(PATIENCE).until(() -> !Files.exists(GOOD.root().resolve("incoming/good-agency/counts.csv")));
        try (Stream<Path> done = Files.list(GOOD.root().resolve("incoming/good-agency/.hub-done"))) {
            assertThat(done.map(p -> p.getFileName().toString())).anyMatch(name -> name.endsWith("-counts.csv"));
        }
        SftpTransfer transfer = transfers.find("good-agency", sha256).orElseThrow();
        assertThat(transfer.state()).isEqualTo(SftpTransferRepository.HANDED_OVER);
        assertThat(transfer.remotePath())
                .isEqualTo("sftp://127.0.0.1:" + GOOD.port() + "/incoming/good-agency/counts.csv");
        assertThat(statuses.find("good-agency").orElseThrow().state()).isEqualTo(SftpStatusRepository.OK);
    }

    @Test
    void serverWithOnlySshRsaIsRejectedClearly() {
        SftpStatus status = awaitProblem("legacy-agency");

        assertThat(status.problem()).isEqualTo(SftpProblem.LEGACY_ALGORITHMS);
        assertThat(status.message()).contains("127.0.0.1:" + LEGACY.port());
        assertThat(status.message()).contains("only the host key algorithms ssh-rsa");
        assertThat(status.message()).contains("SHA-1");
        assertThat(status.message()).contains("rsa-sha2-512");
    }

    @Test
    void changedHostKeyFailsClosedWithBothFingerprints() throws IOException {
        upload(CHANGED, "incoming", "must-stay.csv", "a;b\n1;2\n".getBytes(StandardCharsets.UTF_8));

        SftpStatus status = awaitProblem("changed-agency");

        assertThat(status.problem()).isEqualTo(SftpProblem.HOST_KEY_CHANGED);
        assertThat(status.message()).contains("fingerprint changed");
        assertThat(status.message()).contains(STALE_FINGERPRINT);
        assertThat(status.message()).contains(CHANGED.fingerprint());
        assertThat(status.message()).contains("ssh-keygen -R '[127.0.0.1]:" + CHANGED.port() + "'");
        assertThat(status.message()).contains("ssh-keyscan -p " + CHANGED.port() + " 127.0.0.1");
        assertThat(CHANGED.root().resolve("incoming/must-stay.csv")).exists();
        assertThat(DATA.resolve("drop/changed-agency/must-stay.csv")).doesNotExist();
    }

    @Test
    void unlistableFolderNamesStepwiseSetting() {
        SftpStatus status = awaitProblem("locked-agency");

        assertThat(status.problem()).isEqualTo(SftpProblem.PERMISSION_DENIED);
        assertThat(status.message()).contains("account 'locked'");
        assertThat(status.message()).contains("cannot list folder incoming/locked-agency");
        assertThat(status.message()).contains("stepwise=false");
    }

    @Test
    void missingSecretKeepsRouteStoppedWithReason() {
        SftpStatus status = awaitProblem("secretless-agency");

        assertThat(status.state()).isEqualTo(SftpStatusRepository.NOT_STARTED);
        assertThat(status.message()).contains("environment variable UNSET_PW is not set");
    }

    @Test
    void healthShowsEachServer() {
        awaitProblem("changed-agency");
        awaitProblem("secretless-agency");
        await().atMost(PATIENCE)
                .until(() -> statuses.find("good-agency")
                        .map(s -> s.state().equals(SftpStatusRepository.OK))
                        .orElse(false));

        HealthComponent good = health.healthForPath("sftp", "good-agency");
        HealthComponent changed = health.healthForPath("sftp", "changed-agency");
        HealthComponent secretless = health.healthForPath("sftp", "secretless-agency");

        assertThat(good.getStatus()).isEqualTo(Status.UP);
        assertThat(((Health) good).getDetails()).containsEntry("address", "127.0.0.1:" + GOOD.port());
        assertThat(changed.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(((Health) changed).getDetails()).containsEntry("problem", SftpProblem.HOST_KEY_CHANGED);
        assertThat(secretless.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(((Health) secretless).getDetails()).containsEntry("state", SftpStatusRepository.NOT_STARTED);
        assertThat(health.healthForPath("sftp", "no-such-agency")).isNull();
    }

    @Test
    void serverOutageLosesNothing() throws IOException {
        byte[] content = "kato;name\n750000000;Алматы\n".getBytes(StandardCharsets.UTF_8);
        String sha256 = sha256(content);
        awaitState("outage-agency", SftpStatusRepository.OK);

        OUTAGE.pause();
        awaitProblem("outage-agency");
        assertThat(health.healthForPath("sftp", "outage-agency").getStatus().getCode())
                .isEqualTo("DEGRADED");
        upload(OUTAGE, "incoming/outage-agency", "kato-outage.csv", content);
        OUTAGE.resume();

        await().atMost(PATIENCE)
                .until(() -> unloads.findByHash("outage-agency", sha256).isPresent());
        awaitState("outage-agency", SftpStatusRepository.OK);
        assertThat(health.healthForPath("sftp", "outage-agency").getStatus()).isEqualTo(Status.UP);
        assertThat(transfers.find("outage-agency", sha256).orElseThrow().downloadCount())
                .isEqualTo(1);
        assertThat(OUTAGE.root().resolve("incoming/outage-agency/kato-outage.csv"))
                .doesNotExist();
    }

    private void awaitState(String agencyCode, String state) {
        await().atMost(PATIENCE)
                .until(() -> statuses.find(agencyCode)
                        .map(s -> s.state().equals(state))
                        .orElse(false));
    }

    @Test
    void connectionCutBeforeRemoteMoveHandsOverOnce() throws IOException {
        byte[] content = "kato;name\n710000000;Астана\n".getBytes(StandardCharsets.UTF_8);
        String sha256 = sha256(content);

        upload(CUTTING, "incoming/cut-agency", "kato.csv", content);

        await().atMost(PATIENCE).until(() -> !Files.exists(CUTTING.root().resolve("incoming/cut-agency/kato.csv")));
        SftpTransfer transfer = transfers.find("cut-agency", sha256).orElseThrow();
        assertThat(transfer.downloadCount()).isEqualTo(2);
        assertThat(CUTTING.renameRequests()).isEqualTo(2);
        await().atMost(PATIENCE)
                .until(() -> unloads.findByHash("cut-agency", sha256).isPresent());
        long unloadId = unloads.findByHash("cut-agency", sha256).orElseThrow().id();
        List<String> transferActions = audit.forSubject("sftp-transfer", transfer.id()).stream()
                .map(AuditEvent::action)
                .toList();
        assertThat(transferActions).containsExactly("sftp-file-handed-over", "sftp-file-downloaded-again");
        List<String> unloadActions = audit.forSubject("unload", unloadId).stream()
                .map(AuditEvent::action)
                .toList();
        assertThat(unloadActions).contains("unload-received").doesNotContain("unload-repeated");
    }

    @Test
    void inventoryFormGoesToInventoryFolder() throws IOException {
        byte[] notAWorkbook = "not a workbook".getBytes(StandardCharsets.UTF_8);

        upload(GOOD, "incoming/good-agency", "inventory-7-01.xlsx", notAWorkbook);

        Path rejected = DATA.resolve("inventory-rejected/good-agency");
        await().atMost(PATIENCE).until(() -> reasonFiles(rejected).size() == 1);
        String reason = Files.readString(reasonFiles(rejected).get(0));
        assertThat(reason).contains("inventory-7-01.xlsx");
        assertThat(reason).contains("could not be opened as an XLSX workbook");
        assertThat(unloads.findByHash("good-agency", sha256(notAWorkbook))).isEmpty();
    }

    private static List<Path> reasonFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".reason.txt"))
                    .toList();
        }
    }

    private SftpStatus awaitProblem(String agencyCode) {
        return await().atMost(PATIENCE)
                .until(
                        () -> statuses.find(agencyCode),
                        s -> s.isPresent() && s.get().problem() != null)
                .orElseThrow();
    }

    /** Puts a file on the server as an SFTP client does: a temporary name, then a rename. */
    private static void upload(SftpTestServer server, String folder, String name, byte[] content) throws IOException {
        Path target = server.root().resolve(folder);
        Path partial = Files.write(target.resolve(name + ".part"), content);
        Files.move(partial, target.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fingerprintOf(String knownHostsLine) {
        String blob = knownHostsLine.trim().split(" ")[2];
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(java.util.Base64.getDecoder().decode(blob));
            return "SHA256:" + java.util.Base64.getEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
