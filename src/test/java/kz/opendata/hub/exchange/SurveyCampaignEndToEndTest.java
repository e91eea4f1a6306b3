package kz.opendata.hub.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kz.opendata.hub.HubApplication;
import kz.opendata.hub.campaign.CampaignAgency;
import kz.opendata.hub.campaign.CampaignRepository;
import kz.opendata.hub.campaign.TestFolders;
import kz.opendata.hub.deadline.MovableClock;
import kz.opendata.hub.deadline.MovableClockConfiguration;
import kz.opendata.hub.mail.EmbeddedMailServer;
import kz.opendata.hub.sftp.SftpTestServer;
import kz.opendata.hub.sftp.TestSecretsConfiguration;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.AuditLog.AuditEvent;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.UnloadRecord;
import kz.opendata.hub.store.UnloadRepository;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A survey campaign for the two agencies of config/agencies.yml, run against real servers: the
 * embedded GreenMail for both the hub's and the agencies' mail, and an Apache MINA SSHD server
 * for the statistics bureau. Requests go out with their PDF, DOCX and XLSX files, an inventory
 * form comes back by e-mail, a changed one gets a reply listing its problems, an unload arrives over
 * SFTP, and the health department, which delivers nothing, is reminded and escalated as the
 * clock moves forward.
 */
