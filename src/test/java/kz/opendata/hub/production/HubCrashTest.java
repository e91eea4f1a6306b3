package kz.opendata.hub.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import kz.opendata.hub.publication.FakeCkan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A hub node killed with SIGKILL at the points where a crash could lose or repeat work, then
 * started again on the same PostgreSQL database and data folder. Each test leaves a running node
 * for the next, and the first test cuts off a copy and an analysis with one kill, so the class
 * starts the hub four times.
 */
// NOTE: on a machine with a load average near 50, a restarted node once stalled for over six
// minutes after queuing its first approval e-mail, and it logged neither a send nor a failure.
// The cause is not known. `-Dhub.crash-tests=false` skips the class.
@DisabledIfSystemProperty(
        named = "hub.crash-tests",
        matches = "false",
        disabledReason = "skipped with -Dhub.crash-tests=false")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubCrashTest {

    private static final Path ROOT = Path.of("target", "hub-crash").toAbsolutePath();
    private static final Path DATA = ROOT.resolve("data");
    private static final String AGENCY = "stat-bureau";
    private static final Path DROP = DATA.resolve("drop").resolve(AGENCY);
    private static final Path ARCHIVE = DATA.resolve("archive").resolve(AGENCY);
    private static final String HUB_ADDRESS = "hub@opendata-hub.example.kz";
    private static final String CONTACT = "opendata@stat-bureau.example.kz";
    private static final String MAIL_PASSWORD = "crash-test-only";
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    /** A node starts in about 20 s on an idle machine and took over five minutes on a loaded one. */
    private static final Duration START_PATIENCE = Duration.ofMinutes(8);

    private static final AtomicInteger starts = new AtomicInteger();
    private static GreenMail mail;
    private static FakeCkan ckan;
    private static JdbcClient jdbc;
    private static Map<String, String> environment;
    private static volatile HubProcess node;

    @BeforeAll
    static void startNode() throws Exception {
        deleteTree(ROOT);
        Files.createDirectories(DROP);
        String url = Databases.newPostgresUrl();
        jdbc = JdbcClient.create(new DriverManagerDataSource(url, "postgres", "postgres"));
        mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(HubProcess.freePort(), "127.0.0.1", "smtp"),
            new ServerSetup(HubProcess.freePort(), "127.0.0.1", "imap")
        });
        mail.setUser(HUB_ADDRESS, HUB_ADDRESS, MAIL_PASSWORD);
        mail.start();
        ckan = new FakeCkan();
        ckan.addOrganisation(AGENCY);
        environment = Map.of(
                "SPRING_DATASOURCE_URL",
                url,
                "SPRING_DATASOURCE_USERNAME",
                "postgres",
                "SPRING_DATASOURCE_PASSWORD",
                "postgres",
                "HUB_MAIL_PASSWORD",
                MAIL_PASSWORD,
                "HUB_CKAN_API_TOKEN",
                FakeCkan.TOKEN);
        restart();
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        if (node != null) {
            node.close();
        }
        if (mail != null) {
            mail.stop();
        }
        if (ckan != null) {
            ckan.shutdown();
        }
    }

    @Test
    @Order(1)
    void intakeCutOffMidCopyAndMidAnalysisAnalysesOnce() throws Exception {
        int largeRows = 400_000;
        Path large = largeTable(largeRows);
        GrowingFile growing = new GrowingFile(DROP.resolve("growing.csv"));
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        writer.scheduleAtFixedRate(growing::appendRow, 0, 100, TimeUnit.MILLISECONDS);
        try {
            await().atMost(PATIENCE).until(() -> growing.rows() >= 40);
            drop("large.csv", large);
            await().atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> unloadsNamed("large.csv", "received") == 1);
            node.kill();
            assertThat(unloadsNamed("large.csv", "received"))
                    .as("the node was killed after the analysis had finished")
                    .isEqualTo(1);
            restart();
            int rowsAtRestart = growing.rows();
            await().atMost(PATIENCE).until(() -> growing.rows() >= rowsAtRestart + 40);
            assertThat(count("SELECT COUNT(*) FROM unload WHERE file_name = 'growing.csv'"))
                    .as("the hub took the file while it was still growing")
                    .isZero();
        } finally {
            writer.shutdown();
            assertThat(writer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        await().atMost(PATIENCE).until(() -> analysedUnloadOf("growing.csv") != null);
        Map<String, Object> grown = analysedUnloadOf("growing.csv");
        assertThat(count("SELECT COUNT(*) FROM unload WHERE file_name = 'growing.csv'"))
                .isEqualTo(1);
        assertThat(grown.get("row_count")).isEqualTo((long) growing.rows());
        Path archived = Path.of((String) grown.get("stored_path"));
        assertThat(archived.getParent()).isEqualTo(ARCHIVE);
        // The file moves to the archive when its intake route ends, after the analysis.
        await().atMost(PATIENCE).until(() -> Files.exists(archived));
        assertThat(Files.size(archived)).isEqualTo(growing.bytes());
        assertThat(grown.get("sha256")).isEqualTo(sha256(Files.readAllBytes(archived)));
        assertThat(analysedEvents(grown)).isEqualTo(1);

        await().atMost(PATIENCE).until(() -> analysedUnloadOf("large.csv") != null);
        Map<String, Object> analysed = analysedUnloadOf("large.csv");
        assertThat(count("SELECT COUNT(*) FROM unload WHERE file_name = 'large.csv'"))
                .isEqualTo(1);
        assertThat(analysed.get("row_count")).isEqualTo((long) largeRows);
        assertThat(analysedEvents(analysed)).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> !Files.exists(DROP.resolve("large.csv")));
        // The intake cut off by the kill had chosen another archive name; the record follows the file.
        assertThat(Path.of((String) analysed.get("stored_path"))).exists();
        assertThat(count("SELECT COUNT(*) FROM passport p JOIN unload u ON u.id = p.unload_id"
                        + " WHERE u.file_name = 'large.csv'"))
                .isEqualTo(1);
        awaitOutboxDelivered();
    }

    @Test
    @Order(2)
    void mailCutOffAfterSmtpIsResentWithSameMessageId() throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        MailFolder inbox = contactInbox();
        FolderListener killOnFirstMessage = new KillingListener(killed);
        inbox.addListener(killOnFirstMessage);
        int messagesBefore = messagesToContact().size();

        drop("schools.csv", smallTable(2030));
        await().atMost(PATIENCE).untilTrue(killed);
        inbox.removeListener(killOnFirstMessage);

        long passportId = passportOf("schools.csv");
        assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE passport_id = " + passportId
                        + " AND sent_at IS NULL AND attempts = 1"))
                .as("the outbox row was marked sent before the mail server answered")
                .isEqualTo(1);
        restart();

        await().atMost(PATIENCE)
                .until(() -> count("SELECT COUNT(*) FROM mail_outbox WHERE passport_id = " + passportId
                                + " AND sent_at IS NOT NULL")
                        == 1);
        String messageId = jdbc.sql("SELECT message_id FROM mail_outbox WHERE passport_id = ?")
                .param(passportId)
                .query(String.class)
                .single();
        List<String> ids = messagesToContact();
        assertThat(ids.subList(messagesBefore, ids.size())).containsExactly(messageId, messageId);
        assertThat(ids.stream().distinct().count())
                .as("distinct Message-IDs delivered, against letters the outbox marked sent")
                .isEqualTo(count("SELECT COUNT(*) FROM mail_outbox WHERE recipients = '" + CONTACT
                        + "' AND sent_at IS NOT NULL"));
        assertThat(ids)
                .as("messages delivered: each letter once, the cut-off one twice")
                .hasSize((int) ids.stream().distinct().count() + 1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'approval-requested'" + " AND subject_id = '"
                        + passportId + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE passport_id = " + passportId))
                .isEqualTo(1);
        awaitOutboxDelivered();
        // The node was killed before intake moved the file to the archive, so the restarted node
        // takes it from the drop folder again. The next test publishes from that archived copy.
        await().atMost(PATIENCE).until(() -> Files.exists(Path.of(storedPathOf(passportId))));
    }

    @Test
    @Order(3)
    void publicationCutOffInFlightIsRecordedOnce() throws Exception {
        long passportId = passportOf("schools.csv");
        ckan.delayNext("package_create", Duration.ofMinutes(3));
        approve(passportId);

        await().atMost(PATIENCE).until(() -> ckan.callCount("package_create") == 1);
        node.kill();
        assertThat(count("SELECT COUNT(*) FROM publication WHERE passport_id = " + passportId))
                .as("the publication was recorded before the portal answered")
                .isZero();
        restart();

        await().atMost(PATIENCE)
                .until(() ->
                        count("SELECT COUNT(*) FROM passport WHERE id = " + passportId + " AND status = 'published'")
                                == 1);
        assertThat(ckan.packages()).hasSize(1);
        assertThat(ckan.callCount("package_create")).isEqualTo(1);
        assertThat(ckan.packages().get(0).path("resources")).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM publication WHERE passport_id = " + passportId
                        + " AND status = 'published'"))
                .isEqualTo(1);
    }

    private static void restart() throws IOException {
        node = HubProcess.start(
                ROOT.resolve("node-" + starts.incrementAndGet() + ".log"), "384m", environment, arguments());
        HubProcess started = node;
        // Health responds before the routes run, and the fake portal keeps it at 503, so the node
        // counts as started once Spring Boot logged that it did.
        await().atMost(START_PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .failFast("the node exited; see its log " + started.log(), () -> !started.isAlive())
                .until(() ->
                        Files.readString(started.log(), StandardCharsets.UTF_8).contains("Started HubApplication"));
    }

    private static List<String> arguments() {
        return List.of(
                "--spring.profiles.active=postgres",
                "--hub.data-dir=" + DATA,
                "--hub.mail.smtp.port=" + mail.getSmtp().getPort(),
                "--hub.mail.imap.port=" + mail.getImap().getPort(),
                "--hub.intake.poll-delay-ms=200",
                "--hub.intake.stable-for-ms=1000",
                "--hub.intake.read-lock-timeout-ms=3000",
                // A killed node's intake lock is taken over after this long.
                "--hub.cluster.read-lock-max-age-ms=3000",
                "--hub.cluster.read-lock-keep-alive-ms=1000",
                "--hub.cluster.read-lock-release-delay-ms=1000",
                "--hub.approval.inbox-schedule=0/1 * * * * ?",
                "--hub.approval.outbox-schedule=0/1 * * * * ?",
                "--hub.approval.pending-schedule=0/1 * * * * ?",
                // Longer than a send takes on a loaded machine, so the outbox run does not repeat a
                // send the intake route is still making.
                "--hub.approval.outbox-claim-timeout=20s",
                "--hub.approval.outbox-retry-delay=1s",
                "--hub.publication.portal=ckan",
                "--hub.publication.ckan.url=" + ckan.url(),
                "--hub.publication.schedule=0/1 * * * * ?");
    }

    /** Kills the node when the first message reaches the folder, before GreenMail replies to DATA. */
    private static final class KillingListener implements FolderListener {

        private final AtomicBoolean killed;

        KillingListener(AtomicBoolean killed) {
            this.killed = killed;
        }

        @Override
        public void added(int msn) {
            if (killed.compareAndSet(false, true)) {
                try {
                    node.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void expunged(int msn) {}

        @Override
        public void flagsUpdated(int msn, Flags flags, Long uid) {}

        @Override
        public void mailboxDeleted() {}
    }

    /** A CSV written one row at a time, as a slow copy into the drop folder writes it. */
    private static final class GrowingFile {

        private final Path file;
        private final AtomicInteger rows = new AtomicInteger();
        private long bytes;

        GrowingFile(Path file) throws IOException {
            this.file = file;
            write("region_code,year,schools\n");
        }

        synchronized void appendRow() {
            int row = rows.get();
            write((100 + row) + "," + (2000 + row % 25) + "," + (row * 7 % 1000) + "\n");
            rows.incrementAndGet();
        }

        int rows() {
            return rows.get();
        }

        synchronized long bytes() {
            return bytes;
        }

        private void write(String text) {
            byte[] data = text.getBytes(StandardCharsets.UTF_8);
            try {
                Files.write(file, data, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bytes += data.length;
        }
    }

    private static MailFolder contactInbox() throws Exception {
        GreenMailUser contact = mail.getUserManager().getUserByEmail(CONTACT);
        if (contact == null) {
            contact = mail.setUser(CONTACT, CONTACT, MAIL_PASSWORD);
        }
        return mail.getManagers().getImapHostManager().getInbox(contact);
    }

    /** Message-IDs of every message delivered to the contact, in order of arrival. */
    private static List<String> messagesToContact() throws Exception {
        List<String> ids = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            Object[] to = message.getRecipients(Message.RecipientType.TO);
            if (to != null && ((InternetAddress) to[0]).getAddress().equalsIgnoreCase(CONTACT)) {
                ids.add(message.getMessageID());
            }
        }
        return ids;
    }

    /** Replies to the passport's approval e-mail as the agency's contact, approving it. */
    private static void approve(long passportId) throws Exception {
        String messageId = jdbc.sql("SELECT message_id FROM mail_outbox WHERE passport_id = ?")
                .param(passportId)
                .query(String.class)
                .single();
        MimeMessage request = null;
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (messageId.equals(message.getMessageID())) {
                request = message;
            }
        }
        assertThat(request).isNotNull();
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
        MimeMessage reply = new MimeMessage(Session.getInstance(properties));
        reply.setFrom(new InternetAddress(CONTACT));
        reply.setRecipient(Message.RecipientType.TO, new InternetAddress(HUB_ADDRESS));
        reply.setSubject("Re: " + request.getSubject(), "UTF-8");
        reply.setHeader("In-Reply-To", messageId);
        reply.setHeader("References", messageId);
        reply.setText("Согласовано.", "UTF-8", "plain");
        Transport.send(reply);
    }

    private static void awaitOutboxDelivered() {
        await().atMost(PATIENCE).until(() -> count("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL") == 0);
    }

    private static Map<String, Object> analysedUnloadOf(String fileName) {
        return jdbc
                .sql(
                        "SELECT id, sha256, row_count, stored_path FROM unload WHERE file_name = ? AND status = 'analysed'")
                .param(fileName)
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElse(null);
    }

    private static long unloadsNamed(String fileName, String status) {
        return jdbc.sql("SELECT COUNT(*) FROM unload WHERE file_name = ? AND status = ?")
                .params(fileName, status)
                .query(Long.class)
                .single();
    }

    private static long analysedEvents(Map<String, Object> unload) {
        return count("SELECT COUNT(*) FROM audit_event WHERE action = 'unload-analysed' AND subject_type = 'unload'"
                + " AND subject_id = '" + unload.get("id") + "'");
    }

    private static long passportOf(String fileName) {
        await().atMost(PATIENCE)
                .until(() -> count("SELECT COUNT(*) FROM passport p JOIN unload u ON u.id = p.unload_id"
                                + " WHERE u.file_name = '" + fileName + "'")
                        == 1);
        return jdbc.sql("SELECT p.id FROM passport p JOIN unload u ON u.id = p.unload_id WHERE u.file_name = ?")
                .param(fileName)
                .query(Long.class)
                .single();
    }

    private static String storedPathOf(long passportId) {
        return jdbc.sql("SELECT u.stored_path FROM unload u JOIN passport p ON p.unload_id = u.id WHERE p.id = ?")
                .param(passportId)
                .query(String.class)
                .single();
    }

    private static long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static String smallTable(int firstYear) {
        StringBuilder text = new StringBuilder("region_code,year,schools\n");
        for (int row = 0; row < 12; row++) {
            text.append(100 + row)
                    .append(',')
                    .append(firstYear + row % 3)
                    .append(',')
                    .append(40 + row * 3)
                    .append('\n');
        }
        return text.toString();
    }

    /** Writes a table with one numbered row per line, so its row count is known without reading it. */
    private static Path largeTable(int rows) throws IOException {
        Path file = ROOT.resolve("large.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("region_code,year,schools,teachers,pupils\n");
            for (int row = 0; row < rows; row++) {
                out.write((100 + row % 900) + "," + (2000 + row % 25) + "," + (row % 500) + "," + (row % 7000) + ","
                        + row + "\n");
            }
        }
        return file;
    }

    private static void drop(String name, String content) throws IOException {
        Path partial = DROP.resolve(name + ".part");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        Files.move(partial, DROP.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void drop(String name, Path source) throws IOException {
        Path partial = DROP.resolve(name + ".part");
        Files.copy(source, partial);
        Files.move(partial, DROP.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static String sha256(byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
