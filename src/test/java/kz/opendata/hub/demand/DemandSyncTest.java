package kz.opendata.hub.demand;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.opendata.hub.HubApplication;
import kz.opendata.hub.intake.AnalysisStage;
import kz.opendata.hub.intake.DraftingStage;
import kz.opendata.hub.intake.IntakeService;
import kz.opendata.hub.publication.HubTestProperties;
import kz.opendata.hub.publication.TestUnloads;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.UnloadRepository;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Demand signals in a running hub: the {@code demand-sync} route polls a WireMock endpoint on
 * 127.0.0.1 every second, a CSV upload arrives through the REST API, and the stored analysis
 * reports get their demand criterion. Scores are worked out by hand from the documented weights:
 * 1.0 for a word of the set's name, 0.6 for a word of its column names, averaged over the
 * request's terms.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemandSyncTest {

    private static final WireMockServer PORTAL = startPortal();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String AGENCY = "stat-bureau";

    /**
     * Two requests, with fields the hub must not keep (author and e-mail). "Обращения граждан по
     * районам" gives the terms obrashcheniia, grazhdan, raionam.
     */
    private static final String REQUESTS = """
            {"requests": [
              {"id": "r-1", "title": "Обращения граждан по районам", "votes": 12,
               "requestedAt": "2031-01-10", "author": "Иванов Иван", "email": "ivanov@example.kz"},
              {"id": "r-2", "title": "Реестр аптек", "kind": "business-need"}
            ]}
            """;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestProperties.register(registry, HubTestProperties.freshDataFolder("demand-sync"));
        registry.add("hub.demand.sync.url", () -> "http://127.0.0.1:" + PORTAL.port() + "/requests");
        registry.add("hub.demand.sync.schedule", () -> "0/1 * * * * ?");
        registry.add("hub.demand.sync.source-name", () -> "eportal");
    }

    @Autowired
    DemandService demand;

    @Autowired
    IntakeService intake;

    @Autowired
    AnalysisStage analysis;

    @Autowired
    DraftingStage drafting;

    @Autowired
    UnloadRepository unloads;

    @Autowired
    PassportRepository passports;

    @Autowired
    AuditLog audit;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    private static WireMockServer startPortal() {
        WireMockServer server =
                new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        serveRequests(server);
        return server;
    }

    private static void serveRequests(WireMockServer server) {
        server.stubFor(get(urlEqualTo("/requests"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(REQUESTS.getBytes(StandardCharsets.UTF_8))));
    }

    @AfterAll
    static void stopPortal() {
        PORTAL.stop();
    }

    @BeforeEach
    void portalAnswers() {
        serveRequests(PORTAL);
    }

    @Test
    void syncedRequestFeedsDemandCriterion() throws Exception {
        // Without month and count columns, so the business need another test uploads stays below
        // the threshold here: only obrashchenii of its three terms matches, 1.0 / 3.
        long appeals = testUnloads().analysed(AGENCY, "обращения-граждан.csv", appeals("Период;Район;Всего"));
        testUnloads().drafted(appeals);

        await().atMost(PATIENCE).until(() -> demandOf(appeals).path("pass").asBoolean(false));

        // obrashcheniia and grazhdan are words of the file name, raionam matches the column
        // Район: (1.0 + 1.0 + 0.6) / 3 = 0.87.
        JsonNode criterion = demandOf(appeals);
        assertThat(criterion.path("score").asDouble()).isEqualTo(0.87);
        JsonNode requested = signalByExternalId("r-1");
        assertThat(requested.path("signal").path("source").asText()).isEqualTo("eportal");
        assertThat(requested.path("signal").path("votes").asInt()).isEqualTo(12);
        assertThat(scoreFor(requested, "unload", appeals)).isEqualTo(0.87);
        assertThat(signalByExternalId("r-2").path("matches")).isEmpty();
        String stored = analyst().getForObject("/api/demand/signals", String.class);
        assertThat(stored).doesNotContain("ivanov@example.kz").doesNotContain("Иванов");
        assertThat(criterion.toString()).doesNotContain("Обращения граждан");
    }

    @Test
    void uploadedRequestRaisesDemandScore() throws Exception {
        long appeals =
                testUnloads().analysed(AGENCY, "обращения-граждан-2031.csv", appeals("Месяц;Район;Число обращений"));
        await().atMost(PATIENCE).until(() -> demandOf(appeals).path("pass").asBoolean(false));
        String csv = "Тема;Тип;Голоса\r\nЧисло обращений по месяцам;бизнес;4\r\nРеестр школ;;1\r\n";

        ResponseEntity<String> response = upload(csv);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode result = json.readTree(response.getBody());
        assertThat(result.path("received").asInt()).isEqualTo(2);
        assertThat(result.path("inserted").asInt()).isEqualTo(2);
        assertThat(result.path("rejected")).isEmpty();
        // chislo (column), obrashchenii (name, via obrashcheniia), mesiatsam (column, via mesiats):
        // (0.6 + 1.0 + 0.6) / 3 = 0.73. With the synced request's 0.87: 1 - 0.13 * 0.27 = 0.96.
        assertThat(demandOf(appeals).path("score").asDouble()).isEqualTo(0.96);
        assertThat(demandOf(appeals).path("reasons")).hasSize(2);
        ResponseEntity<String> again = upload(csv);
        assertThat(json.readTree(again.getBody()).path("unchanged").asInt()).isEqualTo(2);
    }

    @Test
    void concurrentImportsAndRematchesAllSucceed() throws Exception {
        // Words of their own, so the requests this test uploads match no other test's unload.
        long clinics = testUnloads()
                .analysed(AGENCY, "ветеринарные-клиники.csv", "Клиника;Врачей\r\nВетцентр;4\r\nЗооврач;2\r\n");
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int round = i;
                runs.add(workers.submit(() -> round % 2 == 0
                        ? demand.rematch()
                        : demand.importCsv(
                                ("Тема;Голоса\r\nВетеринарные клиники " + round % 4 + ";" + round + "\r\n")
                                        .getBytes(StandardCharsets.UTF_8),
                                "parallel",
                                null,
                                "analyst")));
            }
            for (Future<?> run : runs) {
                // Throws ExecutionException with the database error when two runs interleave.
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            workers.shutdownNow();
        }

        // The odd rounds uploaded two distinct titles, because round % 4 is 1 or 3 there. Each title
        // matches the unload by its name, and the stored matches contain each pair once.
        List<DemandSignal> uploaded = demand.latest(1000).stream()
                .filter(signal -> signal.source().equals("parallel"))
                .toList();
        assertThat(uploaded).hasSize(2);
        for (DemandSignal signal : uploaded) {
            assertThat(demand.matchesOf(signal.id()))
                    .filteredOn(match -> match.unloadId() == clinics)
                    .hasSize(1);
        }
    }

    @Test
    void unloadWithoutMatchingRequestFailsCriterion() throws Exception {
        long schools = testUnloads().analysed(AGENCY, "pupils.csv", "Класс;Учеников\r\n1;25\r\n2;27\r\n3;24\r\n");

        await().atMost(PATIENCE)
                .until(() -> demandOf(schools).has("pass")
                        && !demandOf(schools).path("pass").isNull());

        assertThat(demandOf(schools).path("pass").asBoolean()).isFalse();
        assertThat(demandOf(schools).path("score").asDouble()).isEqualTo(0.0);
    }

    @Test
    void failingEndpointIsRecorded() throws Exception {
        PORTAL.stubFor(get(urlEqualTo("/requests"))
                .willReturn(aResponse().withStatus(503).withBody("down")));

        await().atMost(PATIENCE)
                .until(() -> audit.forSubject("demand-source", "eportal").stream()
                        .anyMatch(event -> event.action().equals("demand-sync-failed")
                                && event.evidence().contains("HTTP 503")));
    }

    @Test
    void uploadWithoutTitleColumnIsBadRequest() {
        ResponseEntity<String> response = upload("Голоса\r\n3\r\n");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("no title column");
    }

    /** Appeals per month and district under the given header of three columns. */
    private static String appeals(String header) {
        return header + "\r\n"
                + "2031-01;Алмалинский;120\r\n"
                + "2031-01;Бостандыкский;98\r\n"
                + "2031-02;Алмалинский;101\r\n"
                + "2031-02;Бостандыкский;87\r\n";
    }

    private TestUnloads testUnloads() {
        return new TestUnloads(intake, analysis, drafting, unloads, passports);
    }

    private JsonNode demandOf(long unloadId) throws IOException {
        String report = unloads.find(unloadId).orElseThrow().reportJson();
        return json.readTree(report).path("criteria").path("demand");
    }

    private JsonNode signalByExternalId(String externalId) throws IOException {
        JsonNode signals = json.readTree(analyst().getForObject("/api/demand/signals", String.class));
        for (JsonNode signal : signals) {
            if (externalId.equals(signal.path("signal").path("externalId").asText())) {
                return signal;
            }
        }
        throw new AssertionError("no stored request " + externalId + ": " + signals);
    }

    private static double scoreFor(JsonNode signal, String targetType, long targetId) {
        for (JsonNode match : signal.path("matches")) {
            if (targetType.equals(match.path("targetType").asText())
                    && match.path("targetId").asLong() == targetId) {
                return match.path("score").asDouble();
            }
        }
        throw new AssertionError("no match with " + targetType + " " + targetId + ": " + signal);
    }

    private ResponseEntity<String> upload(String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
        return analyst()
                .postForEntity(
                        "/api/demand/import?source=atameken",
                        new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers),
                        String.class);
    }

    private TestRestTemplate analyst() {
        return rest.withBasicAuth(HubTestProperties.ANALYST, HubTestProperties.ANALYST_PASSWORD);
    }
}