// The demo profile gives the analyst account the API calls sign in with.
@ActiveProfiles("demo")
@DirtiesContext
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({MovableClockConfiguration.class, TestSecretsConfiguration.class})
class SurveyCampaignEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path DATA = TestFolders.fresh("survey-campaign");
    private static final int SMTP_PORT = TestFolders.freePort();
    private static final int IMAP_PORT = TestFolders.freePort();
    private static final String PASSWORD = "test-only-sftp-password";
    private static final String STAT_CONTACT = "it@stat-bureau.example.kz";
    private static final String HEALTH_CONTACT = "opendata@city-health.example.kz";
    private static final String HEALTH_DEPUTY = "deputy@city-health.example.kz";
    private static final String INVENTORY_MAILBOX = "inventory@opendata-hub.example.kz";
    private static final String AUTHORITY = "open-data@authority.example.kz";
    private static final SftpTestServer SFTP;
    private static final JsonNode REGISTRY;

    static {
        try {
            SFTP = SftpTestServer.start(DATA.resolve("sftp"), SftpTestServer.Options.modern("stat", PASSWORD));
            Files.createDirectories(SFTP.root().resolve("incoming/stat-bureau"));
            Files.createDirectories(SFTP.root().resolve("outbox/stat-bureau"));
            Path knownHosts = Files.writeString(DATA.resolve("known_hosts"), SFTP.knownHostsLine());
            String registry = Files.readString(Path.of("config/agencies.yml"));
            String sftp = "    sftp:\n      host: 127.0.0.1\n      port: " + SFTP.port() + "\n      username: stat\n"
                    + "      directory: incoming/stat-bureau\n      outboxDirectory: outbox/stat-bureau\n"
                    + "      passwordEnv: STAT_BUREAU_SFTP_PASSWORD\n      knownHostsFile: " + knownHosts + "\n";
            Files.writeString(
                    DATA.resolve("agencies.yml"),
                    registry.replace("    dropFolder: stat-bureau\n", "    dropFolder: stat-bureau\n" + sftp));
            TestSecretsConfiguration.ENVIRONMENT.put("STAT_BUREAU_SFTP_PASSWORD", PASSWORD);
            REGISTRY = new ObjectMapper(new YAMLFactory())
                    .readTree(Path.of("config/agencies.yml").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", DATA::toString);
        // Quartz schedulers are named after the Camel context and shared within the JVM; a name of
        // its own keeps this context's triggers apart from other test contexts' ones.
        registry.add("camel.main.name", () -> "hub-survey-campaign");
        registry.add("hub.agencies-file", () -> DATA.resolve("agencies.yml").toString());
        registry.add("hub.mail.smtp.port", () -> SMTP_PORT);
        registry.add("hub.mail.imap.port", () -> IMAP_PORT);
        registry.add("hub.intake.poll-delay-ms", () -> 200);
        registry.add("hub.intake.stable-for-ms", () -> 300);
        registry.add("hub.sftp.cron", () -> "0/1 * * * * ?");
        registry.add("hub.sftp.stable-for-ms", () -> 200);
        registry.add("hub.sftp.stable-timeout-ms", () -> 5000);
        registry.add("hub.exchange.inventory-mail.poll-delay-ms", () -> 300);
        registry.add("hub.deadlines.schedule", () -> "0/1 * * * * ?");
        registry.add("hub.approval.outbox-schedule", () -> "0/1 * * * * ?");
        registry.add("hub.deadlines.escalation-recipients", () -> AUTHORITY);
    }

    @AfterAll
    static void stopServer() {
        SFTP.close();
    }

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void signInAsAnalyst() {
        http = http.withBasicAuth("analyst", "analyst-demo");
    }

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    CampaignRepository campaigns;

    @Autowired
    UnloadRepository unloads;

    @Autowired
    PassportRepository passports;

    @Autowired
    AuditLog audit;

    @Autowired
    MovableClock clock;

    @Test
    void campaignRunsFromRequestsToEscalation() throws Exception {
        MailboxReader mail = new MailboxReader(mailServer.greenMail());
        long id = createCampaign();
        assertThat(stages(id)).isEqualTo(Map.of("stat-bureau", "created", "city-health", "created"));

        JsonNode results = http.postForObject("/api/campaigns/" + id + "/dispatch", null, JsonNode.class);

        assertThat(results.findValuesAsText("status")).containsExactly("sent", "sent");
        MimeMessage statRequest = awaitMessages(mail, STAT_CONTACT, 1).get(0);
        MimeMessage healthRequest = awaitMessages(mail, HEALTH_CONTACT, 1).get(0);
        assertThat(awaitMessages(mail, HEALTH_DEPUTY, 1)).hasSize(1);
        String statLetter = id + "-01";
        String healthLetter = id + "-02";
        checkStatBureauRequest(statRequest, statLetter);
        checkHealthRequest(healthRequest, healthLetter);
        assertThat(stages(id)).isEqualTo(Map.of("stat-bureau", "request-sent", "city-health", "request-sent"));
        CampaignAgency statSurveyed = campaigns.agency(id, "stat-bureau").orElseThrow();
        assertThat(statSurveyed.requestMessageId()).isEqualTo(statRequest.getMessageID());
        // Recorded when queued, then once more when the mail server accepted the queued letter.
        List<AuditEvent> statEvents = await().atMost(PATIENCE)
                .until(() -> audit.forSubject("campaign-agency", id + "/stat-bureau"), events -> events.size() >= 2);
        assertThat(statEvents).extracting(AuditEvent::action).containsExactly("request-sent", "request-mail-sent");
        assertThat(statEvents.get(0).evidence()).contains("messageId=" + statRequest.getMessageID());
        assertThat(statEvents.get(1).evidence()).contains("messageId=" + statRequest.getMessageID());
        assertThat(statEvents.get(0).evidence())
                .contains("request-" + statLetter + ".pdf:sha256=" + sha256(attachment(statRequest, ".pdf")));

        returnInventoryForms(mail, id, statRequest, healthRequest);
        deliverUnloadAndFollowItThroughTheStages(id);
        remindAndEscalateHealthDepartment(mail, id, healthLetter);
    }

    private long createCampaign() {
        Map<String, Object> request = Map.of(
                "decisionNumber", "12-E2E",
                "decisionDate", "2025-03-14",
                "authorityReference", "04-2/1187",
                "agencies", List.of("stat-bureau", "city-health"));
        return http.postForObject("/api/campaigns", request, JsonNode.class)
                .path("campaign")
                .path("id")
                .asLong();
    }

    private void checkStatBureauRequest(MimeMessage request, String letterNumber) throws Exception {
        String kazakhName =
                REGISTRY.path("agencies").get(0).path("names").path("kk").asText();
        assertThat(MailboxReader.subject(request))
                .isEqualTo("№ " + letterNumber + " ресми сұрау: ақпараттық жүйелерден түсірілімдер");
        String[] text = MailboxReader.textPart(request);
        assertThat(text[0].toLowerCase()).contains("text/plain").contains("charset=utf-8");
        assertThat(text[1]).contains("№ " + letterNumber + " ресми сұрауды");
        assertThat(request.getHeader("Reply-To", null)).isEqualTo(INVENTORY_MAILBOX);
        Map<String, byte[]> files = MailboxReader.attachments(request);
        assertThat(files.keySet())
                .containsExactly(
                        "request-" + letterNumber + ".pdf",
                        "request-" + letterNumber + ".docx",
                        "inventory-" + letterNumber + ".xlsx");
        String pdf = RequestLetterRenderingTest.pdfText(files.get("request-" + letterNumber + ".pdf"));
        assertThat(pdf).contains(kazakhName);
        assertThat(pdf).contains("Ақпараттық жүйелердің тізбесі");
        assertThat(pdf).contains("Ақпараттық жүйелер туралы мәліметтер");
        assertThat(pdf).contains("incoming/stat-bureau");
        for (String letter : List.of("ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "і")) {
            assertThat(pdf).contains(letter);
        }
        for (String name : files.keySet()) {
            Path onServer = SFTP.root().resolve("outbox/stat-bureau").resolve(name);
            assertThat(onServer).exists();
            assertThat(sha256(Files.readAllBytes(onServer))).isEqualTo(sha256(files.get(name)));
        }
    }

    private void checkHealthRequest(MimeMessage request, String letterNumber) throws Exception {
        String russianName =
                REGISTRY.path("agencies").get(1).path("names").path("ru").asText();
        assertThat(MailboxReader.subject(request))
                .isEqualTo("Официальный запрос № " + letterNumber + ": выгрузки из информационных систем");
        assertThat(request.getRecipients(Message.RecipientType.TO)).hasSize(2);
        byte[] docx = MailboxReader.attachments(request).get("request-" + letterNumber + ".docx");
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            assertThat(extractor.getText()).contains(russianName);
            assertThat(extractor.getText()).contains("Перечень информационных систем");
            assertThat(extractor.getText()).contains("Сведения об информационных системах");
        }
        Path outbox = DATA.resolve("outbox/city-health/request-" + letterNumber + ".pdf");
        assertThat(outbox).exists();
        assertThat(sha256(Files.readAllBytes(outbox)))
                .isEqualTo(sha256(MailboxReader.attachments(request).get("request-" + letterNumber + ".pdf")));
    }

    private void returnInventoryForms(MailboxReader mail, long id, MimeMessage statRequest, MimeMessage healthRequest)
            throws Exception {
        byte[] statForm = attachment(statRequest, ".xlsx");
        byte[] filled = InventoryFormTest.edit(statForm, workbook -> {
            InventoryFormTest.row(workbook.getSheet("Ақпараттық жүйелер"), 3, "1", "Халық санағы", "2021 жылғы санақ");
            InventoryFormTest.row(
                    workbook.getSheet("Деректер өрістері"), 3, "1", "Халық санағы", "Өңір коды", "kato", "ӘАОЖ", "жол");
        });
        sendForm(STAT_CONTACT, "inventory-filled.xlsx", filled);

        await().atMost(PATIENCE).until(() -> stages(id).get("stat-bureau").equals("inventory-received"));
        JsonNode systems = http.getForObject("/api/agencies/stat-bureau/systems", JsonNode.class);
        assertThat(systems.findValuesAsText("name")).contains("Халық санағы", "Өңір коды");
        assertThat(systems.findValuesAsText("field")).containsExactly("kato");

        byte[] healthForm = attachment(healthRequest, ".xlsx");
        byte[] changed = InventoryFormTest.edit(
                healthForm,
                workbook ->
                        workbook.getSheet("Поля данных").getRow(2).getCell(3).setCellValue("Имя поля"));
        sendForm(HEALTH_CONTACT, "inventory-changed.xlsx", changed);

        MimeMessage answer = awaitMessages(mail, HEALTH_CONTACT, 2).get(1);
        assertThat(MailboxReader.subject(answer)).isEqualTo("Форма inventory-changed.xlsx не принята");
        assertThat(answer.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(answer.getHeader("In-Reply-To", null)).isNotBlank();
        assertThat(MailboxReader.textPart(answer)[1])
                .contains("sheet 'Поля данных', row 3, column D: heading 'Поле' expected, found 'Имя поля'");
        assertThat(stages(id).get("city-health")).isEqualTo("request-sent");
    }

    private void deliverUnloadAndFollowItThroughTheStages(long id) throws Exception {
        byte[] csv = "kato;region;population\n710000000;Астана;1350228\n750000000;Алматы;2228675\n"
                .getBytes(StandardCharsets.UTF_8);
        String sha256 = sha256(csv);
        Path incoming = SFTP.root().resolve("incoming/stat-bureau");
        Files.move(
                Files.write(incoming.resolve("population.csv.part"), csv),
                incoming.resolve("population.csv"),
                StandardCopyOption.ATOMIC_MOVE);

        // Intake, analysis and drafting are the hub's own, so the unload moves on by itself.
        UnloadRecord unload = await().atMost(PATIENCE)
                .until(
                        () -> unloads.findByHash("stat-bureau", sha256),
                        u -> u.isPresent()
                                && UnloadRecord.ANALYSED.equals(u.get().status()))
                .orElseThrow();
        await().atMost(PATIENCE)
                .until(() -> !passports.findByUnload(unload.id()).isEmpty());
        await().atMost(PATIENCE).until(() -> !Files.exists(incoming.resolve("population.csv")));
        JsonNode sftpStatus = http.getForObject("/api/sftp/status", JsonNode.class);
        assertThat(sftpStatus.findValuesAsText("agencyCode")).containsExactly("stat-bureau");
        assertThat(sftpStatus.findValuesAsText("state")).containsExactly("ok");
        JsonNode transfers = http.getForObject("/api/sftp/transfers/stat-bureau", JsonNode.class);
        assertThat(transfers.findValuesAsText("sha256")).containsExactly(sha256);
        assertThat(transfers.findValuesAsText("handoverPath")).containsExactly("drop/stat-bureau/population.csv");

        // The approval loop has tests of its own; here the agency's decision is recorded the way
        // that loop records it, once the draft went out.
        long passport = passports.findByUnload(unload.id()).get(0).id();
        await().atMost(PATIENCE)
                .until(() -> PassportRecord.SENT.equals(
                        passports.find(passport).orElseThrow().status()));
        assertThat(stages(id).get("stat-bureau")).isEqualTo("passports-drafted");
        assertThat(passports.transition(passport, PassportRecord.SENT, PassportRecord.APPROVED))
                .isTrue();
        assertThat(stages(id).get("stat-bureau")).isIn("approved", "published");
        // The publication run may publish the approved set before this line does.
        passports.transition(passport, PassportRecord.APPROVED, PassportRecord.PUBLISHED);
        assertThat(stages(id).get("stat-bureau")).isEqualTo("published");

        LocalDate firstUnloadOn =
                unload.receivedAt().atZoneSameInstant(ZoneId.of("Asia/Almaty")).toLocalDate();
        await().atMost(PATIENCE)
                .until(() -> audit.forSubject("campaign-agency", id + "/stat-bureau").stream()
                        .anyMatch(e -> e.action().equals("analysis-deadline-set")
                                && e.evidence().contains("dueOn=" + firstUnloadOn.plusMonths(2))));
        JsonNode deadline = deadlineOf("stat-bureau");
        assertThat(deadline.path("analysisDueOn").asText())
                .isEqualTo(firstUnloadOn.plusMonths(2).toString());
        assertThat(deadline.path("analysisComplete").asBoolean()).isTrue();
    }

    private void remindAndEscalateHealthDepartment(MailboxReader mail, long id, String healthLetter) throws Exception {
        clock.advance(Duration.ofDays(11));

        MimeMessage reminder = awaitMessages(mail, HEALTH_CONTACT, 3).get(2);
        assertThat(MailboxReader.subject(reminder)).startsWith("Напоминание: официальный запрос № " + healthLetter);
        await().atMost(PATIENCE)
                .until(() -> campaigns.agency(id, "city-health").orElseThrow().reminderCount() == 1);
        assertThat(mail.inbox(STAT_CONTACT)).hasSize(1);
        assertThat(audit.forSubject("campaign-agency", id + "/city-health"))
                .extracting(AuditEvent::action)
                .contains("request-sent", "reminder-sent");
        assertThat(http.getForObject("/api/deadlines/escalations", JsonNode.class))
                .isEmpty();

        clock.advance(Duration.ofDays(20));

        MimeMessage escalation = awaitMessages(mail, AUTHORITY, 1).get(0);
        assertThat(MailboxReader.textPart(escalation)[1]).contains("запрос № " + healthLetter);
        JsonNode escalations = http.getForObject("/api/deadlines/escalations", JsonNode.class);
        assertThat(escalations).hasSize(1);
        assertThat(escalations.get(0).path("agencyCode").asText()).isEqualTo("city-health");
        assertThat(escalations.get(0).path("kind").asText()).isEqualTo("no-delivery");
        assertThat(escalations.get(0).path("days").asLong()).isEqualTo(1);
        await().atMost(PATIENCE)
                .until(() -> campaigns.agency(id, "city-health").orElseThrow().reminderCount() == 2);
        assertThat(stages(id).get("city-health")).isEqualTo("request-sent");
    }

    private JsonNode deadlineOf(String agencyCode) {
        for (JsonNode deadline : http.getForObject("/api/deadlines", JsonNode.class)) {
            if (deadline.path("agencyCode").asText().equals(agencyCode)) {
                return deadline;
            }
        }
        throw new AssertionError("no deadline for " + agencyCode);
    }

    private Map<String, String> stages(long id) {
        JsonNode agencies =
                http.getForObject("/api/campaigns/" + id, JsonNode.class).path("agencies");
        Map<String, String> stages = new java.util.HashMap<>();
        agencies.forEach(
                a -> stages.put(a.path("agencyCode").asText(), a.path("stage").asText()));
        return stages;
    }

    private static List<MimeMessage> awaitMessages(MailboxReader mail, String address, int count) {
        return await().atMost(PATIENCE).until(() -> mail.inbox(address), messages -> messages.size() >= count);
    }

    private static byte[] attachment(MimeMessage message, String extension) throws Exception {
        return MailboxReader.attachments(message).entrySet().stream()
                .filter(e -> e.getKey().endsWith(extension))
                .findFirst()
                .orElseThrow()
                .getValue();
    }

    private static void sendForm(String from, String fileName, byte[] form) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(SMTP_PORT));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, INVENTORY_MAILBOX);
        message.setSubject("Re: 1-қосымша", "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Нысан қоса беріліп отыр.", "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(form, RequestLetterService.XLSX)));
        attachment.setFileName(fileName);
        message.setContent(new MimeMultipart(text, attachment));
        Transport.send(message);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
