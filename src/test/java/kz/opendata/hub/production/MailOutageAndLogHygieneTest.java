package kz.opendata.hub.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.imap.ImapServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import kz.opendata.hub.HubApplication;
import kz.opendata.hub.campaign.Campaign;
import kz.opendata.hub.campaign.CampaignService;
import kz.opendata.hub.campaign.NewCampaign;
import kz.opendata.hub.exchange.DispatchService;
import kz.opendata.hub.exchange.DispatchService.DispatchResult;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.UnloadRecord;
import kz.opendata.hub.store.UnloadRepository;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub against a mail server it does not own, as in production. Health follows the server
 * down and up, and an approval e-mail or an official request queued during the outage fails, is
 * retried, and is sent once afterwards. A reply that arrives while only IMAP is down waits on the
 * mail server and is decided once when IMAP is back. No log line contains a restricted value or a secret.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class MailOutageAndLogHygieneTest {

    private static final Path DATA = Path.of("target", "mail-outage", "data").toAbsolutePath();
    private static final Path SAMPLES = Path.of("samples").toAbsolutePath();
    private static final int SMTP_PORT = HubProcess.freePort();
    private static final int IMAP_PORT = HubProcess.freePort();
    private static final String HUB_ADDRESS = "hub@opendata-hub.example.kz";
    private static final String MAIL_PASSWORD = "mail-password-for-this-test-4f9c";
    private static final String REPLY_TOKEN_KEY = "reply-token-key-for-this-test-only-8d2e71b0";
    private static final String HEALTH_CONTACT = "opendata@city-health.example.kz";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static GreenMail mail = startMail();

    @Autowired
    HealthEndpoint health;

    @Autowired
    UnloadRepository unloads;

    @Autowired
    PassportRepository passports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CampaignService campaigns;

    @Autowired
    DispatchService dispatch;

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) throws IOException {
        deleteTree(DATA);
        registry.add("hub.data-dir", DATA::toString);
        registry.add("hub.mail.embedded", () -> false);
        registry.add("hub.mail.password", () -> MAIL_PASSWORD);
        registry.add("hub.mail.reply-token-key", () -> REPLY_TOKEN_KEY);
        registry.add("hub.mail.smtp.port", () -> SMTP_PORT);
        registry.add("hub.mail.imap.port", () -> IMAP_PORT);
        registry.add("hub.mail.imap.poll-delay-ms", () -> 500);
        registry.add("hub.intake.poll-delay-ms", () -> 200);
        registry.add("hub.intake.stable-for-ms", () -> 300);
        registry.add("hub.intake.read-lock-timeout-ms", () -> 3000);
        registry.add("hub.approval.pending-schedule", () -> "0/1 * * * * ?");
        registry.add("hub.approval.outbox-schedule", () -> "0/1 * * * * ?");
        registry.add("hub.approval.outbox-retry-delay", () -> "1s");
        registry.add("hub.approval.outbox-max-retry-delay", () -> "2s");
    }

    @AfterAll
    static void stopMail() {
        mail.stop();
    }

    @Test
    void outageDraftIsSentOnce() throws Exception {
        awaitComponent("smtp", Status.UP);
        awaitComponent("imap", Status.UP);

        mail.stop();
        awaitComponent("smtp", Status.DOWN);
        awaitComponent("imap", Status.DOWN);
        drop("city-health", "hospices.csv");
        await().atMost(PATIENCE)
                .until(() -> unloadNamed("hospices.csv") != null
                        && !passports
                                .findByUnload(unloadNamed("hospices.csv").id())
                                .isEmpty());
        long passportId =
                passports.findByUnload(unloadNamed("hospices.csv").id()).get(0).id();
        await().atMost(PATIENCE).until(() -> failedAttempts(passportId) >= 1);
        assertThat(passports.find(passportId).orElseThrow().status()).isEqualTo(PassportRecord.SENT);
        assertThat(single("SELECT COUNT(*) FROM mail_outbox WHERE passport_id = ? AND sent_at IS NOT NULL", passportId))
                .isZero();

        mail = startMail();
        awaitComponent("smtp", Status.UP);
        awaitComponent("imap", Status.UP);
        await().atMost(PATIENCE)
                .until(() -> PassportRecord.SENT.equals(
                        passports.find(passportId).orElseThrow().status()));
        await().atMost(PATIENCE).until(() -> messagesTo(HEALTH_CONTACT).size() == 1);
        await().during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(10))
                .until(() -> messagesTo(HEALTH_CONTACT).size() == 1);
        assertThat(unloads.latest(50).stream().filter(u -> u.fileName().equals("hospices.csv")))
                .hasSize(1);
        assertThat(single("SELECT COUNT(*) FROM mail_outbox WHERE passport_id = ? AND sent_at IS NOT NULL", passportId))
                .isEqualTo(1);

        // The mailbox poll resumed too: the agency's approval, sent after the outage, decides.
        approve(messagesTo(HEALTH_CONTACT).iterator().next());
        await().atMost(PATIENCE)
                .until(() -> List.of(PassportRecord.APPROVED, PassportRecord.PUBLISHED)
                        .contains(passports.find(passportId).orElseThrow().status()));
    }

    @Test
    void replyDuringImapOutageIsDecidedOnce(CapturedOutput output) throws Exception {
        awaitComponent("imap", Status.UP);
        drop("city-health", "registry-offices-excel-cp1251.csv");
        await().atMost(PATIENCE).until(() -> sentPassport("registry-offices-excel-cp1251.csv") != null);
        PassportRecord passport = sentPassport("registry-offices-excel-cp1251.csv");
        String request = jdbc.sql("SELECT message_id FROM mail_outbox WHERE passport_id = ? AND sent_at IS NOT NULL")
                .param(passport.id())
                .query(String.class)
                .single();
        await().atMost(PATIENCE).until(() -> messagesTo(HEALTH_CONTACT).contains(request));

        // Only the IMAP service stops; SMTP keeps taking mail into the same mailboxes.
        mail.getImap().stopService();
        awaitComponent("imap", Status.DOWN);
        approve(request);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> PassportRecord.SENT.equals(
                        passports.find(passport.id()).orElseThrow().status()));
        ImapServer imap = new ImapServer(new ServerSetup(IMAP_PORT, "127.0.0.1", "imap"), mail.getManagers());
        imap.startService();
        try {
            awaitComponent("imap", Status.UP);
            await().atMost(PATIENCE)
                    .until(() -> List.of(PassportRecord.APPROVED, PassportRecord.PUBLISHED)
                            .contains(
                                    passports.find(passport.id()).orElseThrow().status()));
            assertThat(single(
                            "SELECT COUNT(*) FROM approval_message WHERE passport_id = ? AND direction = 'in'",
                            passport.id()))
                    .isEqualTo(1);
            String decided = "about passport " + passport.id() + ": approved";
            assertThat(output.getAll().lines().filter(line -> line.contains(decided)))
                    .singleElement()
                    .asString()
                    .contains("agency=city-health unload=" + passport.unloadId() + " passport=" + passport.id());
        } finally {
            imap.stopService();
            mail.stop();
            mail = startMail();
        }
    }

    /** Returns the passport of an unload whose approval e-mail went out, or null while there is none. */
    private PassportRecord sentPassport(String fileName) {
        UnloadRecord unload = unloadNamed(fileName);
        if (unload == null) {
            return null;
        }
        return passports.findByUnload(unload.id()).stream()
                .filter(p -> PassportRecord.SENT.equals(p.status()))
                .filter(p ->
                        single("SELECT COUNT(*) FROM mail_outbox WHERE passport_id = ? AND sent_at IS NOT NULL", p.id())
                                > 0)
                .findFirst()
                .orElse(null);
    }

    /** Sends the agency contact's approving reply to the hub's mailbox over SMTP. */
    private static void approve(String requestMessageId) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(SMTP_PORT));
        MimeMessage reply = new MimeMessage(Session.getInstance(properties));
        reply.setFrom(new InternetAddress(HEALTH_CONTACT));
        reply.setRecipients(Message.RecipientType.TO, HUB_ADDRESS);
        reply.setSubject("RE: паспорт набора данных", "UTF-8");
        reply.setHeader("In-Reply-To", requestMessageId);
        reply.setHeader("References", requestMessageId);
        reply.setText("Согласовано.", "UTF-8");
        Transport.send(reply);
    }

    @Test
    void officialRequestDuringOutageIsSentOnce() throws Exception {
        awaitComponent("smtp", Status.UP);
        mail.stop();
        awaitComponent("smtp", Status.DOWN);
        Campaign campaign = campaigns.create(
                new NewCampaign("7-OUTAGE", LocalDate.of(2026, 11, 2), "04-2/77", null, List.of("city-health")));

        List<DispatchResult> results = dispatch.dispatch(campaign.id());

        assertThat(results).extracting(DispatchResult::status).containsExactly(DispatchResult.SENT);
        String messageId = results.get(0).messageId();
        await().atMost(PATIENCE)
                .until(() -> single(
                                "SELECT COUNT(*) FROM mail_outbox WHERE message_id = ? AND attempts >= 1"
                                        + " AND last_error IS NOT NULL",
                                messageId)
                        == 1);

        mail = startMail();
        awaitComponent("smtp", Status.UP);
        await().atMost(PATIENCE).until(() -> messagesTo(HEALTH_CONTACT).contains(messageId));
        await().during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'survey-request'")
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(dispatch.dispatch(campaign.id()))
                .extracting(DispatchResult::status)
                .containsExactly(DispatchResult.SENT_BEFORE);
        assertThat(single("SELECT COUNT(*) FROM mail_outbox WHERE message_id = ? AND sent_at IS NOT NULL", messageId))
                .isEqualTo(1);
        assertThat(messagesTo(HEALTH_CONTACT).stream().filter(id -> id.contains(".request@")))
                .containsExactly(messageId);
    }

    /** Attempts of the passport's queued approval e-mail that ended with an error. */
    private long failedAttempts(long passportId) {
        return single(
                "SELECT COUNT(*) FROM mail_outbox WHERE passport_id = ? AND attempts >= 1 AND last_error IS NOT NULL",
                passportId);
    }

    private long single(String sql, Object parameter) {
        return jdbc.sql(sql).param(parameter).query(Long.class).single();
    }

    @Test
    void logsCarryNoRestrictedValues(CapturedOutput output) throws Exception {
        List<String> restricted = new ArrayList<>();
        restricted.addAll(column("hospices.csv", 4));
        restricted.addAll(column("hospices.csv", 5));
        restricted.addAll(column("magistrate-courts.csv", 5));
        restricted.addAll(column("magistrate-courts.csv", 6));
        restricted.addAll(column("magistrate-courts.csv", 8));
        assertThat(restricted).hasSizeGreaterThan(20);

        drop("city-health", "magistrate-courts.csv");
        await().atMost(PATIENCE)
                .until(() -> unloadNamed("magistrate-courts.csv") != null
                        && UnloadRecord.ANALYSED.equals(
                                unloadNamed("magistrate-courts.csv").status())
                        && passports
                                .findByUnload(
                                        unloadNamed("magistrate-courts.csv").id())
                                .stream()
                                .anyMatch(p -> PassportRecord.SENT.equals(p.status())));

        String logs = output.getAll();
        assertThat(logs).contains("magistrate-courts.csv");
        for (String value : restricted) {
            assertThat(logs)
                    .as("logs contain a restricted value of the samples")
                    .doesNotContain(value);
        }
        assertThat(logs).as("logs contain the mail password").doesNotContain(MAIL_PASSWORD);
        assertThat(logs).as("logs contain the reply token key").doesNotContain(REPLY_TOKEN_KEY);
    }

    @Test
    void intakeLinesNameAgencyUnloadAndPassport(CapturedOutput output) throws Exception {
        drop("stat-bureau", "population-by-region.csv");

        await().atMost(PATIENCE)
                .until(() -> unloadNamed("population-by-region.csv") != null
                        && !passports
                                .findByUnload(
                                        unloadNamed("population-by-region.csv").id())
                                .isEmpty());
        long unloadId = unloadNamed("population-by-region.csv").id();
        long passportId = passports.findByUnload(unloadId).get(0).id();
        await().atMost(PATIENCE)
                .until(() -> output.getAll().contains("Passport " + passportId + " queued for approval"));

        String analysed = lineContaining(output, "Unload " + unloadId + " analysed");
        assertThat(analysed).contains("agency=stat-bureau unload=" + unloadId + " ");
        String queued = lineContaining(output, "Passport " + passportId + " queued for approval");
        assertThat(queued).contains("agency=stat-bureau unload=" + unloadId + " passport=" + passportId + " ");
    }

    private static String lineContaining(CapturedOutput output, String text) {
        return output.getAll()
                .lines()
                .filter(line -> line.contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no log line contains '" + text + "'"));
    }

    private void awaitComponent(String component, Status expected) {
        await().atMost(PATIENCE)
                .until(() -> expected.equals(health.healthForPath(component).getStatus()));
    }

    /**
     * Message-IDs of the messages addressed to one contact. GreenMail keeps a copy per recipient,
     * so one message to two contacts is counted once.
     */
    private Set<String> messagesTo(String address) throws Exception {
        Set<String> found = new HashSet<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address))) {
                found.add(message.getMessageID());
            }
        }
        return found;
    }

    private UnloadRecord unloadNamed(String fileName) {
        return unloads.latest(50).stream()
                .filter(u -> u.fileName().equals(fileName))
                .findFirst()
                .orElse(null);
    }

    /** Distinct non-blank values of one tab-separated column of a sample, header row skipped. */
    private static List<String> column(String sample, int index) throws IOException {
        return Files.readAllLines(SAMPLES.resolve(sample), StandardCharsets.UTF_8).stream()
                .skip(1)
                .map(line -> line.split("\t", -1))
                .filter(cells -> cells.length > index)
                .map(cells -> cells[index].trim())
                .filter(value -> value.length() > 3)
                .distinct()
                .toList();
    }

    private static void drop(String agencyFolder, String sample) throws IOException {
        Path folder = Files.createDirectories(DATA.resolve("drop").resolve(agencyFolder));
        Path partial = folder.resolve(sample + ".part");
        Files.copy(SAMPLES.resolve(sample), partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, folder.resolve(sample), StandardCopyOption.ATOMIC_MOVE);
    }

    private static GreenMail startMail() {
        GreenMail server = new GreenMail(new ServerSetup[] {
            new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"), new ServerSetup(IMAP_PORT, "127.0.0.1", "imap")
        });
        server.setUser(HUB_ADDRESS, HUB_ADDRESS, MAIL_PASSWORD);
        server.start();
        return server;
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
