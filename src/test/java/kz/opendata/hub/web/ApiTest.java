package kz.opendata.hub.web;

import static kz.opendata.hub.web.WebTestSupport.ADMIN;
import static kz.opendata.hub.web.WebTestSupport.ANALYST;
import static kz.opendata.hub.web.WebTestSupport.AUTHORITY;
import static kz.opendata.hub.web.WebTestSupport.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import kz.opendata.hub.HubApplication;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.AuditLog.AuditEvent;
import kz.opendata.hub.store.FindingResolutionRepository;
import kz.opendata.hub.store.FindingResolutionRepository.FindingResolution;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.PublicationRepository;
import kz.opendata.hub.store.PublicationRepository.PublicationRecord;
import kz.opendata.hub.store.UnloadRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The REST API through the real security filter chain: each endpoint, who may call it, and the
 * problem details it returns for errors. Every test inserts its own unload, so the tests share
 * one database without depending on each other.
 */
@SpringBootTest(classes = HubApplication.class)
@AutoConfigureMockMvc
// Tests leave metrics export off unless asked; the Prometheus endpoint is tested here.
@AutoConfigureObservability(tracing = false)
class ApiTest {

    private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

    @Autowired
    MockMvc mvc;

    @Autowired
    UnloadRepository unloads;

    @Autowired
    PassportRepository passports;

    @Autowired
    FindingResolutionRepository resolutions;

    @Autowired
    PublicationRepository publications;

