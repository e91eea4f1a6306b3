package kz.opendata.hub.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The demo profile of config/application-demo.yml: its accounts sign in and are printed at start-up. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = HubApplication.class)
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class DemoProfileTest {

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SecurityTestSupport.register(registry, Path.of("target", "web-tests", "DemoProfileTest"));
    }

    @Test
    void demoAccountsSignIn() throws Exception {
        mvc.perform(get("/api/agencies").with(httpBasic("analyst", "analyst-demo")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/agencies").with(httpBasic("authority", "authority-demo")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/admin/settings").with(httpBasic("admin", "admin-demo")))
                .andExpect(status().isOk());
    }

    @Test
    void demoAuthorityStillCannotWrite() throws Exception {
        mvc.perform(post("/api/passports/1/send").with(httpBasic("authority", "authority-demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    void startupPrintsDemoAccounts(CapturedOutput output) {
        assertThat(output.getAll())
                .contains("DEMO accounts")
                .contains("analyst / analyst-demo")
                .contains("admin / admin-demo")
                .contains("authority / authority-demo");
    }
}
