package kz.opendata.hub.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import kz.opendata.hub.HubApplication;
import kz.opendata.hub.intake.AnalysisStage;
import kz.opendata.hub.intake.DraftingStage;
import kz.opendata.hub.intake.IntakeService;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.AuditLog.AuditEvent;
import kz.opendata.hub.store.FindingResolutionRepository;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.PublicationRepository;
import kz.opendata.hub.store.PublicationRepository.Attempt;
import kz.opendata.hub.store.UnloadRepository;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The publication run against a running hub with an H2 database: idempotence after a crash, the
 * gate's refusals in the audit log, retries with back-off, the dead letter, and the DCAT
 * catalogue with the served folder. Each test publishes its own data set.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PublicationTestConfiguration.class)
class PublicationJobTest {

    private static final Path DATA = HubTestProperties.freshDataFolder("publication-job");
    private static final String AGENCY = "stat-bureau";
    private static final Instant START = Instant.parse("2031-01-15T04:00:00Z");

    /** Data rows of {@link #clinics}: five invented clinics and one named after the test. */
    private static final int CLINIC_ROWS = 6;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestProperties.register(registry, DATA);
        registry.add("hub.publication.retry.max-attempts", () -> 3);
        registry.add("hub.publication.retry.first-delay", () -> "10m");
        registry.add("hub.publication.retry.multiplier", () -> 2);
        registry.add("hub.publication.retry.max-delay", () -> "1h");
    }

    @Autowired
    PublicationJob job;

    @Autowired
    PublicationService service;

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
    PublicationRepository publications;

    @Autowired
    UnloadRepository unloads;

    @Autowired
    FindingResolutionRepository resolutions;

    @Autowired
    AuditLog audit;

    @Autowired
    IntakeService intake;

    @Autowired
    AnalysisStage analysis;

    @Autowired
    DraftingStage drafting;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void reset() {
        portal.use(folderPortal);
        clock.set(START);
    }

    @Test
    void crashAfterFolderPublicationLeavesOneSet() throws Exception {
        PassportRecord passport = testUnloads().approved(AGENCY, "clinics-crash.csv", clinics("clinics-crash"));
        portal.crashAfterNextPublication();

        assertThatThrownBy(() -> job.publish(PublicationTarget.first(passport)))
                .isInstanceOf(SwitchablePortal.SimulatedCrash.class);

        assertThat(publications.forPassport(passport.id())).isEmpty();
        assertThat(statusOf(passport)).isEqualTo(PassportRecord.APPROVED);
        Path folder = DATA.resolve("published").resolve(passport.datasetName());
        String firstCopy = sha256(folder.resolve("data.csv"));

        assertThat(publishDue(passport.datasetName())).isEqualTo(1);
        job.publish(PublicationTarget.first(passport));

        List<String> statuses = publications.forPassport(passport.id()).stream()
                .map(PublicationRepository.PublicationRecord::status)
                .toList();
        assertThat(statuses).containsExactly("unchanged", "unchanged");
        assertThat(statusOf(passport)).isEqualTo(PassportRecord.PUBLISHED);
        assertThat(fileNames(folder)).containsExactlyInAnyOrder(DataPackageFolderPortal.FILES.toArray(String[]::new));
        assertThat(hiddenEntries(passport.datasetName())).isEmpty();
        assertThat(sha256(folder.resolve("data.csv"))).isEqualTo(firstCopy);
        assertThat(Files.readAllLines(folder.resolve("data.csv"), StandardCharsets.UTF_8))
                .hasSize(1 + CLINIC_ROWS);
    }

    @Test
    void crashAfterCkanPublicationLeavesOneDataset() throws Exception {
        FakeCkan ckan = new FakeCkan();
        try {
            ckan.addOrganisation(AGENCY);
            portal.use(ckanPortal(ckan));
            PassportRecord passport = testUnloads().approved(AGENCY, "clinics-ckan.csv", clinics("clinics-ckan"));
            portal.crashAfterNextPublication();

            assertThatThrownBy(() -> job.publish(PublicationTarget.first(passport)))
                    .isInstanceOf(SwitchablePortal.SimulatedCrash.class);
            assertThat(publishDue(passport.datasetName())).isEqualTo(1);
            job.publish(PublicationTarget.first(passport));

            assertThat(ckan.packages()).hasSize(1);
            assertThat(ckan.packages().get(0).path("resources")).hasSize(1);
            assertThat(ckan.uploads()).hasSize(1);
            assertThat(ckan.callCount("package_create")).isEqualTo(1);
            assertThat(statusOf(passport)).isEqualTo(PassportRecord.PUBLISHED);
            Attempt last = latestAttempt(passport);
            assertThat(last.downloadUrl()).startsWith(ckan.url().toString());
            assertThat(last.dataSha256()).isEqualTo(sha256(ckan.uploads().get(0).content()));
        } finally {
            ckan.shutdown();
        }
    }

    @Test
    void portalOutageIsRetriedWhenBack() throws Exception {
        FakeCkan ckan = new FakeCkan(HubTestProperties.freePort());
        try {
            ckan.addOrganisation(AGENCY);
            portal.use(ckanPortal(ckan));
            PassportRecord passport = testUnloads().approved(AGENCY, "clinics-outage.csv", clinics("clinics-outage"));
            ckan.shutdown();

            publishDue(passport.datasetName());

            Attempt failed = latestAttempt(passport);
            assertThat(failed.status()).isEqualTo("failed");
            assertThat(failed.message()).contains("connection to 127.0.0.1 broke");
            assertThat(failed.nextAttemptAt().toInstant()).isEqualTo(START.plus(Duration.ofMinutes(10)));
            assertThat(statusOf(passport)).isEqualTo(PassportRecord.APPROVED);

            ckan.resume();
            clock.set(START.plus(Duration.ofMinutes(10)));
            assertThat(publishDue(passport.datasetName())).isEqualTo(1);

            assertThat(statusOf(passport)).isEqualTo(PassportRecord.PUBLISHED);
            assertThat(ckan.packages()).hasSize(1);
            assertThat(ckan.uploads()).hasSize(1);
            assertThat(ckan.callCount("package_create")).isEqualTo(1);
        } finally {
            ckan.shutdown();
        }
    }

    @Test
    void unresolvedFindingIsRefusedWithAuditRecord() throws Exception {
        long unloadId = testUnloads().analysed(AGENCY, "clinics-finding.csv", clinics("clinics-finding"));
        PassportRecord passport = testUnloads().drafted(unloadId);
        // A finding that appears after drafting, as when a newer detector analyses the unload again.
        String district = markFinding(unloadId, "Район", "home-address");
        passports.transition(passport.id(), PassportRecord.DRAFT, PassportRecord.APPROVED);

        publishDue(passport.datasetName());

        Attempt refused = latestAttempt(passport);
        assertThat(refused.status()).isEqualTo("refused");
        assertThat(refused.message()).contains(district);
        assertThat(statusOf(passport)).isEqualTo(PassportRecord.PUBLICATION_FAILED);
        assertThat(Files.exists(DATA.resolve("published").resolve(passport.datasetName())))
                .isFalse();
        AuditEvent event = onlyEvent(audit.forSubject("dataset", passport.datasetName()), "publication-refused");
        assertThat(event.actor()).isEqualTo(PublicationJob.REQUESTED_BY);
        assertThat(event.evidence()).contains(district);
        assertThat(failureIds()).contains(refused.id());
    }

    @Test
    void resolvedFindingIsPublishedAfterRetry() throws Exception {
        long unloadId = testUnloads().analysed(AGENCY, "clinics-resolved.csv", clinics("clinics-resolved"));
        PassportRecord passport = testUnloads().drafted(unloadId);
        String district = markFinding(unloadId, "Район", "home-address");
        passports.transition(passport.id(), PassportRecord.DRAFT, PassportRecord.APPROVED);
        publishDue(passport.datasetName());
        Attempt refused = latestAttempt(passport);

        resolutions.resolve(unloadId, columnIndex(unloadId, district), "publish", "district names", "analyst");
        ResponseEntity<String> retry =
                analyst().postForEntity("/api/publication/failures/" + refused.id() + "/retry", null, String.class);
        publishDue(passport.datasetName());

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(statusOf(passport)).isEqualTo(PassportRecord.PUBLISHED);
        assertThat(latestAttempt(passport).status()).isEqualTo("published");
        assertThat(failureIds()).doesNotContain(refused.id());
        assertThat(audit.forSubject("passport", passport.id()))
                .extracting(AuditEvent::action)
                .contains("passport-publication-failed", "publication-retry-requested", "passport-published");
    }

    @Test
    void directCallRefusalIsAudited() {
        PublicationInput input = new PublicationInput(
                "kindergartens-direct",
                PublicationFixtures.passport("approved"),
                PublicationFixtures.datapackage(PublicationFixtures.PUBLISHED_FIELDS),
                PublicationFixtures.report(),
                PublicationFixtures.table(PublicationFixtures.rows()),
                Set.of(),
                Set.of(),
                "edu-almaty",
                PublicationFixtures.agencyNames());

        assertThatThrownBy(() -> service.publish(input)).isInstanceOf(PublicationRefusedException.class);

        AuditEvent event = onlyEvent(audit.forSubject("dataset", "kindergartens-direct"), "publication-refused");
        assertThat(event.actor()).isEqualTo(PublicationInput.UNNAMED_CALLER);
        assertThat(event.evidence()).contains("telefon").contains("passportVersion=3");
    }

    @Test
    void transientFailureIsRetriedAfterBackOff() throws Exception {
        PassportRecord passport = testUnloads().approved(AGENCY, "clinics-transient.csv", clinics("clinics-transient"));
        portal.failNext(new TransientPortalException("portal timed out"));

        publishDue(passport.datasetName());

        Attempt failed = latestAttempt(passport);
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.attempt()).isEqualTo(1);
        assertThat(failed.nextAttemptAt().toInstant()).isEqualTo(START.plus(Duration.ofMinutes(10)));
        assertThat(statusOf(passport)).isEqualTo(PassportRecord.APPROVED);

        clock.set(START.plus(Duration.ofMinutes(10)).minusSeconds(1));
        int callsBefore = portal.calls();
        assertThat(publishDue(passport.datasetName())).isZero();
        assertThat(portal.calls()).isEqualTo(callsBefore);

        clock.set(START.plus(Duration.ofMinutes(10)));
        assertThat(publishDue(passport.datasetName())).isEqualTo(1);
        Attempt published = latestAttempt(passport);
        assertThat(published.status()).isEqualTo("published");
        assertThat(published.attempt()).isEqualTo(2);
        assertThat(statusOf(passport)).isEqualTo(PassportRecord.PUBLISHED);
    }

    @Test
    void exhaustedRetriesGoToDeadLetter() throws Exception {
        PassportRecord passport = testUnloads().approved(AGENCY, "clinics-exhausted.csv", clinics("clinics-exhausted"));
        for (int i = 0; i < 3; i++) {
            portal.failNext(new TransientPortalException("HTTP 503 from the portal"));
        }

        publishDue(passport.datasetName());
        Instant second = START.plus(Duration.ofMinutes(10));
        clock.set(second);
        publishDue(passport.datasetName());
        Attempt secondTry = latestAttempt(passport);
        // The wait doubles: 10 minutes after the first try, 20 after the second.
        assertThat(secondTry.nextAttemptAt().toInstant()).isEqualTo(second.plus(Duration.ofMinutes(20)));
        clock.set(second.plus(Duration.ofMinutes(20)));
        publishDue(passport.datasetName());

        Attempt dead = latestAttempt(passport);
        assertThat(dead.status()).isEqualTo("dead-letter");
        assertThat(dead.attempt()).isEqualTo(3);
        assertThat(dead.message()).contains("gave up after 3 tries").contains("HTTP 503");
        assertThat(dead.nextAttemptAt()).isNull();
        assertThat(statusOf(passport)).isEqualTo(PassportRecord.PUBLICATION_FAILED);
        assertThat(failureIds()).contains(dead.id());
        clock.set(second.plus(Duration.ofDays(1)));
        assertThat(publishDue(passport.datasetName())).isZero();
    }

    @Test
    void portalRejectionGoesToDeadLetter() throws Exception {
        PassportRecord passport = testUnloads().approved(AGENCY, "clinics-rejected.csv", clinics("clinics-rejected"));
        String portalMessage = "{\"__type\": \"Validation Error\", \"name\": [\"That URL is already in use.\"]}";
        portal.failNext(new PermanentPortalException("CKAN package_create was rejected", portalMessage));

        publishDue(passport.datasetName());

        Attempt dead = latestAttempt(passport);
        assertThat(dead.status()).isEqualTo("dead-letter");
        assertThat(dead.attempt()).isEqualTo(1);
        assertThat(dead.portalMessage()).isEqualTo(portalMessage);
        assertThat(dead.nextAttemptAt()).isNull();
        assertThat(statusOf(passport)).isEqualTo(PassportRecord.PUBLICATION_FAILED);
        JsonNode listed = failure(dead.id());
        assertThat(listed.path("status").asText()).isEqualTo("dead-letter");
        assertThat(listed.path("portalMessage").asText()).isEqualTo(portalMessage);
        assertThat(listed.path("datasetName").asText()).isEqualTo(passport.datasetName());
    }

    @Test
    void retryOfPublishedAttemptIsConflict() throws Exception {
        PassportRecord passport = testUnloads().approved(AGENCY, "clinics-conflict.csv", clinics("clinics-conflict"));
        publishDue(passport.datasetName());
        Attempt published = latestAttempt(passport);

        ResponseEntity<String> retry =
                analyst().postForEntity("/api/publication/failures/" + published.id() + "/retry", null, String.class);

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(statusOf(passport)).isEqualTo(PassportRecord.PUBLISHED);
    }

    @Test
    void catalogDescribesPublishedSetsWithDcatApProperties() throws Exception {
        PassportRecord passport = testUnloads().approved(AGENCY, "clinics-catalog.csv", clinics("clinics-catalog"));
        publishDue(passport.datasetName());
        JsonNode document = json.readTree(passport.passportJson());

        ResponseEntity<String> response = rest.getForEntity("/api/catalog.jsonld", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/ld+json");
        JsonNode catalog = json.readTree(response.getBody());
        assertThat(catalog.path("@type").asText()).isEqualTo("dcat:Catalog");
        assertThat(catalog.path("@context").path("dcat").asText()).isEqualTo("http://www.w3.org/ns/dcat#");
        assertThat(catalog.path("dct:title").findValuesAsText("@value")).isNotEmpty();
        assertThat(catalog.path("dct:description").findValuesAsText("@value")).isNotEmpty();
        assertThat(catalog.path("dct:publisher").path("foaf:name").findValuesAsText("@value"))
                .isNotEmpty();
        JsonNode dataset = entry(catalog, passport.datasetName());
        assertThat(dataset.path("@type").asText()).isEqualTo("dcat:Dataset");
        List<String> fullNames = new ArrayList<>();
        document.path("general").path("fullName").forEach(name -> fullNames.add(name.asText()));
        assertThat(fullNames).isNotEmpty();
        assertThat(dataset.path("dct:title").findValuesAsText("@value")).containsAll(fullNames);
        assertThat(dataset.path("dct:description").findValuesAsText("@value")).isNotEmpty();
        assertThat(dataset.path("dct:publisher").path("dct:identifier").asText())
                .isEqualTo(AGENCY);
        JsonNode distribution = dataset.path("dcat:distribution").get(0);
        assertThat(distribution.path("dcat:accessURL").path("@id").asText()).isNotBlank();
        String downloadPath = Path.of(URI.create(distribution
                                .path("dcat:downloadURL")
                                .path("@id")
                                .asText())
                        .getPath())
                .toString();
        assertThat(downloadPath).isEqualTo("/published/" + passport.datasetName() + "/data.csv");

        ResponseEntity<byte[]> download = rest.getForEntity(downloadPath, byte[].class);

        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        byte[] bytes = download.getBody();
        Path onDisk = DATA.resolve("published").resolve(passport.datasetName()).resolve("data.csv");
        assertThat(bytes).isEqualTo(Files.readAllBytes(onDisk));
        assertThat(distribution
                        .path("spdx:checksum")
                        .path("spdx:checksumValue")
                        .path("@value")
                        .asText())
                .isEqualTo(sha256(bytes));
        assertThat(distribution.path("dcat:byteSize").path("@value").asLong()).isEqualTo(bytes.length);
    }

    @Test
    void publishedFolderIsReadOnly() throws Exception {
        PassportRecord passport = testUnloads().approved(AGENCY, "clinics-read-only.csv", clinics("clinics-read-only"));
        publishDue(passport.datasetName());
        Path onDisk = DATA.resolve("published").resolve(passport.datasetName()).resolve("data.csv");
        byte[] before = Files.readAllBytes(onDisk);
        Path staging =
                Files.createDirectories(DATA.resolve("published").resolve("." + passport.datasetName() + ".tmp-test"));
        Files.writeString(staging.resolve("data.csv"), "half,written\r\n", StandardCharsets.UTF_8);
        String path = "/published/" + passport.datasetName() + "/data.csv";

        ResponseEntity<String> put = rest.exchange(path, HttpMethod.PUT, new HttpEntity<>("replaced"), String.class);
        ResponseEntity<String> delete = analyst().exchange(path, HttpMethod.DELETE, null, String.class);
        ResponseEntity<String> hidden =
                rest.getForEntity("/published/." + passport.datasetName() + ".tmp-test/data.csv", String.class);
        ResponseEntity<String> datapackage =
                rest.getForEntity("/published/" + passport.datasetName() + "/datapackage.json", String.class);

        assertThat(put.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(delete.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(Files.readAllBytes(onDisk)).isEqualTo(before);
        assertThat(hidden.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(datapackage.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(datapackage.getBody())
                        .path("resources")
                        .get(0)
                        .path("path")
                        .asText())
                .isEqualTo("data.csv");
    }

    /**
     * Returns a directory of clinics whose last row names the test, so each test's unload has its
     * own content and is not taken for another test's unload delivered again.
     */
    private static String clinics(String test) {
        return "Название;Район;Число мест\r\n"
                + "Поликлиника № 1;Алмалинский;120\r\n"
                + "Поликлиника № 2;Бостандыкский;95\r\n"
                + "Детская поликлиника № 3;Медеуский;60\r\n"
                + "Центр семейного здоровья;Ауэзовский;80\r\n"
                + "Городская больница;Турксибский;240\r\n"
                + "Амбулатория " + test + ";Наурызбайский;15\r\n";
    }

    private TestUnloads testUnloads() {
        return new TestUnloads(intake, analysis, drafting, unloads, passports);
    }

    /** Publishes the due targets of one data set, leaving other tests' sets alone. */
    private int publishDue(String datasetName) {
        List<PublicationTarget> due = job.dueTargets().stream()
                .filter(target -> target.datasetName().equals(datasetName))
                .toList();
        due.forEach(job::publish);
        return due.size();
    }

    private String statusOf(PassportRecord passport) {
        return passports.find(passport.id()).orElseThrow().status();
    }

    private Attempt latestAttempt(PassportRecord passport) {
        return publications.latestAttempt(passport.id(), passport.unloadId()).orElseThrow();
    }

    /**
     * Marks the column with this header as holding a restricted-data finding for review.
     *
     * @return the column's technical name
     */
    private String markFinding(long unloadId, String header, String kind) throws IOException {
        ObjectNode report =
                (ObjectNode) json.readTree(unloads.find(unloadId).orElseThrow().reportJson());
        for (JsonNode column : report.path("columns")) {
            if (header.equals(column.path("name").asText())) {
                ObjectNode finding = ((ObjectNode) column).putObject("restricted");
                finding.put("kind", kind).put("severity", "review").put("share", 1.0);
                finding.putArray("evidence");
                unloads.updateReportJson(unloadId, json.writeValueAsString(report));
                return column.path("technicalName").asText();
            }
        }
        throw new IllegalArgumentException("no column " + header);
    }

    private int columnIndex(long unloadId, String technicalName) throws IOException {
        for (JsonNode column :
                json.readTree(unloads.find(unloadId).orElseThrow().reportJson()).path("columns")) {
            if (technicalName.equals(column.path("technicalName").asText())) {
                return column.path("index").asInt();
            }
        }
        throw new IllegalArgumentException("no column " + technicalName);
    }

    private TestRestTemplate analyst() {
        return rest.withBasicAuth(HubTestProperties.ANALYST, HubTestProperties.ANALYST_PASSWORD);
    }

    private List<Long> failureIds() throws IOException {
        JsonNode failures = json.readTree(analyst().getForObject("/api/publication/failures", String.class));
        return failures.findValues("id").stream().map(JsonNode::asLong).toList();
    }

    private JsonNode failure(long id) throws IOException {
        JsonNode failures = json.readTree(analyst().getForObject("/api/publication/failures", String.class));
        for (JsonNode failure : failures) {
            if (failure.path("id").asLong() == id) {
                return failure;
            }
        }
        throw new AssertionError("failure " + id + " is not listed: " + failures);
    }

    private static AuditEvent onlyEvent(List<AuditEvent> events, String action) {
        List<AuditEvent> matching =
                events.stream().filter(e -> e.action().equals(action)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static JsonNode entry(JsonNode catalog, String datasetName) {
        for (JsonNode dataset : catalog.path("dcat:dataset")) {
            if (datasetName.equals(dataset.path("dct:identifier").asText())) {
                return dataset;
            }
        }
        throw new AssertionError("catalogue lists no data set " + datasetName);
    }

    private CkanPortal ckanPortal(FakeCkan ckan) {
        PublicationProperties.Ckan settings = new PublicationProperties.Ckan(
                ckan.url(),
                "HUB_CKAN_API_TOKEN",
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                3,
                Duration.ZERO,
                PublicationProperties.CkanFieldStyle.CORE);
        return new CkanPortal(
                settings, FakeCkan.TOKEN, new CkanPackageMapper(json, PublicationProperties.CkanFieldStyle.CORE), json);
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private static List<Path> hiddenEntries(String datasetName) throws IOException {
        try (Stream<Path> entries = Files.list(DATA.resolve("published"))) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith("." + datasetName))
                    .toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        return sha256(Files.readAllBytes(file));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
