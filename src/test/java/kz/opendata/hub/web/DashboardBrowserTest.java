package kz.opendata.hub.web;

import static kz.opendata.hub.web.WebTestSupport.ANALYST;
import static kz.opendata.hub.web.WebTestSupport.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import kz.opendata.hub.HubApplication;
import kz.opendata.hub.store.ApprovalMessageRepository;
import kz.opendata.hub.store.ApprovalMessageRepository.ApprovalMessage;
import kz.opendata.hub.store.AuditLog;
import kz.opendata.hub.store.FindingResolutionRepository;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.UnloadRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An analyst's day in real headless Chromium. The analyst signs in, opens an unload modelled on
 * the Moscow hospice directory and resolves the finding on the heads' names. Then they edit a
 * passport field, send the draft, and see the agency's reply on the approval timeline.
 * Screenshots of each step go to target/screenshots/.
 *
 * <p>Needs Debian's chromium and chromium-driver packages; without them the test fails and says
 * how to install them. Selenium Manager is never asked to download a browser or a driver: both
 * paths are given.
 */
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration PATIENCE = Duration.ofSeconds(20);
    static final String AGENCY_REPLY = "Паспорт набора данных согласовываем без замечаний.";

    static WebDriver browser;
    static Path profile;

    @LocalServerPort
    int port;

    @Autowired
    UnloadRepository unloads;

    @Autowired
    PassportRepository passports;

    @Autowired
    FindingResolutionRepository resolutions;

    @Autowired
    ApprovalMessageRepository messages;

    @Autowired
    AuditLog audit;

    @Autowired
    ObjectMapper json;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        WebTestSupport.register(registry, DashboardBrowserTest.class);
        WebTestSupport.registerAccounts(registry);
        // The analyst sends the passport. Drafts sent automatically would race with the edit: the
        // approval job could send the draft first, and the page then shows it read-only.
        registry.add("hub.approval.send-drafts-automatically", () -> "false");
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("The browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + "; install them with: apt-get install -y chromium chromium-driver");
        }
        // Selenium Manager would try to download a driver when it cannot find one; it must stay offline.
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("hub-chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--lang=en-US",
                "--window-size=1280,1800",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        WebTestSupport.deleteTree(profile);
    }

    @Test
    void analystResolvesEditsSendsAndSeesReply() throws Exception {
        long[] ids = HospiceUnload.insert(unloads, passports, json, "b".repeat(64));
        long unloadId = ids[0];
        long passportId = ids[1];

        signIn();
        assertThat(text(By.id("agency-city-health"))).contains("City Health Department");
        screenshot("01-board");

        open("/unloads/" + unloadId);
        assertThat(text(By.id("source-delimiter"))).isEqualTo("tab");
        assertThat(browser.findElements(By.cssSelector("article.finding.open"))).hasSize(3);
        assertThat(text(By.id("finding-4"))).contains("Руководитель").contains("И****** Н***** Н*******");
        screenshot("02-unload-findings");

        new Select(browser.findElement(By.id("decision-4"))).selectByValue("excluded");
        browser.findElement(By.id("reason-4")).sendKeys("Full names of the heads are personal data");
        click(By.id("resolve-4"));
        waitFor(By.id("notice"));
        assertThat(browser.findElement(By.id("finding-4")).getAttribute("class"))
                .contains("resolved");
        assertThat(resolutions.forUnload(unloadId)).singleElement().satisfies(resolution -> {
            assertThat(resolution.columnIndex()).isEqualTo(HospiceUnload.HEAD_COLUMN);
            assertThat(resolution.decision()).isEqualTo("excluded");
            assertThat(resolution.resolvedBy()).isEqualTo(ANALYST);
        });
        screenshot("03-finding-resolved");

        open("/passports/" + passportId);
        WebElement englishName = browser.findElement(By.id("fullName-en"));
        englishName.clear();
        englishName.sendKeys("Hospices of Moscow, checked");
        click(By.id("attribute-6-required"));
        click(By.id("save"));
        waitFor(By.id("notice"));
        var stored = json.readTree(passports.find(passportId).orElseThrow().passportJson());
        assertThat(stored.path("general").path("fullName").path("en").asText())
                .isEqualTo("Hospices of Moscow, checked");
        assertThat(stored.path("general").path("fullName").path("ru").asText()).isEqualTo("Хосписы города Москвы");
        assertThat(stored.path("attributes").get(6).path("required").asBoolean())
                .isFalse();
        assertThat(stored.path("attributes").get(5).path("required").asBoolean())
                .isTrue();
        screenshot("04-passport-edited");

        click(By.id("send"));
        new WebDriverWait(browser, PATIENCE)
                .until(ExpectedConditions.alertIsPresent())
                .accept();
        waitFor(By.id("notice"));
        assertThat(text(By.id("timeline"))).contains("Sending requested");
        assertThat(audit.forSubject("passport", passportId))
                .extracting(AuditLog.AuditEvent::action)
                .containsExactly("passport-edited", "send-requested");

        replyArrives(passportId);
        open("/passports/" + passportId);
        String timeline = text(By.id("timeline"));
        assertThat(timeline).contains("E-mail sent").contains("Reply received").contains(AGENCY_REPLY);
        assertThat(timeline).contains("opendata@city-health.example.kz").contains("approved");
        assertThat(timeline.indexOf("Sending requested")).isLessThan(timeline.indexOf("E-mail sent"));
        assertThat(timeline.indexOf("E-mail sent")).isLessThan(timeline.indexOf("Reply received"));
        assertThat(text(By.id("passport-status"))).isEqualTo("approved");
        assertThat(browser.findElements(By.id("save"))).isEmpty();
        assertThat(browser.findElements(By.id("send"))).isEmpty();
        assertThat(browser.findElement(By.id("fullName-en")).isEnabled()).isFalse();
        screenshot("05-approval-timeline");

        click(By.cssSelector("a[hreflang=kk]"));
        new WebDriverWait(browser, PATIENCE)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#timeline h2"), "Келісу барысы"));
        screenshot("06-passport-kk");

        open("/audit?actor=" + ANALYST);
        assertThat(browser.findElements(By.cssSelector("#audit tbody tr"))).hasSize(3);
        screenshot("07-audit");
    }

    private void signIn() {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(ANALYST);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        screenshot("00-login");
        click(By.id("sign-in"));
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(By.id("board")));
        assertThat(text(By.id("current-user"))).isEqualTo(ANALYST);
    }

    /**
     * Clicks an element once it can take a click, scrolled into view first: on a loaded machine a
     * freshly loaded page may not have laid the element out yet.
     */
    private void click(By locator) {
        WebElement element =
                new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.elementToBeClickable(locator));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        new WebDriverWait(browser, PATIENCE)
                .until(ExpectedConditions.elementToBeClickable(locator))
                .click();
    }

    /** Records the request e-mail and the agency's approving reply as the approval routes would. */
    private void replyArrives(long passportId) {
        OffsetDateTime sent = OffsetDateTime.now();
        passports.markSent(passportId, "browser-test-reply-token");
        messages.insert(new ApprovalMessage(
                passportId,
                ApprovalMessageRepository.OUT,
                "<request-1@hub.example>",
                null,
                "hub@opendata-hub.example.kz",
                "Паспорт набора данных moscow-hospices",
                sent,
                null,
                null,
                null));
        messages.insert(new ApprovalMessage(
                passportId,
                ApprovalMessageRepository.IN,
                "<reply-1@city-health.example.kz>",
                "<request-1@hub.example>",
                "opendata@city-health.example.kz",
                "Re: Паспорт набора данных moscow-hospices",
                sent.plusSeconds(20),
                "approved",
                AGENCY_REPLY,
                AGENCY_REPLY));
        passports.transition(passportId, PassportRecord.SENT, PassportRecord.APPROVED);
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
        waitFor(By.tagName("main"));
    }

    private static void waitFor(By locator) {
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private static String text(By locator) {
        return browser.findElement(locator).getText();
    }

    private static void screenshot(String name) {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        try {
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AssertionError("Screenshot " + name + " could not be saved under " + SCREENSHOTS, e);
        }
    }
}
