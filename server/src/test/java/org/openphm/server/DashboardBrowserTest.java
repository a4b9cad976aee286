package org.openphm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.Progress;
import org.openphm.publish.fixture.FixtureResults;
import org.openphm.publish.pack.PackWriter;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard and the printed pack driven in Debian's headless Chromium. Skipped (not failed) where
 * /usr/bin/chromium is absent so a developer without it can still build; CI installs it with
 * .ci/browser-setup.sh. Screenshots go to target/screenshots for a human to look at.
 */
class DashboardBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;
    static Path downloads;
    static Path profile;
    static DashboardServer server;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium not installed (/usr/bin/chromium, /usr/bin/chromedriver): run .ci/browser-setup.sh; "
                        + "browser tests skipped");
        FixtureResults.write(dir);
        PackWriter.write(dir, Progress.SILENT);
        server = DashboardServer.start(dir, "127.0.0.1", 0);
        downloads = Files.createDirectories(dir.resolve("downloads"));
        profile = Files.createDirectories(dir.resolve("profile"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
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

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static void waitReady() {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "true".equals(
                d.findElement(By.id("main")).getAttribute("data-ready")));
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** Data points drawn by ECharts in every chart on the page: proves charts rendered with data. */
    @SuppressWarnings("unchecked")
    private static List<Long> pointsPerChart() {
        return (List<Long>) js("return Array.from(document.querySelectorAll('.chart')).map(c => {"
                + " const i = echarts.getInstanceByDom(c); if (!i) return -1;"
                + " return i.getOption().series.reduce((n, s) => n + (s.data || []).filter(d => d !== '-' && d !== null).length, 0); });");
    }

    private static void screenshot(String name) throws Exception {
        Path out = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
        Files.write(out, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void switchingAreaAndBreakdownRedrawsChartsWithData() throws Exception {
        browser.get(url("/"));
        waitReady();
        // The first section with content is DP 1.2 (the pyramid): its male counts are drawn left of zero but
        // labelled as the positive counts they are.
        Object maleLabel = js("const c = Array.from(document.querySelectorAll('.chart'))"
                + ".find(d => d.getAttribute('data-kind') === 'pyramid');"
                + " return c ? echarts.getInstanceByDom(c).getOption().xAxis[0].axisLabel.formatter(-12345) : null;");
        assertEquals("12,345", maleLabel);
        // Section 5, QOF.
        browser.findElement(By.cssSelector("nav a[data-section='5']")).click();
        waitReady();
        assertEquals("Section 5 \u2013 Long Term Conditions QOF", browser.findElement(By.id("view-title")).getText());
        List<Long> points = pointsPerChart();
        assertEquals(4, points.size(), "two charts for each of two QOF indicators");
        assertTrue(points.stream().allMatch(p -> p > 0), "every chart has data: " + points);
        assertTrue(browser.findElement(By.id("main")).getText()
                .contains("Significantly higher than England (7.9%; 95% CI): Bedford (8.4%) and Luton (9.4%)."));
        // Every chart carries a text description for screen readers, generated by ECharts from its data.
        Object aria = js("return Array.from(document.querySelectorAll('.chart')).map(c => c.getAttribute('aria-label')"
                + " || (c.querySelector('[aria-label]') || {getAttribute: () => ''}).getAttribute('aria-label'));");
        assertTrue(((List<?>) aria).stream().allMatch(a -> a != null && a.toString().contains("Diabetes")
                || a != null && a.toString().contains("Hypertension")), aria.toString());
        screenshot("dashboard-section5-icb");

        // The trend's tooltip gives each line's value with its 95% interval and leaves out the band series.
        Object tooltip = js("const c = Array.from(document.querySelectorAll('.chart'))"
                + ".find(d => d.getAttribute('data-kind') === 'trend');"
                + " const f = echarts.getInstanceByDom(c).getOption().tooltip[0].formatter;"
                + " return f([{axisValueLabel: '2024/25', seriesId: 's0', seriesName: 'Luton', marker: '',"
                + " data: {value: 9.4, lower: 9.05, upper: 9.761}},"
                + " {axisValueLabel: '2024/25', seriesId: 'ci-band-0', seriesName: 'Luton 95% CI', marker: '', data: 0.7}]);");
        assertEquals("2024/25<br>Luton: 9.4 (95% CI 9.05\u20139.76)", tooltip);

        new Select(browser.findElement(By.id("area"))).selectByVisibleText("Luton");
        waitReady();
        assertTrue(browser.findElement(By.cssSelector(".item h2")).getText().contains("Diabetes"));
        String firstChartTitle = (String) js("return echarts.getInstanceByDom(document.querySelector('.chart'))"
                + ".getOption().title[0].text;");
        assertTrue(firstChartTitle.contains("Luton"), firstChartTitle);
        assertTrue(pointsPerChart().stream().allMatch(p -> p > 0));

        new Select(browser.findElement(By.id("area"))).selectByVisibleText("Bedfordshire, Luton and Milton Keynes");
        new Select(browser.findElement(By.id("breakdown"))).selectByValue("deprivation");
        waitReady();
        Object categories = js("return echarts.getInstanceByDom(document.querySelector('.chart'))"
                + ".getOption().xAxis[0].data;");
        assertEquals(List.of("1 - most deprived", "2", "3", "4", "5 - least deprived"), categories);
        screenshot("dashboard-section5-deprivation");
    }

    @Test
    void searchTableToggleAndCsvDownload() throws Exception {
        browser.get(url("/"));
        waitReady();
        browser.findElement(By.id("search")).sendKeys("hypertension");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("view-title")).getText()
                .contains("hypertension") && "true".equals(d.findElement(By.id("main")).getAttribute("data-ready")));
        assertEquals(1, browser.findElements(By.cssSelector(".item")).size());

        browser.findElement(By.id("show-tables")).click();
        assertTrue(browser.findElements(By.cssSelector(".chart")).stream().noneMatch(c -> c.isDisplayed()));
        assertTrue(browser.findElement(By.cssSelector(".tablewrap table.data")).isDisplayed());
        assertTrue(browser.findElement(By.cssSelector(".tablewrap table.data")).getText().contains("Luton"));
        // table cells show at most two decimals (the CSV keeps all); codes, years and short decimals untouched
        assertEquals("59.63|60|2043|E06000032|3.10|", js("return [cell('59.631148'), cell('59.999'), cell('2043'),"
                + " cell('E06000032'), cell('3.10'), cell(null)].join('|');"));
        screenshot("dashboard-search-tables");
        browser.findElement(By.id("show-charts")).click();
        assertTrue(browser.findElement(By.cssSelector(".chart")).isDisplayed());

        browser.findElement(By.cssSelector("a.download")).click();
        Path csv = new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("indicator_id,"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("qof-hypertension,") && l.contains("Luton")), lines.toString());
    }

    @Test
    void analysisSectionsDrawTheirChartKinds() throws Exception {
        browser.get(url("/"));
        waitReady();
        browser.findElement(By.cssSelector("nav a[data-section='7']")).click();
        waitReady();
        assertEquals(List.of(12L + 12 + 12 + 12), pointsPerChart(), "SPC: values, mean and both limits");
        browser.findElement(By.cssSelector("nav a[data-section='3']")).click();
        waitReady();
        Object kinds = js("return Array.from(document.querySelectorAll('.chart')).map(c => c.dataset.kind);");
        assertTrue(((List<?>) kinds).contains("comorbidity"), kinds.toString());
        screenshot("dashboard-section3");
    }

    /**
     * ECharts draws a legend entry in the series' own colour, which is not its line's unless the option says so:
     * the SPC legend showed a blue "Value" and an orange limit, the colours of improvement and concern points.
     */
    @Test
    @SuppressWarnings("unchecked")
    void spcLegendEntriesHaveTheColoursOfTheirLines() throws Exception {
        browser.get(url("/"));
        waitReady();
        browser.findElement(By.cssSelector("nav a[data-section='7']")).click();
        waitReady();
        List<List<String>> drawn = (List<List<String>>) js("const i = echarts.getInstanceByDom("
                + "document.querySelector('.chart[data-kind=spc]'));"
                + " return i.getOption().series.map((s, k) => [s.name, i.getVisual({seriesIndex: k}, 'color'),"
                + " (s.lineStyle || s.itemStyle).color]);");
        assertEquals(List.of("Value", "Mean", "Lower process limit", "Upper process limit"),
                drawn.stream().map(d -> d.get(0)).toList());
        for (List<String> d : drawn) {
            assertEquals(d.get(2), d.get(1), d.get(0) + ": legend colour against line colour");
        }
    }

    @Test
    void anAnalysisFollowsTheAreaSelector() throws Exception {
        browser.get(url("/"));
        waitReady();
        browser.findElement(By.cssSelector("nav a[data-section='8']")).click();
        waitReady();
        String bars = "return echarts.getInstanceByDom(Array.from(document.querySelectorAll('.chart'))"
                + ".find(d => d.getAttribute('data-kind') === 'bar_ci')).getOption().xAxis[0].data;";
        assertEquals(List.of("Bedford", "Central Bedfordshire", "Luton", "Milton Keynes"), js(bars));
        new Select(browser.findElement(By.id("area"))).selectByVisibleText("Luton");
        waitReady();
        assertEquals(List.of("Luton", "Luton North"), js(bars), "Luton and its neighbourhood");
        screenshot("dashboard-section8-luton");
        new Select(browser.findElement(By.id("area"))).selectByVisibleText("Luton North");
        waitReady();
        assertTrue(browser.findElement(By.id("main")).getText()
                .contains("Not published for Luton North: shown for Bedfordshire, Luton and Milton Keynes."));
        // The address now links to this view: opened afresh, it shows section 8 at Luton North.
        String link = browser.getCurrentUrl();
        assertTrue(link.endsWith("#section=8&area=" + FixtureResults.LUTON_NORTH + "&breakdown=none"), link);
        browser.get(url("/"));
        waitReady();
        browser.get(link);
        browser.navigate().refresh();
        waitReady();
        assertEquals("Section 8 \u2013 Preventable Admissions & Costs", browser.findElement(By.id("view-title")).getText());
        assertEquals(FixtureResults.LUTON_NORTH, new Select(browser.findElement(By.id("area")))
                .getFirstSelectedOption().getAttribute("value"));
    }

    @Test
    void thePrintedPackOpensFromDiskWithItsSectionsAndCharts() throws Exception {
        browser.get(dir.resolve("pack").resolve("index.html").toUri().toString());
        assertEquals(12, browser.findElements(By.cssSelector("div.section")).size());
        Long svgs = (Long) js("return document.querySelectorAll('.chart svg').length;");
        assertEquals(12L, svgs, "all 14 charts but the two tables drawn as SVG");
        Object bars = js("return document.querySelector('#i-qof-diabetes .chart svg').getBBox().width;");
        assertTrue(((Number) bars).doubleValue() > 100, "the SVG has laid out: " + bars);
        browser.findElement(By.cssSelector("a[href='#section-5']")).click();
        screenshot("pack-html-section5");
    }
}
