package kz.opendata.hub.approval;

import static org.awaitility.Awaitility.await;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import kz.opendata.hub.HubApplication;
import kz.opendata.hub.intake.AnalysisStage;
import kz.opendata.hub.intake.DraftingStage;
import kz.opendata.hub.mail.EmbeddedMailServer;
import kz.opendata.hub.store.ApprovalMessageRepository;
import kz.opendata.hub.store.ApprovalMessageRepository.Entry;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.UnloadRepository;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Starts the whole hub once for the approval and commission tests. It runs the real routes, the
 * embedded GreenMail SMTP and IMAP server on free loopback ports, and an H2 database under
 * target/approval-it. A test clock replaces the hub's clock, and the mailbox and the outbox run
 * every second. Tests share the context, so each works on passports of its own.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(HubMailTest.TestBeans.class)
public abstract class HubMailTest {

    public static final Duration PATIENCE = Duration.ofSeconds(60);
    public static final String HUB = "hub@opendata-hub.example.kz";
    public static final String HEALTH = "city-health";
    public static final String HEALTH_CONTACT = "opendata@city-health.example.kz";
    public static final String HEALTH_DEPUTY = "deputy@city-health.example.kz";
    public static final String STAT = "stat-bureau";
    public static final String STAT_CONTACT = "opendata@stat-bureau.example.kz";
    public static final String AUTHORIZED_BODY = "commission@ministry.example.kz";
    public static final String ACCESS_BODY = "access@information.example.kz";
    public static final Path CORPUS =
            Path.of("src", "test", "resources", "corpus").toAbsolutePath();

    static final Path DATA = Path.of("target", "approval-it", "data").toAbsolutePath();
    static final int SMTP_PORT = freePort();
    static final int IMAP_PORT = freePort();
    /** A Quartz cron that does not fire while the tests run. */
    static final String NEVER = "0 0 0 1 1 ? 2099";

    static {
        deleteTree(DATA);
    }

    @Autowired
    protected EmbeddedMailServer mailServer;

    @Autowired
    protected PassportRepository passports;

    @Autowired
    protected ApprovalMessageRepository messages;

    @Autowired
    protected AuditLog audit;

    @Autowired
    protected MutableClock clock;

    @Autowired
    TestRestTemplate anonymous;

    /** Calls the hub's REST API as the test analyst. */
    protected TestRestTemplate rest;

    @Autowired
    UnloadRepository unloads;

    @Autowired
    AnalysisStage analysis;

    @Autowired
    DraftingStage drafting;

    @Autowired
    ProducerTemplate producer;

    /** The test analyst's password; its bcrypt hash is given to the hub below. */
    static final String ANALYST_PASSWORD = "approval-tests-only";