    @Autowired
    AuditLog audit;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        WebTestSupport.register(registry, ApiTest.class);
        WebTestSupport.registerAccounts(registry);
        // The tests edit drafts and send them by hand. The approval job would otherwise send a draft
        // by itself at any moment, and a PATCH of a sent passport answers 409.
        registry.add("hub.approval.send-drafts-automatically", () -> "false");
    }

    @Test
    void anonymousRequestGets401Problem() throws Exception {
        mvc.perform(get("/api/unloads"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"opendata-hub\""))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void wrongPasswordGets401() throws Exception {
        mvc.perform(get("/api/unloads").with(httpBasic(ANALYST, "not-the-password")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void healthIsPublic() throws Exception {
        // 503 is a health answer too: Camel reports the intake consumer down until its first poll.
        mvc.perform(get("/actuator/health"))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isIn(200, 503))
                .andExpect(jsonPath("$.components.db.status").value("UP"));
    }

    @Test
    void healthDetailsNeedSignedInStaff() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(jsonPath("$.components.diskSpace.status").value("UP"))
                .andExpect(jsonPath("$.components.diskSpace.details").doesNotExist());
        mvc.perform(as(ANALYST, get("/actuator/health")))
                .andExpect(jsonPath("$.components.diskSpace.details.path").exists());
        mvc.perform(as(AUTHORITY, get("/actuator/health")))
                .andExpect(jsonPath("$.components.diskSpace.details").doesNotExist());
    }

    @Test
    void metricsTakeBasicAuthOfAdministrator() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(as(ANALYST, get("/actuator/prometheus"))).andExpect(status().isForbidden());
        mvc.perform(as(ADMIN, get("/actuator/prometheus")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes")));
    }

    @Test
    void authorityReadsUnloadWithFindings() throws Exception {
        long[] ids = insertHospices("authority-reads");

        mvc.perform(as(AUTHORITY, get("/api/unloads/" + ids[0] + "/findings")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].column.index").value(HospiceUnload.HEAD_COLUMN))
                .andExpect(jsonPath("$[0].column.restricted.kind").value("person-name"))
                .andExpect(jsonPath("$[0].resolution").isEmpty());
    }

    @Test
    void authorityCannotChangeAnything() throws Exception {
        long[] ids = insertHospices("authority-writes");
        String resolution = "{\"decision\":\"excluded\",\"reason\":\"names of people\"}";

        mvc.perform(as(AUTHORITY, post(resolutionPath(ids[0], HospiceUnload.HEAD_COLUMN)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(resolution))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(as(AUTHORITY, patch("/api/passports/" + ids[1]))
                        .contentType(MERGE_PATCH)
                        .content("{\"updating\":{\"frequency\":\"monthly\"}}"))
                .andExpect(status().isForbidden());
        mvc.perform(as(AUTHORITY, post("/api/passports/" + ids[1] + "/send"))).andExpect(status().isForbidden());

        assertThat(resolutions.forUnload(ids[0])).isEmpty();
        assertThat(passport(ids[1]).path("updating").path("frequency").asText()).isEqualTo("yearly");
        assertThat(audit.forSubject("passport", ids[1])).isEmpty();
    }

    @Test
    void adminSettingsNeedAdminRole() throws Exception {
        mvc.perform(as(ANALYST, get("/api/admin/settings"))).andExpect(status().isForbidden());
        mvc.perform(as(AUTHORITY, get("/api/admin/settings"))).andExpect(status().isForbidden());

        String body = mvc.perform(as(ADMIN, get("/api/admin/settings")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accounts.length()").value(3))
                .andExpect(jsonPath("$.accounts[0].username").value(ANALYST))
                .andExpect(jsonPath("$.accounts[0].roles[0]").value("ANALYST"))
                .andExpect(jsonPath("$.demoProfile").value(false))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).doesNotContain("$2a$").doesNotContain(PASSWORD);
    }

    @Test
    void analystResolvesFindingWithAudit() throws Exception {
        long[] ids = insertHospices("analyst-resolves");

        mvc.perform(as(ANALYST, post(resolutionPath(ids[0], HospiceUnload.HEAD_COLUMN)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"excluded\",\"reason\":\"full names of the heads\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("excluded"))
                .andExpect(jsonPath("$.resolvedBy").value(ANALYST));

        List<FindingResolution> stored = resolutions.forUnload(ids[0]);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).columnIndex()).isEqualTo(HospiceUnload.HEAD_COLUMN);
        assertThat(stored.get(0).reason()).isEqualTo("full names of the heads");
        AuditEvent event = audit.forSubject("unload", ids[0]).get(0);
        assertThat(event.actor()).isEqualTo(ANALYST);
        assertThat(event.action()).isEqualTo("finding-resolved");
        assertThat(event.evidence()).contains("column=4", "decision=excluded", "kind=person-name");
    }

    @Test
    void resolvingColumnWithoutFindingIs404() throws Exception {
        long[] ids = insertHospices("no-finding");

        mvc.perform(as(ANALYST, post(resolutionPath(ids[0], 1)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"publish\",\"reason\":\"checked\"}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("column")));
        assertThat(resolutions.forUnload(ids[0])).isEmpty();
    }

    @Test
    void unknownDecisionIs400WithFieldErrors() throws Exception {
        long[] ids = insertHospices("bad-decision");

        mvc.perform(as(ANALYST, post(resolutionPath(ids[0], HospiceUnload.HEAD_COLUMN)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"delete\",\"reason\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors.length()").value(2));
        assertThat(resolutions.forUnload(ids[0])).isEmpty();
    }

    @Test
    void malformedJsonIs400Problem() throws Exception {
        long[] ids = insertHospices("malformed");

        mvc.perform(as(ANALYST, post(resolutionPath(ids[0], HospiceUnload.HEAD_COLUMN)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void missingPassportIs404Problem() throws Exception {
        mvc.perform(as(AUTHORITY, get("/api/passports/987654")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Not Found"))
                .andExpect(jsonPath("$.detail").value("No passport with id 987654"))
                .andExpect(jsonPath("$.instance").value("/api/passports/987654"));
    }

    @Test
    void unknownApiPathIs404Problem() throws Exception {
        mvc.perform(as(AUTHORITY, get("/api/no-such-thing")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void analystEditsDraftWithMergePatch() throws Exception {
        long[] ids = insertHospices("edit-draft");

        mvc.perform(as(ANALYST, patch("/api/passports/" + ids[1]))
                        .contentType(MERGE_PATCH)
                        .content("{\"general\":{\"fullName\":{\"en\":\"Moscow hospices\"},\"shortName\":{\"ru\":null}},"
                                + "\"updating\":{\"frequency\":\"quarterly\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3));

        JsonNode stored = passport(ids[1]);
        assertThat(stored.path("general").path("fullName").path("en").asText()).isEqualTo("Moscow hospices");
        assertThat(stored.path("general").path("fullName").path("ru").asText()).isEqualTo("Хосписы города Москвы");
        assertThat(stored.path("general").path("shortName").has("ru")).isFalse();
        assertThat(stored.path("updating").path("frequency").asText()).isEqualTo("quarterly");
        assertThat(stored.path("attributes").size()).isEqualTo(7);
        AuditEvent event = audit.forSubject("passport", ids[1]).get(0);
        assertThat(event.actor()).isEqualTo(ANALYST);
        assertThat(event.action()).isEqualTo("passport-edited");
        assertThat(event.evidence()).contains("general.fullName.en", "updating.frequency", "general.shortName.ru");
    }

    @Test
    void editingSentPassportIs409() throws Exception {
        long[] ids = insertHospices("edit-sent");
        passports.markSent(ids[1], "token-edit-sent");

        mvc.perform(as(ANALYST, patch("/api/passports/" + ids[1]))
                        .contentType(MERGE_PATCH)
                        .content("{\"updating\":{\"frequency\":\"monthly\"}}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("is sent")));
        assertThat(passport(ids[1]).path("updating").path("frequency").asText()).isEqualTo("yearly");
    }

    @Test
    void editingRejectedPassportIsAllowed() throws Exception {
        long[] ids = insertHospices("edit-rejected");
        passports.markSent(ids[1], "token-edit-rejected");
        passports.transition(ids[1], PassportRecord.SENT, PassportRecord.REJECTED);

        mvc.perform(as(ANALYST, patch("/api/passports/" + ids[1]))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"updating\":{\"frequency\":\"monthly\"}}"))
                .andExpect(status().isOk());
        assertThat(passport(ids[1]).path("updating").path("frequency").asText()).isEqualTo("monthly");
    }

    @Test
    void patchRejectsProtectedAndInvalidFields() throws Exception {
        long[] ids = insertHospices("edit-invalid");
        List<String> patches = List.of(
                "{\"general\":{\"supplier\":{\"code\":\"other\"}}}",
                "{\"controlExamples\":[{\"rukovoditel\":\"someone\"}]}",
                "{\"status\":\"approved\"}",
                "{\"updating\":{\"frequency\":\"hourly\"}}",
                "{\"general\":{\"fullName\":{\"de\":\"Hospize\"}}}",
                "{\"attributes\":[]}",
                "{\"geobinding\":{\"addressAttribute\":\"rukovoditel\"}}",
                "[1,2]");
        String before = passports.find(ids[1]).orElseThrow().passportJson();

        for (String body : patches) {
            mvc.perform(as(ANALYST, patch("/api/passports/" + ids[1]))
                            .contentType(MERGE_PATCH)
                            .content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        assertThat(passports.find(ids[1]).orElseThrow().passportJson()).isEqualTo(before);
    }

    @Test
    void sendReturnsRejectedPassportToDraft() throws Exception {
        long[] ids = insertHospices("send-changes");
        passports.markSent(ids[1], "token-send-changes");
        passports.transition(ids[1], PassportRecord.SENT, PassportRecord.CHANGES_REQUESTED);

        mvc.perform(as(ANALYST, post("/api/passports/" + ids[1] + "/send")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("draft"));

        assertThat(passports.find(ids[1]).orElseThrow().status()).isEqualTo(PassportRecord.DRAFT);
        AuditEvent event = audit.forSubject("passport", ids[1]).get(0);
        assertThat(event.action()).isEqualTo("send-requested");
        assertThat(event.actor()).isEqualTo(ANALYST);
    }

    @Test
    void sendingSentPassportIs409() throws Exception {
        long[] ids = insertHospices("send-sent");
        passports.markSent(ids[1], "token-send-sent");

        mvc.perform(as(ANALYST, post("/api/passports/" + ids[1] + "/send"))).andExpect(status().isConflict());
        assertThat(audit.forSubject("passport", ids[1])).isEmpty();
    }

    @Test
    void auditFiltersByActionAndTime() throws Exception {
        long[] ids = insertHospices("audit-filter");
        OffsetDateTime start = OffsetDateTime.now().minusSeconds(1);
        audit.record(ANALYST, "test-action-a", "unload", ids[0], "first");
        audit.record(ANALYST, "test-action-b", "unload", ids[0], "second");
        audit.record(ANALYST, "test-action-a", "passport", ids[1], "third");

        mvc.perform(as(AUTHORITY, get("/api/audit").param("action", "test-action-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].evidence").value("third"))
                .andExpect(jsonPath("$[1].evidence").value("first"));
        mvc.perform(as(
                        AUTHORITY,
                        get("/api/audit")
                                .param("subjectType", "unload")
                                .param("subjectId", String.valueOf(ids[0]))
                                .param("from", start.toString())))
                .andExpect(jsonPath("$.length()").value(2));
        mvc.perform(as(
                        AUTHORITY,
                        get("/api/audit").param("action", "test-action-a").param("to", start.toString())))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(as(AUTHORITY, get("/api/audit").param("from", "yesterday")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void publicationsOfPassportAreListed() throws Exception {
        long[] ids = insertHospices("publications");
        publications.insert(new PublicationRecord(
                ids[1], "moscow-hospices", "folder", "failed", null, null, null, "portal timed out", null));
        publications.insert(new PublicationRecord(
                ids[1], "moscow-hospices", "folder", "published", "published/moscow-hospices", null, 8L, null, null));

        mvc.perform(as(AUTHORITY, get("/api/passports/" + ids[1] + "/publications")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].message").value("portal timed out"))
                .andExpect(jsonPath("$[1].location").value("published/moscow-hospices"))
                .andExpect(jsonPath("$[1].rowCount").value(8));
    }

    @Test
    void diffComparesWithPreviousVersion() throws Exception {
        long[] ids = insertHospices("diff");
        var second = HospiceUnload.passport(json, 2);
        second.with("updating").put("frequency", "monthly");
        long secondId = passports.insertDraft(
                ids[0], HospiceUnload.AGENCY, "moscow-hospices", 2, "Хосписы", second.toString(), "{}");

        String diff = mvc.perform(as(AUTHORITY, get("/api/passports/" + secondId + "/diff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.previousPassportId").value(ids[1]))
                .andExpect(jsonPath("$.revision").value(nullValue()))
                .andExpect(jsonPath("$.changes.length()").value(2))
                .andExpect(jsonPath("$.changes[0].path").value("version"))
                .andExpect(jsonPath("$.changes[1].path").value("updating.frequency"))
                .andExpect(jsonPath("$.changes[1].before").value("yearly"))
                .andExpect(jsonPath("$.changes[1].after").value("monthly"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        mvc.perform(as(AUTHORITY, get("/api/passports/" + secondId + "/changes")))
                .andExpect(status().isOk())
                .andExpect(content().json(diff, true));
        mvc.perform(as(AUTHORITY, get("/api/passports/" + ids[1] + "/diff")))
                .andExpect(jsonPath("$.previousPassportId").value(nullValue()))
                .andExpect(jsonPath("$.changes.length()").value(0));
        mvc.perform(as(AUTHORITY, get("/api/passports/" + ids[1] + "/diff").param("against", String.valueOf(secondId))))
                .andExpect(jsonPath("$.changes[1].before").value("monthly"))
                .andExpect(jsonPath("$.changes[1].after").value("yearly"));
    }

    @Test
    void boardCountsNewUnloadAndPassport() throws Exception {
        JsonNode before = board();

        insertHospices("board");

        JsonNode after = board();
        assertThat(after.path("analysed").asLong())
                .isEqualTo(before.path("analysed").asLong() + 1);
        assertThat(after.path("passports").path("draft").asLong())
                .isEqualTo(before.path("passports").path("draft").asLong() + 1);
    }

    @Test
    void boardListsPassportUnansweredTooLong() throws Exception {
        long[] ids = insertHospices("board-late");
        long[] fresh = insertHospices("board-not-late");
        passports.markSent(ids[1], "token-board-late");
        passports.markSent(fresh[1], "token-board-not-late");
        // The default limit is 10 days: 11 days ago is late, 9 days ago is not.
        jdbc.sql("UPDATE passport SET sent_at = ? WHERE id = ?")
                .params(OffsetDateTime.now().minusDays(11), ids[1])
                .update();
        jdbc.sql("UPDATE passport SET sent_at = ? WHERE id = ?")
                .params(OffsetDateTime.now().minusDays(9), fresh[1])
                .update();

        String body = mvc.perform(as(AUTHORITY, get("/api/board")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lateAfterDays").value(10))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        List<Long> late = new ArrayList<>();
        json.readTree(body)
                .path("late")
                .forEach(passport -> late.add(passport.path("id").asLong()));
        assertThat(late).contains(ids[1]).doesNotContain(fresh[1]);
    }

    @Test
    void openApiDescribesWriteEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/passports/{id}'].patch").exists())
                .andExpect(jsonPath("$.paths['/api/passports/{id}/send'].post").exists())
                .andExpect(jsonPath("$.paths['/api/unloads/{id}/findings/{columnIndex}/resolution'].post")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/audit'].get").exists())
                .andExpect(jsonPath("$.paths['/api/passports/{id}/diff'].get").exists())
                .andExpect(jsonPath("$.paths['/api/passports/{id}/changes'].get.description")
                        .value(org.hamcrest.Matchers.containsString("alias")))
                .andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"));
    }

    @Test
    void swaggerUiIsServedByHub() throws Exception {
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs/swagger-config"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.url").value("/v3/api-docs"));
    }

    private JsonNode board() throws Exception {
        String body = mvc.perform(as(AUTHORITY, get("/api/board")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        for (JsonNode row : json.readTree(body).path("agencies")) {
            if (HospiceUnload.AGENCY.equals(row.path("agency").path("code").asText())) {
                return row;
            }
        }
        throw new AssertionError("the board lists no row for " + HospiceUnload.AGENCY + ": " + body);
    }

    private long[] insertHospices(String testName) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(testName.getBytes(StandardCharsets.UTF_8));
        return HospiceUnload.insert(unloads, passports, json, HexFormat.of().formatHex(digest));
    }

    private JsonNode passport(long id) throws Exception {
        return json.readTree(passports.find(id).orElseThrow().passportJson());
    }

    private static String resolutionPath(long unloadId, int column) {
        return "/api/unloads/" + unloadId + "/findings/" + column + "/resolution";
    }

    @Test
    void outboxListsGivenUpLetterWithoutAddresses() throws Exception {
        long id = insertGivenUpLetter("<odh.api-list.1@hub.example.kz>");

        mvc.perform(as(ANALYST, get("/api/outbox").param("status", "failed")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].messageId").value("<odh.api-list.1@hub.example.kz>"))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].attempts").value(20))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].lastError")
                        .value("SendFailedException: 550 mailbox <address> unavailable"))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].recipients").doesNotExist());
        mvc.perform(as(ADMIN, get("/api/outbox").param("status", "failed"))).andExpect(status().isOk());
    }

    @Test
    void outboxListsWaitingLettersByDefault() throws Exception {
        long givenUp = insertGivenUpLetter("<odh.api-states.1@hub.example.kz>");
        long waiting = insertLetter("<odh.api-states.2@hub.example.kz>", null);
        long sent = insertLetter("<odh.api-states.3@hub.example.kz>", OffsetDateTime.now());

        mvc.perform(as(ANALYST, get("/api/outbox")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + waiting + ")].attempts").value(3))
                .andExpect(
                        jsonPath("$[?(@.id == " + waiting + ")].nextAttemptAt").isNotEmpty())
                .andExpect(jsonPath("$[?(@.id == " + givenUp + ")]").isEmpty())
                .andExpect(jsonPath("$[?(@.id == " + sent + ")]").isEmpty());
        mvc.perform(as(ANALYST, get("/api/outbox").param("status", "sent")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + sent + ")].sentAt").isNotEmpty())
                .andExpect(jsonPath("$[?(@.id == " + waiting + ")]").isEmpty());
        mvc.perform(as(ANALYST, get("/api/outbox").param("status", "lost"))).andExpect(status().isBadRequest());
    }

    @Test
    void authorityCannotReadOutbox() throws Exception {
        mvc.perform(as(AUTHORITY, get("/api/outbox").param("status", "failed"))).andExpect(status().isForbidden());
    }

    @Test
    void outboxRetryQueuesGivenUpLetterOnce() throws Exception {
        long id = insertGivenUpLetter("<odh.api-retry.1@hub.example.kz>");

        mvc.perform(as(ANALYST, post("/api/outbox/" + id + "/retry"))).andExpect(status().isOk());

        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE id = ? AND failed_at IS NULL AND attempts = 0")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(as(ANALYST, post("/api/outbox/" + id + "/retry"))).andExpect(status().isConflict());
        mvc.perform(as(ANALYST, post("/api/outbox/" + (id + 1000) + "/retry")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("outbox row " + (id + 1000) + " not found"));
    }

    /** Inserts a letter given up after 20 attempts, whose last error names the recipient's address. */
    private long insertGivenUpLetter(String messageId) {
        byte[] mime =
                ("Message-ID: " + messageId + "\r\nSubject: test\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
        jdbc.sql(
                        "INSERT INTO mail_outbox (message_id, kind, recipients, subject, mime, queued_at, attempts, last_error,"
                                + " failed_at) VALUES (?, 'reminder', 'contact@agency.example.kz', 'test', ?, ?, 20, ?, ?)")
                .params(
                        messageId,
                        mime,
                        OffsetDateTime.now(),
                        "SendFailedException: 550 mailbox contact@agency.example.kz unavailable",
                        OffsetDateTime.now())
                .update();
        return jdbc.sql("SELECT id FROM mail_outbox WHERE message_id = ?")
                .param(messageId)
                .query(Long.class)
                .single();
    }

    /** Inserts a letter after three attempts: sent when {@code sentAt} is set, else waiting for the next. */
    private long insertLetter(String messageId, OffsetDateTime sentAt) {
        byte[] mime =
                ("Message-ID: " + messageId + "\r\nSubject: test\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
        jdbc.sql(
                        "INSERT INTO mail_outbox (message_id, kind, recipients, subject, mime, queued_at, attempts, last_error,"
                                + " next_attempt_at, sent_at) VALUES (?, 'reminder', 'contact@agency.example.kz', 'test', ?, ?, 3,"
                                + " 'SocketTimeoutException: Read timed out', ?, ?)")
                .params(
                        messageId,
                        mime,
                        OffsetDateTime.now(),
                        sentAt == null ? OffsetDateTime.now().plusMinutes(10) : null,
                        sentAt)
                .update();
        return jdbc.sql("SELECT id FROM mail_outbox WHERE message_id = ?")
                .param(messageId)
                .query(Long.class)
                .single();
    }

    private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(user, PASSWORD));
    }
}
