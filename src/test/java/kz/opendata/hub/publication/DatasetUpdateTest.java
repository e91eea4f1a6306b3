package kz.opendata.hub.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kz.opendata.hub.HubApplication;
import kz.opendata.hub.mail.EmbeddedMailServer;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.AuditLog.AuditEvent;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.PublicationRepository;
import kz.opendata.hub.store.PublicationRepository.Attempt;
import kz.opendata.hub.store.UnloadRecord;
import kz.opendata.hub.store.UnloadRepository;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Later unloads of published sets, dropped into the agency's folder and taken by the intake
 * route. The same structure is published under the approved passport when the set is due, a
 * changed structure is held and the agency notified, and a set without a later unload turns
 * overdue. The agency stat-bureau writes in Kazakh; its sets here are monthly because their first
 * column is the month.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PublicationTestConfiguration.class)
class DatasetUpdateTest {

    private static final Path DATA = HubTestProperties.freshDataFolder("dataset-update");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String AGENCY = "stat-bureau";
    private static final String CONTACT = "opendata@stat-bureau.example.kz";
    private static final String HEADER = "Месяц;Район;Число обращений\r\n";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestProperties.register(registry, DATA);
        registry.add("hub.approval.pending-schedule", () -> "0/1 * * * * ?");
        registry.add("hub.publication.overdue-grace", () -> "1d");
    }

    @Autowired
    PublicationJob job;

    @Autowired
    OverdueMonitor overdue;

    @Autowired
    DatasetUpdateRepository updates;

    @Autowired
    SwitchablePortal portal;

    @Autowired
    @Qualifier("portalAdapter")
    PortalAdapter folderPortal;

    @Autowired
    TestClock clock;

    @Autowired
    PassportRepository passports;

    @Autowired
    UnloadRepository unloads;

    @Autowired
    PublicationRepository publications;

    @Autowired
    AuditLog audit;

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void usesFolderPortal() {
        portal.use(folderPortal);
    }

    @Test
    void sameStructureIsPublishedWhenDue() throws Exception {
        Instant firstPublication = Instant.parse("2031-02-05T04:00:00Z");
        clock.set(firstPublication);
        PassportRecord approved = publishedMonthlySet("appeals.csv", month("2031-01", 120, 98, 75, 143));
        String approvedDocument = approved.passportJson();
        String february = month("2031-02", 101, 87, 90, 150);

        PassportRecord draft = dropAndAwaitPassport("appeals.csv", february);
        DatasetUpdate update = awaitUpdate(draft.unloadId());
        awaitDropFolderEmpty();

        assertThat(update.status()).isEqualTo(DatasetUpdate.SCHEDULED);
        assertThat(update.approvedPassportId()).isEqualTo(approved.id());
        assertThat(statusOf(draft.id())).isEqualTo(DatasetUpdates.PASSPORT_UPDATE);
        assertThat(approvalRequestsFor(draft.id())).isEmpty();

        // Monthly: due one calendar month after the last publication, 2031-03-05 09:00 in Almaty.
        Instant due = Instant.parse("2031-03-05T04:00:00Z");
        clock.set(firstPublication.plus(Duration.ofDays(20)));
        assertThat(publishDue(approved.datasetName())).isZero();
        clock.set(due.minusSeconds(1));
        assertThat(publishDue(approved.datasetName())).isZero();
        assertThat(publishedMonths(approved.datasetName())).containsOnly("2031-01");

        clock.set(due);
        assertThat(publishDue(approved.datasetName())).isEqualTo(1);

        assertThat(publishedMonths(approved.datasetName())).hasSize(4).containsOnly("2031-02");
        Attempt published =
                publications.latestAttempt(approved.id(), draft.unloadId()).orElseThrow();
        assertThat(published.status()).isEqualTo("published");
        assertThat(published.updateId()).isEqualTo(update.id());
        assertThat(published.dataSha256())
                .isEqualTo(sha256(published(approved.datasetName()).resolve("data.csv")));
        PassportRecord afterwards = passports.find(approved.id()).orElseThrow();
        assertThat(afterwards.status()).isEqualTo(PassportRecord.PUBLISHED);
        assertThat(afterwards.passportJson()).isEqualTo(approvedDocument);
        assertThat(updates.find(update.id()).orElseThrow().status()).isEqualTo(DatasetUpdate.PUBLISHED);
        assertThat(events(approved.id())).contains("publication-update-scheduled", "publication-update-published");
    }

    @Test
    void changedStructureIsHeldAndAgencyNotified() throws Exception {
        clock.set(Instant.parse("2031-06-05T04:00:00Z"));
        PassportRecord approved = publishedMonthlySet("visits.csv", month("2031-05", 11, 12, 13, 14));
        String withComplaints = "Месяц;Район;Число обращений;Число жалоб\r\n"
                + "2031-06;Алмалинский;21;3\r\n"
                + "2031-06;Бостандыкский;22;0\r\n"
                + "2031-06;Медеуский;23;5\r\n"
                + "2031-06;Ауэзовский;24;1\r\n";

        PassportRecord draft = dropAndAwaitPassport("visits.csv", withComplaints);
        DatasetUpdate hold = awaitUpdate(draft.unloadId());

        assertThat(hold.status()).isEqualTo(DatasetUpdate.HELD);
        assertThat(statusOf(draft.id())).isEqualTo(DatasetUpdates.PASSPORT_HELD);
        AuditEvent held = audit.forSubject("passport", approved.id()).stream()
                .filter(event -> event.action().equals("publication-update-held"))
                .findFirst()
                .orElseThrow();
        assertThat(held.evidence()).contains("chislo_zhalob");
        JsonNode listed = holdListed(hold.id());
        assertThat(listed.path("changes").path("added").get(0).asText()).isEqualTo("chislo_zhalob");
        assertThat(listed.path("changes").path("added")).hasSize(1);
        assertThat(listed.path("changes").path("removed")).isEmpty();

        MimeMessage notice = awaitMessage(CONTACT, "құрылымы өзгерген", "visits.csv");
        String body = (String) notice.getContent();
        assertThat(notice.getSubject()).contains("жаңартуы жарияланбады");
        assertThat(body).contains("chislo_zhalob").contains("қосылды").contains("visits.csv");
        assertThat(notice.getContentLanguage()).containsExactly("kk");
        assertThat(notice.getMessageID()).startsWith("<odh.hold-" + hold.id() + ".");
        assertThat(notice.getMessageID()).endsWith("@opendata-hub.example.kz>");
        await().atMost(PATIENCE)
                .until(() -> updates.find(hold.id()).orElseThrow().noticeSentAt() != null);
        assertThat(updates.find(hold.id()).orElseThrow().noticeMessageId()).isEqualTo(notice.getMessageID());
        assertThat(approvalRequestsFor(draft.id())).isEmpty();
        clock.advance(Duration.ofDays(40));
        assertThat(publishDue(approved.datasetName())).isZero();
    }

    @Test
    void releasedHoldGoesToAgencyForApproval() throws Exception {
        clock.set(Instant.parse("2031-09-05T04:00:00Z"));
        PassportRecord approved = publishedMonthlySet("requests.csv", month("2031-08", 31, 32, 33, 34));
        String withoutDistrict = "Месяц;Число обращений\r\n2031-09;41\r\n2031-09;42\r\n2031-09;43\r\n";
        PassportRecord draft = dropAndAwaitPassport("requests.csv", withoutDistrict);
        DatasetUpdate hold = awaitUpdate(draft.unloadId());
        assertThat(hold.status()).isEqualTo(DatasetUpdate.HELD);

        ResponseEntity<String> released =
                analyst().postForEntity("/api/publication/holds/" + hold.id() + "/release", null, String.class);

        assertThat(released.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(released.getBody()).path("status").asText()).isEqualTo(DatasetUpdate.RELEASED);
        await().atMost(PATIENCE).until(() -> PassportRecord.SENT.equals(statusOf(draft.id())));
        // The passport is marked sent when its e-mail is queued; the outbox delivers it after.
        await().atMost(PATIENCE).until(() -> !approvalRequestsFor(draft.id()).isEmpty());
        assertThat(approvalRequestsFor(draft.id())).hasSize(1);
        assertThat(approved.id()).isNotEqualTo(draft.id());
        ResponseEntity<String> again =
                analyst().postForEntity("/api/publication/holds/" + hold.id() + "/release", null, String.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void laterScheduledUpdateSupersedesEarlier() throws Exception {
        Instant firstPublication = Instant.parse("2033-02-05T04:00:00Z");
        clock.set(firstPublication);
        PassportRecord approved = publishedMonthlySet("licences.csv", month("2033-01", 1, 2, 3, 4));
        DatasetUpdate february = awaitUpdate(dropAndAwaitPassport("licences.csv", month("2033-02", 5, 6, 7, 8))
                .unloadId());
        DatasetUpdate march = awaitUpdate(dropAndAwaitPassport("licences.csv", month("2033-03", 9, 10, 11, 12))
                .unloadId());

        clock.set(Instant.parse("2033-03-05T04:00:00Z"));
        assertThat(publishDue(approved.datasetName())).isEqualTo(1);

        assertThat(publishedMonths(approved.datasetName())).containsOnly("2033-03");
        assertThat(updates.find(march.id()).orElseThrow().status()).isEqualTo(DatasetUpdate.PUBLISHED);
        assertThat(updates.find(february.id()).orElseThrow().status()).isEqualTo(DatasetUpdate.SUPERSEDED);
        assertThat(statusOf(february.draftPassportId())).isEqualTo(DatasetUpdates.PASSPORT_SUPERSEDED);
        clock.set(Instant.parse("2033-04-05T04:00:00Z"));
        assertThat(publishDue(approved.datasetName())).isZero();
    }

    @Test
    void approvedNewStructureSupersedesOlderUpdate() throws Exception {
        clock.set(Instant.parse("2033-06-05T04:00:00Z"));
        PassportRecord approved = publishedMonthlySet("grants.csv", month("2033-05", 1, 2, 3, 4));
        DatasetUpdate june = awaitUpdate(
                dropAndAwaitPassport("grants.csv", month("2033-06", 5, 6, 7, 8)).unloadId());
        String withoutDistrict = "Месяц;Число обращений\r\n2033-07;41\r\n2033-07;42\r\n2033-07;43\r\n";
        PassportRecord newStructure = dropAndAwaitPassport("grants.csv", withoutDistrict);
        DatasetUpdate hold = awaitUpdate(newStructure.unloadId());
        analyst().postForEntity("/api/publication/holds/" + hold.id() + "/release", null, String.class);
        await().atMost(PATIENCE).until(() -> PassportRecord.SENT.equals(statusOf(newStructure.id())));

        passports.transition(newStructure.id(), PassportRecord.SENT, PassportRecord.APPROVED);
        assertThat(publishDue(approved.datasetName())).isEqualTo(1);

        List<String> lines =
                Files.readAllLines(published(approved.datasetName()).resolve("data.csv"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).split(",")).hasSize(2);
        assertThat(statusOf(newStructure.id())).isEqualTo(PassportRecord.PUBLISHED);
        assertThat(updates.find(june.id()).orElseThrow().status()).isEqualTo(DatasetUpdate.SUPERSEDED);
        clock.set(Instant.parse("2033-08-05T04:00:00Z"));
        assertThat(publishDue(approved.datasetName())).isZero();
        assertThat(publishedMonths(approved.datasetName())).containsOnly("2033-07");
    }

    @Test
    void missedUpdateIsOverdueOncePerPeriod() throws Exception {
        Instant published = Instant.parse("2032-01-10T04:00:00Z");
        clock.set(published);
        PassportRecord approved = publishedMonthlySet("permits.csv", month("2031-12", 5, 6, 7, 8));
        // Due 2032-02-10 09:00 in Almaty; overdue one day of grace later.
        Instant firstDue = Instant.parse("2032-02-10T04:00:00Z");

        clock.set(firstDue.plus(Duration.ofDays(1)).minusSeconds(1));
        assertThat(overdueSet(approved.datasetName())).isEmpty();

        clock.set(firstDue.plus(Duration.ofDays(1)));
        OverdueMonitor.OverdueSet late = overdueSet(approved.datasetName()).orElseThrow();
        assertThat(late.missedPeriods()).isEqualTo(1);
        assertThat(late.dueDates().get(0).toInstant()).isEqualTo(firstDue);
        assertThat(late.agencyCode()).isEqualTo(AGENCY);
        assertThat(overdueListed(approved.datasetName()).path("missedPeriods").asInt())
                .isEqualTo(1);
        overdue.recordOverdue();
        overdue.recordOverdue();
        assertThat(overdueEvents(approved.id())).hasSize(1);

        // The second missed due date is two months after the publication: 2032-03-10.
        clock.set(Instant.parse("2032-03-11T04:00:00Z"));
        overdue.recordOverdue();
        assertThat(overdueEvents(approved.id())).hasSize(2);
        assertThat(overdueSet(approved.datasetName())
                        .orElseThrow()
                        .dueDates()
                        .get(1)
                        .toInstant())
                .isEqualTo(Instant.parse("2032-03-10T04:00:00Z"));

        dropAndAwaitPassport("permits.csv", month("2032-02", 9, 9, 9, 9));
        assertThat(overdueSet(approved.datasetName())).isEmpty();
    }

    /** Drops the first unload of a set, approves its passport and publishes it at the clock's time. */
    private PassportRecord publishedMonthlySet(String fileName, String content) throws Exception {
        PassportRecord draft = dropAndAwaitPassport(fileName, content);
        await().atMost(PATIENCE).until(() -> PassportRecord.SENT.equals(statusOf(draft.id())));
        JsonNode document = json.readTree(draft.passportJson());
        assertThat(document.path("updating").path("frequency").asText()).isEqualTo("monthly");
        passports.transition(draft.id(), PassportRecord.SENT, PassportRecord.APPROVED);
        assertThat(publishDue(draft.datasetName())).isEqualTo(1);
        return passports.find(draft.id()).orElseThrow();
    }

    /** Rows of one month for four districts, with the given numbers of appeals. */
    private static String month(String month, int... counts) {
        String[] districts = {"Алмалинский", "Бостандыкский", "Медеуский", "Ауэзовский"};
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < counts.length; i++) {
            csv.append(month)
                    .append(';')
                    .append(districts[i])
                    .append(';')
                    .append(counts[i])
                    .append("\r\n");
        }
        return csv.toString();
    }

    private PassportRecord dropAndAwaitPassport(String fileName, String content) throws Exception {
        Path folder = Files.createDirectories(DATA.resolve("drop").resolve(AGENCY));
        Path partial = folder.resolve(fileName + ".part");
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Files.write(partial, bytes);
        Files.move(partial, folder.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
        String sha256 = sha256(bytes);
        await().atMost(PATIENCE)
                .until(() -> unloadWithHash(sha256)
                        .map(unload -> !passports.findByUnload(unload.id()).isEmpty())
                        .orElse(false));
        // The passport is drafted, and its approval e-mail queued, before intake moves the file to
        // the archive; a file of the same name dropped before that move would be moved in its place.
        await().atMost(PATIENCE).until(() -> !Files.exists(folder.resolve(fileName)));
        return passports.findByUnload(unloadWithHash(sha256).orElseThrow().id()).get(0);
    }

    private Optional<UnloadRecord> unloadWithHash(String sha256) {
        return unloads.findByHash(AGENCY, sha256);
    }

    private DatasetUpdate awaitUpdate(long unloadId) {
        await().atMost(PATIENCE).until(() -> updates.findByUnload(unloadId).isPresent());
        return updates.findByUnload(unloadId).orElseThrow();
    }

    private void awaitDropFolderEmpty() {
        await().atMost(PATIENCE).until(() -> {
            try (Stream<Path> files = Files.list(DATA.resolve("drop").resolve(AGENCY))) {
                return files.findAny().isEmpty();
            }
        });
    }

    private int publishDue(String datasetName) {
        List<PublicationTarget> due = job.dueTargets().stream()
                .filter(target -> target.datasetName().equals(datasetName))
                .toList();
        due.forEach(job::publish);
        return due.size();
    }

    private String statusOf(long passportId) {
        return passports.find(passportId).orElseThrow().status();
    }

    private static Path published(String datasetName) {
        return DATA.resolve("published").resolve(datasetName);
    }

    /** Values of the month column of the published CSV, read with a plain split. */
    private static List<String> publishedMonths(String datasetName) throws IOException {
        List<String> lines = Files.readAllLines(published(datasetName).resolve("data.csv"), StandardCharsets.UTF_8);
        return lines.stream().skip(1).map(line -> line.split(",", -1)[0]).toList();
    }

    /** Approval e-mails sent for a passport: their Message-IDs start with the passport's id. */
    private List<MimeMessage> approvalRequestsFor(long passportId) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : mailServer.greenMail().getReceivedMessages()) {
            String id = message.getMessageID();
            if (id != null && id.startsWith("<odh." + passportId + "-")) {
                found.add(message);
            }
        }
        return found;
    }

    private MimeMessage awaitMessage(String address, String subjectPart, String bodyPart) {
        List<MimeMessage> found = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            found.clear();
            for (MimeMessage message : mailServer.greenMail().getReceivedMessages()) {
                boolean toContact = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
                if (toContact
                        && message.getSubject().contains(subjectPart)
                        && String.valueOf(message.getContent()).contains(bodyPart)) {
                    found.add(message);
                }
            }
            return !found.isEmpty();
        });
        return found.get(0);
    }

    private List<String> events(long passportId) {
        return audit.forSubject("passport", passportId).stream()
                .map(AuditEvent::action)
                .toList();
    }

    private List<AuditEvent> overdueEvents(long passportId) {
        return audit.forSubject("passport", passportId).stream()
                .filter(event -> event.action().equals("publication-overdue"))
                .toList();
    }

    private Optional<OverdueMonitor.OverdueSet> overdueSet(String datasetName) {
        return overdue.overdue().stream()
                .filter(set -> set.datasetName().equals(datasetName))
                .findFirst();
    }

    private JsonNode overdueListed(String datasetName) throws IOException {
        JsonNode sets = json.readTree(analyst().getForObject("/api/publication/overdue", String.class));
        for (JsonNode set : sets) {
            if (datasetName.equals(set.path("datasetName").asText())) {
                return set;
            }
        }
        throw new AssertionError("overdue list lacks " + datasetName + ": " + sets);
    }

    private JsonNode holdListed(long updateId) throws IOException {
        JsonNode holds = json.readTree(analyst().getForObject("/api/publication/holds", String.class));
        for (JsonNode hold : holds) {
            if (hold.path("id").asLong() == updateId) {
                return hold;
            }
        }
        throw new AssertionError("holds lack update " + updateId + ": " + holds);
    }

    private TestRestTemplate analyst() {
        return rest.withBasicAuth(HubTestProperties.ANALYST, HubTestProperties.ANALYST_PASSWORD);
    }

    private static String sha256(Path file) throws Exception {
        return sha256(Files.readAllBytes(file));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
