package kz.opendata.hub.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kz.opendata.hub.HubApplication;
import kz.opendata.hub.deadline.MovableClockConfiguration;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Campaigns created over HTTP from JSON and from uploaded CSV and XLSX lists. */
// The demo profile gives the analyst account the API calls sign in with.
@ActiveProfiles("demo")
@DirtiesContext
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClockConfiguration.class)
class CampaignApiTest {

    static final Path DATA = TestFolders.fresh("campaign-api");
    static final int SMTP_PORT = TestFolders.freePort();
    static final int IMAP_PORT = TestFolders.freePort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.data-dir", DATA::toString);
        // Quartz schedulers are named after the Camel context and shared within the JVM; a name of
        // its own keeps this context's triggers apart from other test contexts' ones.
        registry.add("camel.main.name", () -> "hub-campaign-api");
        registry.add("hub.mail.smtp.port", () -> SMTP_PORT);
        registry.add("hub.mail.imap.port", () -> IMAP_PORT);
    }

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void signInAsAnalyst() {
        http = http.withBasicAuth("analyst", "analyst-demo");
    }

    @Test
    void createsCampaignFromCodesAndNames() {
        Map<String, Object> request = Map.of(
                "decisionNumber", "7-API",
                "decisionDate", "2025-03-14",
                "authorityReference", "04-2/1187 of 2025-03-20",
                "agencies", List.of("stat-bureau", "  городское управление  ЗДРАВООХРАНЕНИЯ "));

        ResponseEntity<JsonNode> response = http.postForEntity("/api/campaigns", request, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode agencies = response.getBody().path("agencies");
        assertThat(agencies).hasSize(2);
        assertThat(agencies.get(0).path("agencyCode").asText()).isEqualTo("stat-bureau");
        assertThat(agencies.get(1).path("agencyCode").asText()).isEqualTo("city-health");
        assertThat(agencies.get(0).path("stage").asText()).isEqualTo("created");
        long id = response.getBody().path("campaign").path("id").asLong();
        assertThat(agencies.get(1).path("letterNumber").asText()).isEqualTo(id + "-02");
    }

    @Test
    void importsAgencyListFromWorkbook() throws IOException {
        byte[] workbook = workbook(List.of("Код", "city-health", "stat-bureau"));

        ResponseEntity<JsonNode> response = upload("list.xlsx", workbook, "8-XLSX");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode agencies = response.getBody().path("agencies");
        assertThat(agencies).hasSize(2);
        assertThat(agencies.get(0).path("agencyCode").asText()).isEqualTo("city-health");
    }

    @Test
    void rejectsUnknownAgencyNamingTheRow() {
        String csv = "agency;note\nstat-bureau;x\nМинистерство несуществующих дел;y\n";

        ResponseEntity<JsonNode> response = upload("list.csv", csv.getBytes(StandardCharsets.UTF_8), "9-CSV");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        String problems = response.getBody().path("problems").toString();
        assertThat(problems).contains("list.csv, row 3");
        assertThat(problems).contains("Министерство несуществующих дел");
    }

    @Test
    void rejectsCampaignWithoutDecisionNumber() {
        Map<String, Object> request =
                Map.of("decisionDate", "2025-03-14", "authorityReference", "x", "agencies", List.of("stat-bureau"));

        ResponseEntity<JsonNode> response = http.postForEntity("/api/campaigns", request, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().path("problems").toString()).contains("decisionNumber: missing");
    }

    @Test
    void rejectsDateInWrongFormatNamingTheField() {
        Map<String, Object> request = Map.of(
                "decisionNumber", "10-DATE",
                "decisionDate", "30.11.2026",
                "authorityReference", "x",
                "agencies", List.of("stat-bureau"));

        ResponseEntity<JsonNode> response = http.postForEntity("/api/campaigns", request, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("detail").asText())
                .isEqualTo("Field 'decisionDate' is invalid: '30.11.2026' is not a date in the form yyyy-MM-dd,"
                        + " such as 2026-11-30");
    }

    @Test
    void rejectsBrokenJsonNamingThePlace() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<JsonNode> response = http.postForEntity(
                "/api/campaigns", new HttpEntity<>("{\"decisionNumber\": \"11\",\n  oops}", headers), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("detail").asText())
                .startsWith("The request body is not valid JSON at line 2, column 3:");
    }

    @Test
    void rejectsCampaignIdThatIsNoNumber() {
        ResponseEntity<JsonNode> response = http.postForEntity("/api/campaigns/abc/dispatch", null, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("detail").asText())
                .isEqualTo("Parameter 'campaignId' is invalid: 'abc' is not a number");
    }

    private ResponseEntity<JsonNode> upload(String name, byte[] content, String decisionNumber) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        form.add("decisionNumber", decisionNumber);
        form.add("decisionDate", "2025-04-01");
        form.add("authorityReference", "04-2/1200");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/api/campaigns/import", new HttpEntity<>(form, headers), JsonNode.class);
    }

    private static byte[] workbook(List<String> firstColumn) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Тізім");
            for (int i = 0; i < firstColumn.size(); i++) {
                sheet.createRow(i).createCell(0).setCellValue(firstColumn.get(i));
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