    @BeforeEach
    void signIn() {
        rest = anonymous.withBasicAuth("approval-test", ANALYST_PASSWORD);
    }

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        // An analyst account for a hub whose API needs a login; a hub without one ignores it.
        registry.add("hub.security.users[0].username", () -> "approval-test");
        registry.add(
                "hub.security.users[0].password-hash",
                () -> "$2a$10$KodYkBS7zJZdCeSYRSxNGOBhN0t.1IEcJdZjXltDI7eQozMAw/lgK");
        registry.add("hub.security.users[0].roles", () -> "ANALYST");
        registry.add("camel.main.name", () -> "opendata-hub-approval-test");
        registry.add("hub.data-dir", DATA::toString);
        registry.add("hub.mail.smtp.port", () -> SMTP_PORT);
        registry.add("hub.mail.imap.port", () -> IMAP_PORT);
        registry.add("hub.approval.inbox-schedule", () -> "0/1 * * * * ?");
        registry.add("hub.approval.outbox-schedule", () -> "0/1 * * * * ?");
        registry.add("hub.approval.pending-schedule", () -> NEVER);
        registry.add("hub.approval.reminder-schedule", () -> NEVER);
        registry.add("hub.approval.reminder-after-days", () -> 5);
        registry.add("hub.approval.max-reminders", () -> 2);
        registry.add("hub.publication.schedule", () -> NEVER);
        registry.add("hub.intake.poll-delay-ms", () -> 60000);
        registry.add("hub.commission.authorized-body-emails", () -> AUTHORIZED_BODY);
        registry.add("hub.commission.access-body-emails", () -> ACCESS_BODY);
    }

    /** Beans the tests replace or add. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class TestBeans {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(ZoneId.of("Asia/Almaty"));
        }

        @Bean
        @Order(0)
        FailingHandler failingHandler() {
            return new FailingHandler();
        }
    }

    /**
     * Fails on messages whose subject carries {@link #mark} while it is set, the way a database
     * outage would, so tests can watch what happens to a message whose handling fails.
     */
    public static final class FailingHandler implements InboxHandler {

        volatile String mark;
        final AtomicInteger failures = new AtomicInteger();

        @Override
        public Optional<String> handle(InboundMail mail) {
            String current = mark;
            if (current != null && mail.reply().subject().contains(current)) {
                failures.incrementAndGet();
                throw new IllegalStateException("test failure for a message marked " + current);
            }
            return Optional.empty();
        }
    }

    /** A passport sent for approval and the request e-mail the agency received. */
    public record Sent(PassportRecord passport, MimeMessage request) {

        public String requestId() {
            try {
                return request.getMessageID();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        public String token() {
            return passport.replyToken();
        }
    }

    /**
     * Analyses a corpus file as a new unload of the agency, drafts its passport and sends it for
     * approval through the route approval-out.
     *
     * @param label makes the unload distinct, because the same file serves several tests
     */
    protected Sent sendForApproval(String agency, String corpusFile, String label) throws Exception {
        PassportRecord draft = draft(agency, corpusFile, label);
        producer.sendBodyAndHeader("direct:approval-out", null, ApprovalWorkflow.PASSPORT_ID, draft.id());
        PassportRecord sent = passports.find(draft.id()).orElseThrow();
        String requestId = "<odh." + sent.replyToken() + "@opendata-hub.example.kz>";
        return new Sent(sent, awaitMessage(requestId));
    }

    /** Sends a draft whose sending an analyst requested through the route approval-out. */
    protected void sendDraft(long passportId) {
        producer.sendBodyAndHeader("direct:approval-out", null, ApprovalWorkflow.PASSPORT_ID, passportId);
    }

    /** Analyses a corpus file as a new unload of the agency and drafts its passport. */
    protected PassportRecord draft(String agency, String corpusFile, String label) throws Exception {
        Path file = CORPUS.resolve(corpusFile);
        String sha = HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest((label + "|" + corpusFile).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        long unload =
                unloads.insertReceived(agency, file.getFileName().toString(), sha, Files.size(file), file.toString());
        analysis.analyseFile(unload, file);
        Long id = drafting.draftFile(unload, file);
        return passports.find(id).orElseThrow();
    }

    /** Sends raw message bytes to the hub's mailbox over SMTP, exactly as given. */
    protected void deliver(byte[] raw) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(SMTP_PORT));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, new Address[] {new InternetAddress(HUB)});
        }
    }

    /** Waits for a message with this Message-ID in any mailbox of the mail server. */
    protected MimeMessage awaitMessage(String messageId) {
        List<MimeMessage> found = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            found.clear();
            for (MimeMessage message : mailServer.greenMail().getReceivedMessages()) {
                if (messageId.equals(message.getMessageID())) {
                    found.add(message);
                }
            }
            return !found.isEmpty();
        });
        return found.get(0);
    }

    /** Messages the mail server received for one address, oldest first. */
    protected List<MimeMessage> messagesTo(String address) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : mailServer.greenMail().getReceivedMessages()) {
            Address[] recipients = message.getAllRecipients();
            if (recipients != null
                    && Arrays.stream(recipients)
                            .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address))) {
                found.add(message);
            }
        }
        return found;
    }

    /** Waits until the hub recorded the received message with this Message-ID, and returns it. */
    protected Entry awaitReceived(String messageId) {
        await().atMost(PATIENCE).until(() -> received(messageId).isPresent());
        return received(messageId).orElseThrow();
    }

    protected Optional<Entry> received(String messageId) {
        return messages.findReceived(messageId);
    }

    protected PassportRecord awaitStatus(long passportId, String status) {
        await().atMost(PATIENCE)
                .until(() ->
                        status.equals(passports.find(passportId).orElseThrow().status()));
        return passports.find(passportId).orElseThrow();
    }

    /**
     * State of one message in a folder of the hub's mailbox, found by Message-ID over IMAP.
     *
     * @param present false when the folder does not hold the message
     */
    protected record FolderState(boolean present, boolean seen) {}

    protected FolderState inFolder(String folderName, String messageId) throws MessagingException {
        List<FolderState> copies = copies(folderName, messageId);
        return copies.isEmpty() ? new FolderState(false, false) : copies.get(0);
    }

    /** Counts the messages with this Message-ID in a folder of the hub's mailbox. */
    protected int countInFolder(String folderName, String messageId) throws MessagingException {
        return copies(folderName, messageId).size();
    }

    private List<FolderState> copies(String folderName, String messageId) throws MessagingException {
        Properties properties = new Properties();
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", IMAP_PORT, HUB, "any");
            Folder folder = store.getFolder(folderName);
            List<FolderState> copies = new ArrayList<>();
            if (!folder.exists()) {
                return copies;
            }
            folder.open(Folder.READ_ONLY);
            try {
                for (Message message : folder.getMessages()) {
                    String[] ids = message.getHeader("Message-ID");
                    if (ids != null && messageId.equals(ids[0].strip())) {
                        copies.add(new FolderState(true, message.getFlags().contains(Flags.Flag.SEEN)));
                    }
                }
                return copies;
            } finally {
                folder.close(false);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
