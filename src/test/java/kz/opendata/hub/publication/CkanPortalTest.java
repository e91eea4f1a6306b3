package kz.opendata.hub.publication;

import static kz.opendata.hub.publication.PublicationFixtures.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kz.opendata.hub.publication.FakeCkan.Failure;
import kz.opendata.hub.publication.PublicationProperties.CkanFieldStyle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CkanPortalTest {

    private static final String CSV = "nazvanie,mest\r\nДетский сад «Солнышко»,120\r\nҚарағанды балабақшасы,95\r\n";

    @TempDir
    Path dir;

    private FakeCkan ckan;

    @BeforeEach
    void startCkan() {
        ckan = new FakeCkan();
    }

    @AfterEach
    void stopCkan() {
        ckan.shutdown();
    }

    private CkanPortal portal(String token, int maxAttempts, CkanFieldStyle style) {
        PublicationProperties.Ckan settings = new PublicationProperties.Ckan(
                ckan.url(),
                "HUB_CKAN_API_TOKEN",
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                maxAttempts,
                Duration.ZERO,
                style);
        return new CkanPortal(settings, token, new CkanPackageMapper(MAPPER, style), MAPPER);
    }

    private CkanPortal portal() {
        return portal(FakeCkan.TOKEN, 3, CkanFieldStyle.CORE);
    }

    private PublicationRequest request(String csv, ObjectNode passport) throws Exception {
        Path data = dir.resolve("data-" + sha256(csv.getBytes(StandardCharsets.UTF_8)) + ".csv");
        Files.writeString(data, csv, StandardCharsets.UTF_8);
        return new PublicationRequest(
                "kindergartens",
                passport,
                PublicationFixtures.datapackage(List.of("nazvanie")),
                data,
                sha256(Files.readAllBytes(data)),
                FakeCkan.ORGANISATION,
                PublicationFixtures.agencyNames());
    }

    private PublicationRequest request() throws Exception {
        return request(CSV, PublicationFixtures.passport("approved"));
    }

    @Test
    void publishingTwiceLeavesOneDataset() throws Exception {
        PublicationResult first = portal().publish(request());

        PublicationResult second = portal().publish(request());

        assertThat(ckan.packages()).hasSize(1);
        assertThat(ckan.packages().get(0).path("resources")).hasSize(1);
        assertThat(ckan.uploads()).hasSize(1);
        assertThat(first.changed()).isTrue();
        assertThat(first.uploadedResources()).containsExactly("Детские сады.csv");
        assertThat(second.changed()).isFalse();
        assertThat(second.uploadedResources()).isEmpty();
        assertThat(second.datasetId()).isEqualTo(first.datasetId());
        assertThat(second.location()).isEqualTo(ckan.url() + "/dataset/kindergartens");
    }

    @Test
    void cyrillicFileNameArrivesIntact() throws Exception {
        portal().publish(request());

        FakeCkan.Upload upload = ckan.uploads().get(0);
        assertThat(upload.fileName()).isEqualTo("Детские сады.csv");
        byte[] header = "filename=\"Детские сады.csv\"".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(upload.rawBody(), StandardCharsets.ISO_8859_1))
                .contains(new String(header, StandardCharsets.ISO_8859_1));
    }

    @Test
    void uploadedBytesEqualDataFile() throws Exception {
        PublicationRequest request = request();

        portal().publish(request);

        byte[] received = ckan.uploads().get(0).content();
        assertThat(received).isEqualTo(CSV.getBytes(StandardCharsets.UTF_8));
        JsonNode resource = ckan.packages().get(0).path("resources").get(0);
        assertThat(resource.path("hash").asText()).isEqualTo("sha256:" + sha256(received));
    }

    @Test
    void mapsPassportToCoreFields() throws Exception {
        portal().publish(request());

        ObjectNode dataset = ckan.packages().get(0);
        assertThat(dataset.path("name").asText()).isEqualTo("kindergartens");
        assertThat(dataset.path("title").asText()).isEqualTo("Детские сады города");
        assertThat(dataset.path("notes").asText()).isEqualTo("Перечень детских садов с числом мест");
        assertThat(dataset.path("organization").path("name").asText()).isEqualTo(FakeCkan.ORGANISATION);
        assertThat(dataset.path("tags").findValuesAsText("name"))
                .containsExactly("детские сады", "образование", "балабақша");
        Map<String, String> extras = extras(dataset);
        assertThat(extras).containsEntry("update_frequency", "monthly");
        assertThat(extras).containsEntry("category", "education");
        assertThat(extras).containsEntry("title_kk", "Қала балабақшалары");
        assertThat(extras).containsEntry("passport_version", "3");
    }

    @Test
    void schemingStyleSendsTranslatedFields() throws Exception {
        portal(FakeCkan.TOKEN, 3, CkanFieldStyle.SCHEMING).publish(request());

        ObjectNode dataset = ckan.packages().get(0);
        assertThat(dataset.path("title_translated").path("kk").asText()).isEqualTo("Қала балабақшалары");
        assertThat(dataset.path("title_translated").path("ru").asText()).isEqualTo("Детские сады города");
        assertThat(dataset.path("notes_translated").path("kk").asText()).isEqualTo("Орын саны бар балабақшалар тізімі");
        assertThat(dataset.path("update_frequency").asText()).isEqualTo("monthly");
    }

    @Test
    void sameHashSkipsUploadOnMetadataChange() throws Exception {
        portal().publish(request());
        ObjectNode revised = PublicationFixtures.passport("approved");
        revised.put("version", 4);

        PublicationResult second = portal().publish(request(CSV, revised));

        assertThat(second.changed()).isTrue();
        assertThat(second.uploadedResources()).isEmpty();
        assertThat(ckan.uploads()).hasSize(1);
        assertThat(ckan.callCount("package_patch")).isEqualTo(1);
        assertThat(extras(ckan.packages().get(0))).containsEntry("passport_version", "4");
    }

    @Test
    void newDataReplacesFileInSameResource() throws Exception {
        portal().publish(request());
        String newer = CSV + "Ұлытау «Күншуақ»,40\r\n";

        PublicationResult second = portal().publish(request(newer, PublicationFixtures.passport("approved")));

        assertThat(second.uploadedResources()).containsExactly("Детские сады.csv");
        assertThat(ckan.packages().get(0).path("resources")).hasSize(1);
        assertThat(ckan.uploads()).hasSize(2);
        assertThat(ckan.uploads().get(1).action()).isEqualTo("resource_patch");
        assertThat(ckan.uploads().get(1).content()).isEqualTo(newer.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rerunAfterCrashUpdatesSameDataset() throws Exception {
        // The first run created the package, then the hub stopped before the upload and before
        // recording anything.
        ckan.failNext("resource_create", Failure.DROP_BEFORE_APPLYING);
        assertThatThrownBy(() -> portal(FakeCkan.TOKEN, 1, CkanFieldStyle.CORE).publish(request()))
                .isInstanceOf(TransientPortalException.class);
        String createdId = ckan.packages().get(0).path("id").asText();

        PublicationResult second = portal().publish(request());

        assertThat(ckan.packages()).hasSize(1);
        assertThat(ckan.callCount("package_create")).isEqualTo(1);
        assertThat(second.datasetId()).isEqualTo(createdId);
        assertThat(ckan.packages().get(0).path("resources")).hasSize(1);
    }

    @Test
    void droppedCreateThatTookEffectIsNotRepeated() throws Exception {
        ckan.failNext("package_create", Failure.DROP_AFTER_APPLYING);

        PublicationResult result = portal().publish(request());

        assertThat(ckan.callCount("package_create")).isEqualTo(1);
        assertThat(ckan.packages()).hasSize(1);
        assertThat(result.datasetId())
                .isEqualTo(ckan.packages().get(0).path("id").asText());
        List<String> calls = ckan.calls();
        assertThat(calls.get(calls.indexOf("package_create") + 1)).isEqualTo("package_show");
    }

    @Test
    void droppedCreateThatFailedIsSentAgain() throws Exception {
        ckan.failNext("package_create", Failure.DROP_BEFORE_APPLYING);

        portal().publish(request());

        assertThat(ckan.callCount("package_create")).isEqualTo(2);
        assertThat(ckan.packages()).hasSize(1);
    }

    @Test
    void droppedUploadThatTookEffectIsNotRepeated() throws Exception {
        ckan.failNext("resource_create", Failure.DROP_AFTER_APPLYING);

        portal().publish(request());

        assertThat(ckan.callCount("resource_create")).isEqualTo(1);
        assertThat(ckan.uploads()).hasSize(1);
        assertThat(ckan.packages().get(0).path("resources")).hasSize(1);
    }

    @Test
    void serverErrorOnUploadIsCheckedThenRetried() throws Exception {
        ckan.failNext("resource_create", Failure.SERVICE_UNAVAILABLE);

        portal().publish(request());

        assertThat(ckan.callCount("resource_create")).isEqualTo(2);
        assertThat(ckan.packages().get(0).path("resources")).hasSize(1);
    }

    @Test
    void persistentServerErrorIsTransient() throws Exception {
        for (int i = 0; i < 3; i++) {
            ckan.failNext("package_show", Failure.SERVICE_UNAVAILABLE);
        }

        assertThatThrownBy(() -> portal().publish(request()))
                .isInstanceOf(TransientPortalException.class)
                .hasMessageContaining("HTTP 503");
        assertThat(ckan.callCount("package_show")).isEqualTo(3);
        assertThat(ckan.packages()).isEmpty();
    }

    @Test
    void successFalseWithStatus200IsRejection() throws Exception {
        ckan.failNext("package_create", Failure.SUCCESS_FALSE_WITH_200);

        assertThatThrownBy(() -> portal().publish(request()))
                .isInstanceOf(PermanentPortalException.class)
                .hasMessageContaining("invalid fields: title: Missing value");
        assertThat(ckan.packages()).isEmpty();
    }

    @Test
    void unknownOrganisationListsField() throws Exception {
        PublicationRequest valid = request();
        PublicationRequest unknownAgency = new PublicationRequest(
                valid.datasetName(),
                valid.passport(),
                valid.datapackage(),
                valid.dataFile(),
                valid.dataSha256(),
                "no-such-agency",
                Map.of());

        assertThatThrownBy(() -> portal().publish(unknownAgency))
                .isInstanceOf(PermanentPortalException.class)
                .hasMessageContaining("owner_org: Organization does not exist")
                .extracting(e -> ((PermanentPortalException) e).portalMessage())
                .asString()
                .contains("Validation Error");
    }

    @Test
    void invalidNameListsCkanNameErrors() {
        CkanActionClient client = new CkanActionClient(
                ckan.url(),
                FakeCkan.TOKEN,
                "environment variable X",
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                MAPPER);
        ObjectNode body = MAPPER.createObjectNode().put("name", "Детские сады").put("owner_org", FakeCkan.ORGANISATION);

        assertThatThrownBy(() -> client.post("package_create", "Детские сады", body))
                .isInstanceOf(PermanentPortalException.class)
                .hasMessageContaining("name: Must be purely lowercase alphanumeric (ascii) characters");
    }

    @Test
    void missingTokenGivesPermissionMessage() throws Exception {
        assertThatThrownBy(() -> portal(null, 3, CkanFieldStyle.CORE).publish(request()))
                .isInstanceOf(PermanentPortalException.class)
                .hasMessageContaining("permission denied")
                .hasMessageContaining("environment variable HUB_CKAN_API_TOKEN");
        assertThat(ckan.packages()).isEmpty();
    }

    @Test
    void proxy413ReportsUploadSize() throws Exception {
        PublicationRequest request = request(CSV.repeat(2_000), PublicationFixtures.passport("approved"));
        long size = Files.size(request.dataFile());
        ckan.limitRequestBodies(size / 2);

        assertThatThrownBy(() -> portal().publish(request))
                .isInstanceOf(PermanentPortalException.class)
                .hasMessageContaining("portal rejected an upload of " + size + " bytes");
        assertThat(ckan.uploads()).isEmpty();
    }

    @Test
    void concurrentPublicationsLeaveOneDataset() throws Exception {
        CkanPortal portal = portal();
        PublicationRequest request = request();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<PublicationResult> first =
                    CompletableFuture.supplyAsync(() -> portal.publish(request), pool);
            CompletableFuture<PublicationResult> second =
                    CompletableFuture.supplyAsync(() -> portal.publish(request), pool);
            CompletableFuture.allOf(first, second).join();
        } finally {
            pool.shutdown();
        }

        assertThat(ckan.packages()).hasSize(1);
        assertThat(ckan.callCount("package_create")).isEqualTo(1);
        assertThat(ckan.uploads()).hasSize(1);
    }

    private static Map<String, String> extras(JsonNode dataset) {
        Map<String, String> extras = new java.util.LinkedHashMap<>();
        dataset.path("extras")
                .forEach(extra -> extras.put(
                        extra.path("key").asText(), extra.path("value").asText()));
        return extras;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
