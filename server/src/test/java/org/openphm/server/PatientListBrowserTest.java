package org.openphm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.publish.fixture.FixtureResults;
import org.openphm.server.access.AuditLog;
import org.openphm.server.access.UserStore;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's "My patients" tab in real headless Chromium (issue 13, item 5): a clinician signs in with their
 * token and sees only their own practice's list; a wrong token and an analyst's are refused; signing out forgets
 * the token.
 */
class PatientListBrowserTest {
    @TempDir
    static Path dir;

    static DashboardServer server;
    static WebDriver browser;
    static String gp;
    static String analyst;
    static Path workspace;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(
                Files.isExecutable(DashboardBrowserTest.CHROMIUM)
                        && Files.isExecutable(DashboardBrowserTest.CHROMEDRIVER),
                "Chromium not installed (/usr/bin/chromium, /usr/bin/chromedriver): run .ci/browser-setup.sh; "
                        + "browser tests skipped");
        workspace = RiskListFixture.workspace(dir);
        UserStore users = new UserStore(UserStore.beside(workspace));
        gp = users.add(
                "gp.p1",
                UserStore.Role.CLINICIAN,
                UserStore.Scope.parse("practice:P1"),
                Instant.now().plusSeconds(3600));
        analyst = users.add("ana", UserStore.Role.ANALYST, null, Instant.now().plusSeconds(3600));
        server = DashboardServer.start(FixtureResults.write(dir.resolve("build")), workspace, "127.0.0.1", 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(DashboardBrowserTest.CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1400,1000",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(DashboardBrowserTest.CHROMEDRIVER.toFile())
                        .usingAnyFreePort()
                        .build(),
                options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
    }

    static void waitReady() {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> "true".equals(d.findElement(By.id("main")).getAttribute("data-ready")));
    }

    static void signIn(String token) {
        WebElement input = browser.findElement(By.id("token"));
        input.clear();
        input.sendKeys(token);
        browser.findElement(By.cssSelector("#sign-in button")).click();
        waitReady();
    }

    static List<String> pseudonyms() {
        return browser.findElements(By.cssSelector("#patient-list tbody tr td:first-child")).stream()
                .map(WebElement::getText)
                .toList();
    }

    @Test
    void aClinicianSeesOnlyTheirOwnListAndOthersAreRefused() throws Exception {
        browser.get("http://127.0.0.1:" + server.port() + "/#tab=patients");
        waitReady();
        assertFalse(browser.findElements(By.id("sign-in")).isEmpty(), "not signed in: the form is shown");

        signIn("phm_not-a-token");
        assertTrue(
                browser.findElement(By.cssSelector("#sign-in .error")).getText().contains("not valid"));

        signIn(gp);
        assertTrue(browser.findElement(By.id("list-scope")).getText().contains("practice:P1"));
        assertEquals(List.of("pid01", "pid03", "pid05"), pseudonyms());
        assertFalse(browser.getPageSource().contains("pid02"), "another practice's patient never reaches the page");
        assertFalse(browser.getCurrentUrl().contains(gp), "the token is never in the address");

        new Select(browser.findElement(By.id("stratum"))).selectByValue("0.5-5%");
        waitReady();
        assertEquals(List.of("pid03"), pseudonyms());

        browser.findElement(By.id("sign-out")).click();
        waitReady();
        assertFalse(browser.findElements(By.id("sign-in")).isEmpty(), "signed out: the form is back");
        assertTrue(pseudonyms().isEmpty());

        signIn(analyst);
        assertTrue(browser.findElement(By.id("list-error")).getText().contains("for clinicians"));
        assertTrue(pseudonyms().isEmpty());

        AuditLog.Verification v = AuditLog.verify(AuditLog.beside(workspace));
        assertTrue(v.intact(), v.problem());
        assertEquals(4, v.entries(), "wrong token, the list, the stratum and the analyst's refusal");
    }
}
