package kz.opendata.hub.web;

import static kz.opendata.hub.web.WebTestSupport.ADMIN;
import static kz.opendata.hub.web.WebTestSupport.ANALYST;
import static kz.opendata.hub.web.WebTestSupport.AUTHORITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import kz.opendata.hub.HubApplication;
import kz.opendata.hub.store.ApprovalMessageRepository;
import kz.opendata.hub.store.ApprovalMessageRepository.ApprovalMessage;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.FindingResolutionRepository;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.UnloadRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The server-rendered pages through the real security chain: what each role is shown and may post,
 * CSRF protection, the language switch and escaping. The browser test drives the same pages in
 * Chromium, and these tests cover the cases a browser run would make slow.
 */
@SpringBootTest(classes = HubApplication.class)
@AutoConfigureMockMvc
class PagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UnloadRepository unloads;

    @Autowired
    PassportRepository passports;

    @Autowired
    FindingResolutionRepository resolutions;

    @Autowired
    AuditLog audit;

    @Autowired
    ObjectMapper json;

    @Autowired
    ApprovalMessageRepository messages;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        WebTestSupport.register(registry, PagesTest.class);
        WebTestSupport.registerAccounts(registry);
    }

    @Test
    void anonymousIsSentToLogin() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("password")));
    }

    @Test
    void staticFilesArePublic() throws Exception {
        mvc.perform(get("/css/hub.css")).andExpect(status().isOk());
        mvc.perform(get("/js/hub.js")).andExpect(status().isOk());
        mvc.perform(get("/favicon.svg")).andExpect(status().isOk());
    }

    @Test
    void boardListsAgenciesAndCharts() throws Exception {
        insertHospices("board-page");

        mvc.perform(get("/").with(as(AUTHORITY)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Campaign board")))
                .andExpect(content().string(containsString("City Health Department")))
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("person names")));
    }

    @Test
    void unloadPageShowsSourceFindingsAndMaskedEvidence() throws Exception {
        long[] ids = insertHospices("unload-page");

        mvc.perform(get("/unloads/" + ids[0]).with(as(ANALYST)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hospices.csv")))
                .andExpect(content().string(containsString(">tab<")))
                .andExpect(content().string(containsString("Руководитель")))
                .andExpect(content().string(containsString("И****** Н***** Н*******")))
                .andExpect(content().string(containsString("must not be published")))
                .andExpect(content().string(containsString("id=\"resolve-4\"")))
                .andExpect(content().string(containsString("candidate without the restricted columns")));
    }

    @Test
    void authoritySeesNoFormsAndCannotPost() throws Exception {
        long[] ids = insertHospices("authority-page");

        mvc.perform(get("/unloads/" + ids[0]).with(as(AUTHORITY)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"resolve-4\""))));
        mvc.perform(get("/passports/" + ids[1]).with(as(AUTHORITY)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"send\""))))
                .andExpect(content().string(not(containsString("id=\"save\""))));
        mvc.perform(post("/unloads/" + ids[0] + "/findings/4/resolution")
                        .with(as(AUTHORITY))
                        .with(csrf())
                        .param("decision", "excluded")
                        .param("reason", "names"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/passports/" + ids[1] + "/send").with(as(AUTHORITY)).with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(resolutions.forUnload(ids[0])).isEmpty();
        assertThat(audit.forSubject("passport", ids[1])).isEmpty();
    }

    @Test
    void formPostWithoutCsrfTokenIsRejected() throws Exception {
        long[] ids = insertHospices("csrf");

        mvc.perform(post("/unloads/" + ids[0] + "/findings/4/resolution")
                        .with(as(ANALYST))
                        .param("decision", "excluded")
                        .param("reason", "names"))
                .andExpect(status().isForbidden());

        assertThat(resolutions.forUnload(ids[0])).isEmpty();
    }

    @Test
    void analystResolvesFindingThroughForm() throws Exception {
        long[] ids = insertHospices("form-resolve");

        mvc.perform(post("/unloads/" + ids[0] + "/findings/4/resolution")
                        .with(as(ANALYST))
                        .with(csrf())
                        .param("decision", "excluded")
                        .param("reason", "people's names"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/unloads/" + ids[0] + "#finding-4"));

        assertThat(resolutions.forUnload(ids[0])).singleElement().satisfies(resolution -> {
            assertThat(resolution.decision()).isEqualTo("excluded");
            assertThat(resolution.resolvedBy()).isEqualTo(ANALYST);
        });
    }

    @Test
    void invalidEditReturnsToPageWithReason() throws Exception {
        long[] ids = insertHospices("form-invalid");

        mvc.perform(post("/passports/" + ids[1] + "/edit")
                        .with(as(ANALYST))
                        .with(csrf())
                        .param("category.code", "Health Care")
                        .param("frequency", "yearly"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/passports/" + ids[1]));

        assertThat(json.readTree(passports.find(ids[1]).orElseThrow().passportJson())
                        .path("general")
                        .path("category")
                        .path("code")
                        .asText())
                .isEqualTo("health");
    }

    @Test
    void languageSwitchSetsCookieAndTranslates() throws Exception {
        mvc.perform(get("/").with(as(AUTHORITY)).param("lang", "kk"))
                .andExpect(status().isOk())
                .andExpect(cookie().value("hub-language", "kk"))
                .andExpect(content().string(containsString("Науқан барысы")));
        mvc.perform(get("/").with(as(AUTHORITY)).param("lang", "ru"))
                .andExpect(content().string(containsString("Ход кампании")));
        mvc.perform(get("/").with(as(AUTHORITY)).param("lang", "de").header("Accept-Language", "en"))
                .andExpect(cookie().doesNotExist("hub-language"))
                .andExpect(content().string(containsString("Campaign board")));
    }

    @Test
    void markupInDataIsEscaped() throws Exception {
        long[] ids = insertHospices("escaping");
        audit.record("<script>alert(1)</script>", "escape-check", "unload", ids[0], "<b>bold</b>");

        mvc.perform(get("/audit").with(as(AUTHORITY)).param("action", "escape-check"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("&lt;b&gt;bold&lt;/b&gt;")));
    }

    @Test
    void timelineLabelsEachMessageKind() throws Exception {
        long passportId = insertHospices("timeline-kinds")[1];
        OffsetDateTime start = OffsetDateTime.parse("2026-03-02T09:00:00+05:00");
        record(passportId, ApprovalMessageRepository.OUT, "request", start);
        record(passportId, ApprovalMessageRepository.IN, "reply", start.plusDays(1));
        record(passportId, ApprovalMessageRepository.OUT, "resend", start.plusDays(2));
        record(passportId, ApprovalMessageRepository.OUT, "reminder", start.plusDays(8));
        record(passportId, ApprovalMessageRepository.OUT, "recommendations", start.plusDays(9));
        record(passportId, ApprovalMessageRepository.IN, "recommendation-answers", start.plusDays(10));
        audit.record("approval", "approval-escalated", "passport", passportId, "reminders=1");

        String english = timelineSection(passportId, "en");
        String russian = timelineSection(passportId, "ru");
        String kazakh = timelineSection(passportId, "kk");

        assertThat(english)
                .containsSubsequence(
                        "E-mail sent",
                        "Reply received",
                        "Edited draft sent again",
                        "Reminder sent",
                        "Commission round letter sent",
                        "Commission round letter received")
                .contains("Escalated: no answer after reminders");
        assertThat(occurrences(english, "entry kind-reminder")).isEqualTo(1);
        assertThat(occurrences(english, "entry kind-sent")).isEqualTo(1);
        assertThat(occurrences(english, "entry kind-resent")).isEqualTo(1);
        assertThat(russian)
                .contains("Письмо отправлено")
                .contains("Исправленный проект отправлен повторно")
                .contains("Напоминание отправлено")
                .contains("Эскалация: нет ответа после напоминаний")
                .contains("Отправлено письмо по работе комиссии")
                .contains("Получено письмо по работе комиссии")
                .contains("Получен ответ");
        assertThat(kazakh)
                .contains("Хат жіберілді")
                .contains("Түзетілген жоба қайта жіберілді")
                .contains("Еске салу жіберілді")
                .contains("Эскалация: еске салулардан кейін жауап жоқ")
                .contains("Комиссия жұмысы бойынша хат жіберілді")
                .contains("Комиссия жұмысы бойынша хат алынды")
                .contains("Жауап алынды");
    }

    @Test
    void adminPageNeedsAdminRole() throws Exception {
        mvc.perform(get("/admin").with(as(ANALYST))).andExpect(status().isForbidden());
        mvc.perform(get("/admin").with(as(ADMIN)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ANALYST)))
                .andExpect(content().string(containsString("opendata@city-health.example.kz")))
                .andExpect(content().string(not(containsString("$2a$"))));
    }

    @Test
    void missingUnloadShowsErrorPage() throws Exception {
        mvc.perform(get("/unloads/987654").with(as(AUTHORITY)).accept("text/html"))
                .andExpect(status().isNotFound());
    }

    private void record(long passportId, String direction, String kind, OffsetDateTime at) {
        String messageId = "<timeline-" + kind + "-" + passportId + "@test.example.kz>";
        String sender = ApprovalMessageRepository.OUT.equals(direction)
                ? "hub@opendata-hub.example.kz"
                : "opendata@city-health.example.kz";
        messages.insert(
                new ApprovalMessage(passportId, direction, messageId, null, sender, kind, at, null, null, null),
                kind,
                null,
                at);
    }

    private String timelineSection(long passportId, String language) throws Exception {
        String page = mvc.perform(
                        get("/passports/" + passportId).with(as(ANALYST)).param("lang", language))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        int start = page.indexOf("<section id=\"timeline\">");
        assertThat(start).as("timeline section of passport %s", passportId).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private long[] insertHospices(String testName) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(testName.getBytes(StandardCharsets.UTF_8));
        return HospiceUnload.insert(unloads, passports, json, HexFormat.of().formatHex(digest));
    }

    private static RequestPostProcessor as(String name) {
        String role = name.equals(ANALYST) ? "ANALYST" : name.equals(ADMIN) ? "ADMIN" : "AUTHORITY";
        return user(name).roles(role);
    }
}
