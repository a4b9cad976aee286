package org.openphm.server;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Times every dashboard view against a running server over a full-size build, from opening the link to the
 * view's data-ready, first (cold: the server draws it) and again (warm: drawn views are cached). Runs only when
 * asked: {@code -Dopenphm.timing.url=http://127.0.0.1:8099/ -Dopenphm.timing.area=E06000055}; the times are
 * printed and must stay under 3.5 s.
 */
class DashboardTimingTest {
    @Test
    void everyViewIsReadyWithinThreeAndAHalfSeconds() throws Exception {
        String base = System.getProperty("openphm.timing.url");
        assumeTrue(base != null && Files.isExecutable(DashboardBrowserTest.CHROMIUM), "set -Dopenphm.timing.url");
        String icb = System.getProperty("openphm.timing.icb", "QHG");
        String place = System.getProperty("openphm.timing.area", "E06000055");
        String indicator = System.getProperty("openphm.timing.indicator", "qof-prevalence-dm");
        List<String> views = new ArrayList<>();
        for (String area : List.of(icb, place)) {
            views.add("tab=overview&area=" + area);
            views.add("tab=profile&area=" + area);
            views.add("tab=compare&area=" + area + "&indicator=" + indicator);
            views.add("tab=map&area=" + area + "&indicator=" + indicator);
            for (int s = 1; s <= 12; s++) {
                views.add("section=" + s + "&area=" + area + "&breakdown=none");
            }
            views.add("section=5&area=" + area + "&breakdown=deprivation");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(DashboardBrowserTest.CHROMIUM.toFile());
        options.addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000", "--disable-dev-shm-usage");
        WebDriver browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(DashboardBrowserTest.CHROMEDRIVER.toFile())
                        .usingAnyFreePort()
                        .build(),
                options);
        List<String> slow = new ArrayList<>();
        try {
            // the browser's own first start and its copy of ECharts are not the server's view time
            browser.get(base + "echarts.min.js");
            int n = 0;
            for (String pass : List.of("cold", "warm")) {
                for (String v : views) {
                    long t0 = System.nanoTime();
                    browser.get(base + "?t=" + (++n) + "#" + v);
                    new WebDriverWait(browser, Duration.ofSeconds(60))
                            .until(d ->
                                    "true".equals(d.findElement(By.id("main")).getAttribute("data-ready")));
                    double s = (System.nanoTime() - t0) / 1e9;
                    System.out.printf("TIMING %s %6.2f s  %s%n", pass, s, v);
                    if (s > 3.5) {
                        slow.add(pass + " " + v + " " + s);
                    }
                    if ("cold".equals(pass) && v.startsWith("tab=")) {
                        Path out = Files.createDirectories(Path.of("target", "screenshots"))
                                .resolve("fullsize-" + v.replaceAll("[^A-Za-z0-9]+", "-") + ".png");
                        Files.write(out, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                    }
                }
            }
        } finally {
            browser.quit();
        }
        assertTrue(slow.isEmpty(), "slower than 3.5 s: " + slow);
    }
}
