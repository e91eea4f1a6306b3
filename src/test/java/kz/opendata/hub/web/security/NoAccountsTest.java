package kz.opendata.hub.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import kz.opendata.hub.HubApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** A hub started without any account: it runs, warns, and refuses all but the health check. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = HubApplication.class)
@AutoConfigureMockMvc
class NoAccountsTest {

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SecurityTestSupport.register(registry, Path.of("target", "web-tests", "NoAccountsTest"));
    }

    @Test
    void healthAnswersWithoutAccounts() throws Exception {
        // 503 is a health answer too: Camel reports the intake consumer down until its first poll.
        mvc.perform(get("/actuator/health"))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isIn(200, 503))
                .andExpect(jsonPath("$.components.db.status").value("UP"));
    }

    @Test
    void apiRefusesWithClearReason() throws Exception {
        mvc.perform(get("/api/unloads"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("hub.security.users")));
    }

    @Test
    void pagesAndApiDocsAreRefused() throws Exception {
        mvc.perform(get("/")).andExpect(status().isForbidden());
        mvc.perform(get("/login")).andExpect(status().isForbidden());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isForbidden());
    }

    @Test
    void startupWarnsHowToAddAccount(CapturedOutput output) {
        assertThat(output.getAll())
                .contains("WARN")
                .contains("No account is configured")
                .contains("hub.security.users");
    }
}
