package org.openphm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium not installed (/usr/bin/chromium, /usr/bin/chromedriver): run .ci/browser-setup.sh; "
                        + "browser tests skipped");
        FixtureResults.write(dir);
        PackWriter.write(dir, Progress.SILENT);
        DashboardFixture.augment(dir); // practices and an age-standardised indicator, after the pack is written
        server = DashboardServer.start(dir, "127.0.0.1", 0);
        downloads = Files.createDirectories(dir.resolve("downloads"));
        profile = Files.createDirectories(dir.resolve("profile"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
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
                "--user-data-dir=" + profile);
        options.setExperimentalOption(
                "prefs",
                java.util.Map.of(
                        "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
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
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> "true".equals(d.findElement(By.id("main")).getAttribute("data-ready")));
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** Data points drawn by ECharts in every chart on the page: proves charts rendered with data. */
    @SuppressWarnings("unchecked")
    private static List<Long> pointsPerChart() {
        return (List<Long>)
                js(
                        "return Array.from(document.querySelectorAll('.chart')).map(c => {"
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
        // the landing page is the Overview; the sections start at section 1
        browser.findElement(By.cssSelector("nav a[data-section='1']")).click();
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
        assertEquals(
                "Section 5 \u2013 Long Term Conditions QOF",
                browser.findElement(By.id("view-title")).getText());
        List<Long> points = pointsPerChart();
        assertEquals(4, points.size(), "two charts for each of two QOF indicators");
        assertTrue(points.stream().allMatch(p -> p > 0), "every chart has data: " + points);
        assertTrue(browser.findElement(By.id("main"))
                .getText()
                .contains("Significantly higher than England (7.9%; 95% CI): Bedford (8.4%) and Luton (9.4%)."));
        // Every chart carries a text description for screen readers, generated by ECharts from its data.
        Object aria = js("return Array.from(document.querySelectorAll('.chart')).map(c => c.getAttribute('aria-label')"
                + " || (c.querySelector('[aria-label]') || {getAttribute: () => ''}).getAttribute('aria-label'));");
        assertTrue(
                ((List<?>) aria)
                        .stream()
                                .allMatch(a -> a != null && a.toString().contains("Diabetes")
                                        || a != null && a.toString().contains("Hypertension")),
                aria.toString());
        screenshot("dashboard-section5-icb");

        // The trend's tooltip gives each line's value with its 95% interval and leaves out the band series.
        Object tooltip = js(
                "const c = Array.from(document.querySelectorAll('.chart'))"
                        + ".find(d => d.getAttribute('data-kind') === 'trend');"
                        + " const f = echarts.getInstanceByDom(c).getOption().tooltip[0].formatter;"
                        + " return f([{axisValueLabel: '2024/25', seriesId: 's0', seriesName: 'Luton', marker: '',"
                        + " data: {value: 9.4, lower: 9.05, upper: 9.761}},"
                        + " {axisValueLabel: '2024/25', seriesId: 'ci-band-0', seriesName: 'Luton 95% CI', marker: '', data: 0.7}]);");
        assertEquals("2024/25<br>Luton: 9.4 (95% CI 9.05\u20139.76)", tooltip);
        // A band with a caption of its own (a fan chart's) is called by it; the longest line name owns a band.
        Object fan = js("return withCi([{axisValueLabel: '2030/31', seriesId: 's1', seriesName: 'Bedford North',"
                + " marker: '', data: {value: 120, lower: 100, upper: 150}}], bandTexts([{name: 'Bedford'},"
                + " {name: 'Bedford North'}, {id: 'ci-lower-0', name: 'Bedford 95% CI'},"
                + " {id: 'ci-lower-1', name: 'Bedford North p10 to p90 of 256 Monte Carlo runs'}]));");
        assertEquals("2030/31<br>Bedford North: 120 (p10 to p90 of 256 Monte Carlo runs 100\u2013150)", fan);

        new Select(browser.findElement(By.id("area"))).selectByVisibleText("Luton");
        waitReady();
        assertTrue(browser.findElement(By.cssSelector(".item h2")).getText().contains("Diabetes"));
        String firstChartTitle = (String)
                js("return echarts.getInstanceByDom(document.querySelector('.chart'))" + ".getOption().title[0].text;");
        assertTrue(firstChartTitle.contains("Luton"), firstChartTitle);
        assertTrue(pointsPerChart().stream().allMatch(p -> p > 0));

        new Select(browser.findElement(By.id("area"))).selectByVisibleText("Bedfordshire, Luton and Milton Keynes");
        new Select(browser.findElement(By.id("breakdown"))).selectByValue("deprivation");
        waitReady();
        Object categories =
                js("return echarts.getInstanceByDom(document.querySelector('.chart'))" + ".getOption().xAxis[0].data;");
        assertEquals(List.of("1 - most deprived", "2", "3", "4", "5 - least deprived"), categories);
        screenshot("dashboard-section5-deprivation");
    }

    @Test
    void searchTableToggleAndCsvDownload() throws Exception {
        browser.get(url("/"));
        waitReady();
        browser.findElement(By.id("search")).sendKeys("hypertension");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.findElement(By.id("view-title")).getText().contains("hypertension")
                        && "true".equals(d.findElement(By.id("main")).getAttribute("data-ready")));
        assertEquals(1, browser.findElements(By.cssSelector(".item")).size());

        browser.findElement(By.id("show-tables")).click();
        assertTrue(browser.findElements(By.cssSelector(".chart")).stream().noneMatch(c -> c.isDisplayed()));
        assertTrue(browser.findElement(By.cssSelector(".tablewrap table.data")).isDisplayed());
        assertTrue(browser.findElement(By.cssSelector(".tablewrap table.data"))
                .getText()
                .contains("Luton"));
        // table cells show at most two decimals (the CSV keeps all); codes, years and short decimals untouched
        assertEquals(
                "59.63|60|2043|E06000032|3.10|",
                js("return [cell('59.631148'), cell('59.999'), cell('2043'),"
                        + " cell('E06000032'), cell('3.10'), cell(null)].join('|');"));
        screenshot("dashboard-search-tables");
        browser.findElement(By.id("show-charts")).click();
        assertTrue(browser.findElement(By.cssSelector(".chart")).isDisplayed());

        browser.findElement(By.cssSelector("a.download")).click();
        Path csv = new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.toString().endsWith(".csv"))
                        .findFirst()
                        .orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("indicator_id,"), lines.get(0));
        assertTrue(
                lines.stream().anyMatch(l -> l.startsWith("qof-hypertension,") && l.contains("Luton")),
                lines.toString());
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
     * The segment transitions (PHM 13.2) as a Sankey: a node per segment on each side, labelled with the segment,
     * a band per published movement (the suppressed one draws none).
     */
    @Test
    void segmentTransitionsDrawAsASankey() throws Exception {
        open("section=13");
        String sankey = "return echarts.getInstanceByDom(Array.from(document.querySelectorAll('.chart'))"
                + ".find(d => d.getAttribute('data-kind') === 'sankey')).getOption().series[0]";
        assertEquals(7L, js(sankey + ".links.length"), "seven published movements");
        assertEquals(
                List.of(
                        "Not yet registered",
                        "Healthy",
                        "Stable long-term conditions",
                        "Complex multimorbidity",
                        "Healthy",
                        "Stable long-term conditions",
                        "Complex multimorbidity",
                        "Left or died"),
                js(sankey + ".data.map(n => n.label.formatter)"));
        Object labels = js("return Array.from(document.querySelectorAll(\".chart[data-kind='sankey'] svg text\"))"
                + ".map(t => t.textContent);");
        assertTrue(
                ((List<?>) labels).contains("Left or died") && ((List<?>) labels).contains("Not yet registered"),
                labels.toString());
        Object bands = js("return document.querySelectorAll(\".chart[data-kind='sankey'] svg path\").length;");
        assertTrue(((Number) bands).intValue() >= 7, "a band per movement: " + bands);
        screenshot("dashboard-segments-sankey");
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
        assertEquals(
                List.of("Value", "Mean", "Lower process limit", "Upper process limit"),
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
        assertTrue(browser.findElement(By.id("main"))
                .getText()
                .contains("Not published for Luton North: shown for Bedfordshire, Luton and Milton Keynes."));
        // The address now links to this view: opened afresh, it shows section 8 at Luton North.
        String link = browser.getCurrentUrl();
        assertTrue(link.endsWith("#section=8&area=" + FixtureResults.LUTON_NORTH + "&breakdown=none"), link);
        browser.get(url("/"));
        waitReady();
        browser.get(link);
        browser.navigate().refresh();
        waitReady();
        assertEquals(
                "Section 8 \u2013 Preventable Admissions & Costs",
                browser.findElement(By.id("view-title")).getText());
        assertEquals(
                FixtureResults.LUTON_NORTH,
                new Select(browser.findElement(By.id("area")))
                        .getFirstSelectedOption()
                        .getAttribute("value"));
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

    // --- reviewer findings on the full-size dashboard -------------------------------------------------------

    /** Label texts of a chart drawn with the SVG renderer, with their boxes on the page. */
    private static final String TEXT_BOXES = "const boxes = c => Array.from(c.querySelectorAll('svg text'))"
            + ".filter(t => t.textContent.trim() && getComputedStyle(t).display !== 'none' && t.getAttribute('opacity') !== '0')"
            + ".map(t => { const r = t.getBoundingClientRect(); return {t: t.textContent, l: r.left, r: r.right, top: r.top, b: r.bottom}; })"
            + ".filter(b => b.r > b.l);"
            + " const overlaps = bs => { const out = []; for (let i = 0; i < bs.length; i++) for (let j = i + 1; j < bs.length; j++) {"
            + " const a = bs[i], b = bs[j]; const w = Math.min(a.r, b.r) - Math.max(a.l, b.l), h = Math.min(a.b, b.b) - Math.max(a.top, b.top);"
            + " if (w > 1 && h > 1) out.push(a.t + ' / ' + b.t); } return out; };";

    /** The full-size build's deprivation labels, too long for their slots, wrap onto lines and never overprint. */
    @Test
    @SuppressWarnings("unchecked")
    void deprivationLabelsDoNotOverlap() throws Exception {
        open("section=5&area=" + FixtureResults.ICB + "&breakdown=deprivation");
        List<String> long5 = List.of(
                "Most deprived quintile (IMD2019)",
                "Second most deprived quintile (IMD2019)",
                "Third more deprived quintile (IMD2019)",
                "Second least deprived quintile (IMD2019)",
                "Least deprived quintile (IMD2019)");
        Object result = js(
                TEXT_BOXES + " const c = document.querySelector('.chart[data-kind=bar_ci]');"
                        + " const o = JSON.parse(JSON.stringify(c._option)); o.xAxis.data = " + jsList(long5) + ";"
                        + " const d = document.createElement('div'); d.className = 'chart'; d.id = 'long-labels';"
                        + " c.parentNode.insertBefore(d, c); drawChart(d, o);"
                        + " const bs = boxes(d); return {texts: bs.map(b => b.t), overlaps: overlaps(bs), real: overlaps(boxes(c))};");
        Map<String, Object> r = (Map<String, Object>) result;
        List<String> texts = (List<String>) r.get("texts");
        for (String word : List.of("Most deprived", "Least deprived", "(IMD2019)")) {
            assertTrue(texts.stream().anyMatch(t -> t.contains(word)), word + " drawn: " + texts);
        }
        assertEquals(List.of(), r.get("overlaps"), "no two texts of the chart overlap");
        assertEquals(List.of(), r.get("real"), "nor in the fixture's own chart");
        js("document.getElementById('long-labels').scrollIntoView();");
        screenshot("dashboard-deprivation-long-labels");
    }

    /**
     * The multimorbidity heat map: values to one decimal, every row labelled; with the full build's 17
     * conditions the cells are too small for values, which are then left to the tooltip, and no texts overlap.
     */
    @Test
    @SuppressWarnings("unchecked")
    void heatmapFormatsValuesAndLabelsEveryRow() throws Exception {
        open("section=3&area=" + FixtureResults.ICB + "&breakdown=none");
        Map<String, Object> r = (Map<String, Object>) js(TEXT_BOXES
                + " const c = document.querySelector('.chart[data-kind=comorbidity]'); const i = echarts.getInstanceByDom(c);"
                + " const s = i.getOption().series[0]; const rows = i.getOption().yAxis[0].data;"
                + " const texts = boxes(c).map(b => b.t);"
                + " return {label: s.label.formatter({value: [0, 0, 18.518519]}), tip: i.getOption().tooltip[0].valueFormatter(55.5),"
                + " rows: rows, texts: texts, overlaps: overlaps(boxes(c)), shown: s.label.show};");
        assertEquals("18.5", r.get("label"));
        assertEquals("55.5", r.get("tip"));
        assertEquals(true, r.get("shown"), "six conditions: the cells hold their values");
        List<String> texts = (List<String>) r.get("texts");
        for (Object row : (List<Object>) r.get("rows")) {
            assertTrue(texts.contains(row.toString()), "row label " + row + " drawn: " + texts);
        }
        assertTrue(
                texts.contains("79.8") && texts.stream().noneMatch(t -> t.matches("\\d+\\.\\d{2,}")), texts.toString());
        assertEquals(List.of(), r.get("overlaps"));
        // 17 conditions with the full build's names
        Map<String, Object> big = (Map<String, Object>) js(TEXT_BOXES
                + " const c = document.querySelector('.chart[data-kind=comorbidity]'); const o = JSON.parse(JSON.stringify(c._option));"
                + " const names = ['Asthma','Atrial fibrillation','Cancer','Coronary heart disease','Chronic kidney disease','COPD',"
                + "'Dementia','Diabetes','Epilepsy','Heart failure','Hypertension','Learning disability','Obesity','Osteoporosis',"
                + "'Peripheral arterial disease','Mental health (SMI)','Depression'];"
                + " o.xAxis.data = names; o.yAxis.data = names.slice().reverse(); o.series[0].data = [];"
                + " names.forEach((a, x) => names.forEach((b, y) => o.series[0].data.push([x, y, 12.345678 + x + y])));"
                + " const d = document.createElement('div'); d.className = 'chart'; d.id = 'big-heat'; c.parentNode.insertBefore(d, c);"
                + " drawChart(d, JSON.parse(JSON.stringify(o))); const i = echarts.getInstanceByDom(d); const texts = boxes(d).map(b => b.t);"
                + " const n = document.createElement('div'); n.className = 'chart'; n.style.width = '520px'; c.parentNode.insertBefore(n, c);"
                + " drawChart(n, o); const narrow = boxes(n).map(b => b.t);"
                + " return {shown: i.getOption().series[0].label.show, missing: names.filter(n => !texts.includes(n)),"
                + " overlaps: overlaps(boxes(d)), values: texts.filter(t => /^\\d+\\.\\d$/.test(t)).length,"
                + " narrowShown: echarts.getInstanceByDom(n).getOption().series[0].label.show,"
                + " narrowMissing: names.filter(x => !narrow.includes(x)), narrowOverlaps: overlaps(boxes(n))};");
        assertEquals(true, big.get("shown"), "17 columns at 900px: cells hold one-decimal values");
        assertEquals(17L * 17, ((Number) big.get("values")).longValue(), "every cell's value, to one decimal");
        assertEquals(List.of(), big.get("missing"), "every row and column labelled");
        assertEquals(List.of(), big.get("overlaps"));
        assertEquals(false, big.get("narrowShown"), "at 520px the cells are too small: values left to the tooltip");
        assertEquals(List.of(), big.get("narrowMissing"), "every row and column still labelled");
        assertEquals(List.of(), big.get("narrowOverlaps"));
        js("document.getElementById('big-heat').scrollIntoView();");
        screenshot("dashboard-heatmap-17");
    }

    /** Wide tables scroll inside their own box: the page never gets wider than the window. */
    @Test
    void wideTablesScrollInsideTheirOwnBox() throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(900, 900));
        try {
            open("section=5&area=" + FixtureResults.ICB + "&breakdown=none");
            browser.findElement(By.id("show-tables")).click();
            Object widths = js("const m = document.getElementById('main');"
                    + " const w = Array.from(document.querySelectorAll('.tablewrap')).filter(t => t.offsetParent);"
                    + " return [document.documentElement.scrollWidth, window.innerWidth, m.scrollWidth, m.clientWidth,"
                    + " w.some(t => t.scrollWidth > t.clientWidth) ? 1 : 0];");
            List<Long> v = ((List<?>) widths)
                    .stream().map(x -> ((Number) x).longValue()).toList();
            assertTrue(v.get(0) <= v.get(1), "page " + v.get(0) + " <= window " + v.get(1));
            assertTrue(v.get(2) <= v.get(3) + 1, "main " + v.get(2) + " <= " + v.get(3));
            assertEquals(1L, v.get(4), "a table wider than its box scrolls inside it");
            screenshot("dashboard-wide-tables");
        } finally {
            browser.findElement(By.id("show-charts")).click();
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        }
    }

    /** Bars coloured by significance carry a legend naming each colour used, in that colour. */
    @Test
    @SuppressWarnings("unchecked")
    void significanceColoursHaveALegend() throws Exception {
        open("section=5&area=" + FixtureResults.ICB + "&breakdown=none");
        List<List<Object>> r = (List<List<Object>>)
                js(
                        "const i = echarts.getInstanceByDom(document.querySelector('.chart[data-kind=bar_ci]'));"
                                + " const o = i.getOption(); const used = [...new Set(o.series[0].data.map(d => d.itemStyle.color))];"
                                + " return o.legend[0].data.map(l => { const k = o.series.findIndex(s => s.name === (l.name || l));"
                                + " return [l.name || l, i.getVisual({seriesIndex: k}, 'color'), used.includes(i.getVisual({seriesIndex: k}, 'color'))]; });");
        // diabetes, 2024/25: Bedford and Luton higher than England, Central Bedfordshire lower, Milton Keynes similar
        assertEquals(
                List.of("Similar to England", "Higher than England", "Lower than England"),
                r.stream().map(x -> x.get(0)).toList(),
                r.toString());
        assertTrue(r.stream().allMatch(x -> Boolean.TRUE.equals(x.get(2))), "each legend colour is a bar's: " + r);
        screenshot("dashboard-significance-legend");
    }

    /** Age-standardised bars: no England value is published, so the chart does not claim to compare with it. */
    @Test
    void ageStandardisedChartsSayWhatTheirColoursCompare() throws Exception {
        open("section=6&area=" + FixtureResults.ICB + "&breakdown=none");
        Object sub = js(
                "return echarts.getInstanceByDom(document.querySelector('.chart[data-kind=bar_ci]')).getOption().title[0].subtext;");
        assertTrue(sub.toString().startsWith("Not compared with England: no published England value"), sub.toString());
        Object legend = js(
                "return echarts.getInstanceByDom(document.querySelector('.chart[data-kind=bar_ci]')).getOption().legend[0].data.map(l => l.name);");
        assertTrue(
                ((List<?>) legend)
                        .stream().allMatch(l -> l.toString().contains("Bedfordshire, Luton and Milton Keynes")),
                legend.toString());
        screenshot("dashboard-dsr-not-compared");
    }

    /** Counts print as whole numbers with separators, rates with their decimals; suppressed stays empty. */
    @Test
    void tableCountsAreWholeNumbers() throws Exception {
        open("section=5&area=" + FixtureResults.ICB + "&breakdown=none");
        assertEquals(
                "13,861|1,234.57|2043||9.4",
                js("return [cell('13861.422565', 'count'), cell('1234.5678', 'number'),"
                        + " cell('2043', 'text'), cell(null, 'count'), cell('9.40', 'number')].join('|');"));
        browser.findElement(By.id("show-tables")).click();
        Object counts = js(
                "const t = document.querySelector('.tablewrap table.data'); const h = Array.from(t.querySelectorAll('th')).map(x => x.textContent);"
                        + " const k = h.indexOf('count'); return Array.from(t.querySelectorAll('tbody tr')).map(r => r.children[k].textContent);");
        assertTrue(
                ((List<?>) counts).stream().allMatch(c -> c.toString().matches("\\d{1,3}(,\\d{3})*")),
                counts.toString());
        assertTrue(((List<?>) counts).contains("73,440"), counts.toString());
        browser.findElement(By.id("show-charts")).click();
    }

    /** Search finds analyses by title, section number ("8.4", "DP 3.11") and definition, as well as indicators. */
    @Test
    void searchFindsAnalysesAsWellAsIndicators() throws Exception {
        for (String[] q : new String[][] {
            {"8.4", "dp-8.4-acsc-by-area"},
            {"DP 3.11", "dp-3.11-multimorbidity"},
            {"virtual ward", "dp-7.2-virtual-ward-occupancy"},
            {"diabetes", "qof-diabetes"}
        }) {
            open("q=" + java.net.URLEncoder.encode(q[0], StandardCharsets.UTF_8).replace("+", "%20"));
            Object ids = js("return Array.from(document.querySelectorAll('.item')).map(i => i.dataset.id);");
            assertTrue(((List<?>) ids).contains(q[1]), q[0] + " -> " + ids);
        }
        Object ids = js("return Array.from(document.querySelectorAll('.item')).map(i => i.dataset.id);");
        assertEquals(List.of("qof-diabetes", DashboardFixture.DSR), ids);
    }

    // --- the area views --------------------------------------------------------------------------------------

    @Test
    void overviewCountsComparisonsAndLinksToIndicators() throws Exception {
        browser.get(url("/"));
        waitReady();
        assertTrue(browser.findElement(By.id("glance")).getText().contains("3 can be compared with England"));
        Object counts = js(
                "return Array.from(document.querySelectorAll('#vs-england .count-box')).map(b => b.dataset.verdict + ' ' + b.querySelector('b').textContent);");
        assertEquals(List.of("Better 0", "Worse 1", "Higher 1", "Lower 1", "Similar 0"), counts);
        screenshot("dashboard-overview");
        browser.findElement(By.cssSelector("#vs-england a[data-indicator='qof-diabetes']"))
                .click();
        waitReady();
        assertEquals(
                "Section 5 \u2013 Long Term Conditions QOF",
                browser.findElement(By.id("view-title")).getText());
        assertTrue(browser.getCurrentUrl().contains("item=qof-diabetes"), browser.getCurrentUrl());
    }

    @Test
    @SuppressWarnings("unchecked")
    void areaProfileDrawsASpineRowPerIndicator() throws Exception {
        open("tab=profile&area=" + FixtureResults.BEDFORD);
        List<Map<String, Object>> rows = (List<Map<String, Object>>)
                js("return Array.from(document.querySelectorAll('#spine tr[data-id]')).map(r => ({"
                        + "id: r.dataset.id, marker: (r.querySelector('circle.spine-marker') || {getAttribute: () => null}).getAttribute('fill'),"
                        + "iqr: !!r.querySelector('rect.spine-iqr'), text: r.textContent}));");
        assertEquals(
                List.of("qof-diabetes", "qof-hypertension", "cyp-mh-admissions", DashboardFixture.DSR),
                rows.stream().map(r -> r.get("id")).toList());
        assertTrue(rows.stream().allMatch(r -> Boolean.TRUE.equals(r.get("iqr"))));
        assertEquals("#1f4e9c", rows.get(0).get("marker"), "diabetes: higher than England");
        assertEquals("#86b6e8", rows.get(1).get("marker"), "hypertension: lower than England");
        assertTrue(
                rows.get(0).get("text").toString().contains("12,852"),
                rows.get(0).get("text").toString());
        Object legend =
                js("return Array.from(document.querySelectorAll('.legend [data-label]')).map(s => s.dataset.label);");
        assertTrue(((List<?>) legend).containsAll(List.of("Higher", "Lower")), legend.toString());
        screenshot("dashboard-profile-bedford");
    }

    @Test
    @SuppressWarnings("unchecked")
    void compareAreasAndThePracticeFunnel() throws Exception {
        open("tab=compare&area=" + FixtureResults.ICB + "&indicator=qof-diabetes");
        Object bars = js(
                "return echarts.getInstanceByDom(document.querySelector('#compare .chart')).getOption().xAxis[0].data;");
        assertEquals(List.of("Bedford", "Central Bedfordshire", "Luton", "Milton Keynes"), bars);
        new Select(browser.findElement(By.id("compare-areas"))).deselectByVisibleText("Bedford");
        waitReady();
        assertEquals(
                List.of("Central Bedfordshire", "Luton", "Milton Keynes"),
                js(
                        "return echarts.getInstanceByDom(document.querySelector('#compare .chart')).getOption().xAxis[0].data;"));
        List<Object> points = (List<Object>)
                js("const o = echarts.getInstanceByDom(document.querySelector('#funnel .chart')).getOption();"
                        + " return o.series[0].data.map(d => d.name + ' ' + d.itemStyle.color);");
        assertEquals(6, points.size());
        assertEquals("Practice 6 #d9534f", points.get(5), "outside the 99.8% limits, in red");
        assertTrue(points.subList(0, 5).stream().allMatch(p -> p.toString().endsWith("#7f7f7f")), points.toString());
        Object lines = js(
                "return echarts.getInstanceByDom(document.querySelector('#funnel .chart')).getOption().series.map(s => s.name + ':' + s.data.length);");
        assertTrue(((List<?>) lines).containsAll(List.of("Centre:2")), lines.toString());
        assertTrue(
                ((List<?>) lines)
                                .stream()
                                        .filter(l -> l.toString().startsWith("99.8% limits"))
                                        .count()
                        == 2,
                lines.toString());
        js("document.getElementById('funnel').scrollIntoView();");
        screenshot("dashboard-compare-funnel");
        // another area type: the six practices side by side
        new Select(browser.findElement(By.id("compare-type"))).selectByValue("Practice");
        waitReady();
        assertEquals(
                6L,
                js(
                        "return echarts.getInstanceByDom(document.querySelector('#compare .chart')).getOption().xAxis[0].data.length;"));
        // a value not published for an area is said to be suppressed, never 0
        open("tab=compare&area=" + FixtureResults.ICB + "&indicator=cyp-mh-admissions&areas="
                + FixtureResults.LUTON_NORTH);
        Object cells = js(
                "return Array.from(document.querySelectorAll('#compare table.data tbody td')).map(t => t.textContent);");
        assertEquals(
                List.of("Luton North", "Neighbourhood", "suppressed", "suppressed", "suppressed"),
                ((List<?>) cells).subList(0, 5));
    }

    @Test
    void schematicMapRendersWithItsLegendAndIndicator() throws Exception {
        open("tab=map&area=" + FixtureResults.ICB + "&indicator=qof-diabetes");
        Object title =
                js("return echarts.getInstanceByDom(document.querySelector('#map .chart')).getOption().title[0];");
        String text = title.toString();
        assertTrue(text.contains("Diabetes: QOF prevalence (17+)") && text.contains("not a geographic map"), text);
        Object legend = js(
                "return Array.from(document.querySelectorAll('#map-legend [data-label]')).map(s => s.dataset.label);");
        assertEquals(6, ((List<?>) legend).size(), legend.toString());
        assertTrue(((List<?>) legend).get(0).toString().startsWith("6.8%"), legend.toString());
        Object drawn = js(
                "const texts = Array.from(document.querySelectorAll('#map .chart svg text')).map(t => t.textContent);"
                        + " const o = echarts.getInstanceByDom(document.querySelector('#map .chart')).getOption();"
                        + " const leaves = []; const walk = n => (n.children ? n.children.forEach(walk) : leaves.push(n.name + ' ' + n.itemStyle.color));"
                        + " o.series[0].data.forEach(walk); return {places: ['Bedford', 'Luton', 'Milton Keynes'].every(p => texts.includes(p)), leaves: leaves};");
        assertEquals(Boolean.TRUE, ((Map<?, ?>) drawn).get("places"), drawn.toString());
        List<?> leaves = (List<?>) ((Map<?, ?>) drawn).get("leaves");
        assertEquals(9, leaves.size(), "three Places without children and six practices: " + leaves);
        assertTrue(leaves.contains("Practice 6 " + ProfileViews.BANDS[4]), leaves.toString());
        assertTrue(browser.findElement(By.id("main")).getText().contains("not a geographic map"));
        screenshot("dashboard-map");
    }

    @Test
    void withoutAWorkspaceTheScenarioExplorerSaysHowToStartIt() {
        open("tab=explorer");
        assertTrue(
                browser.findElement(By.id("explorer-status")).getText().contains("phm serve --workspace W"),
                browser.findElement(By.id("main")).getText());
    }

    /**
     * The scenario explorer over a real (20,000-person) workspace: its own server, so only this test waits for
     * the workspace to be generated and the model prepared (shared with ImpactExplorerApiTest in one JVM).
     */
    @Test
    void movingASliderReRunsTheScenarioAndRedrawsTheHeadlinesAndFanChart() throws Exception {
        try (DashboardServer withWorkspace = DashboardServer.start(dir, ImpactWorkspace.get(), "127.0.0.1", 0)) {
            browser.get("http://127.0.0.1:" + withWorkspace.port() + "/#tab=explorer");
            // "preparing..." until the model is ready (the page retries by itself), then the headlines
            String headline = "#explorer-headlines [data-outcome='emergency_admissions'] .headline";
            new WebDriverWait(browser, Duration.ofSeconds(180))
                    .until(d -> !d.findElements(By.cssSelector(headline)).isEmpty()
                            && "true".equals(d.findElement(By.id("main")).getAttribute("data-ready")));
            assertEquals(
                    "Scenario explorer",
                    browser.findElement(By.id("view-title")).getText());
            assertEquals(
                    10,
                    browser.findElements(By.cssSelector("#levers input[type=range]"))
                            .size());
            String card = browser.findElement(By.cssSelector("#explorer-headlines [data-outcome='beds']"))
                    .getText();
            assertTrue(card.contains("2036/37") && card.contains("as is"), card);
            long before = number(browser.findElement(By.cssSelector(headline)).getText());
            assertEquals(
                    6,
                    browser.findElements(By.cssSelector("#claims-table tbody tr"))
                            .size());

            js("const i = document.getElementById('lever-acsc'); i.value = '80';"
                    + " i.dispatchEvent(new Event('input')); i.dispatchEvent(new Event('change'));");
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(d -> number(d.findElement(By.cssSelector(headline)).getText()) != before);
            long after = number(browser.findElement(By.cssSelector(headline)).getText());
            assertTrue(
                    after < before,
                    "80% of ACSC admissions avoided, not the scenario's 10-30%: " + before + " -> " + after);
            assertEquals("80%", browser.findElement(By.id("lever-acsc-value")).getText());
            assertTrue(browser.findElement(By.id("lever-acsc-range")).getText().startsWith("Fixed"));

            // the fan chart of beds (the default): two lines of 19 years and their p10-p90 bands, drawn as SVG
            Object drawn = js("const c = echarts.getInstanceByDom(document.getElementById('explorer-fan'));"
                    + " const o = c.getOption();"
                    + " return {lines: o.series.filter(s => !String(s.id).startsWith('ci-')).map(s => s.data.length),"
                    + " bands: o.series.filter(s => String(s.id).startsWith('ci-band')).length,"
                    + " paths: document.querySelectorAll('#explorer-fan svg path').length,"
                    + " title: o.title[0].text,"
                    + " tip: o.tooltip[0].formatter([{axisValueLabel: '2036/37', seriesId: 'x', seriesName: 'Scenario',"
                    + " marker: '', data: o.series[1].data[12]}])};");
            Map<?, ?> fan = (Map<?, ?>) drawn;
            assertEquals(List.of(19L, 19L), fan.get("lines"), fan.toString());
            assertEquals(2L, fan.get("bands"));
            assertTrue(((Long) fan.get("paths")) > 4, fan.toString());
            assertTrue(fan.get("title").toString().startsWith("Acute beds needed"), fan.toString());
            assertTrue(fan.get("tip").toString().contains("(p10\u2013p90 of 256 runs "), fan.toString());
            // both waterfalls, with the ACSC step as a bar
            assertEquals(
                    2,
                    browser.findElements(By.cssSelector("#explorer-waterfalls .chart svg"))
                            .size());
            screenshot("dashboard-scenario-explorer");
            js("document.getElementById('explorer-fan').scrollIntoView();");
            screenshot("dashboard-scenario-explorer-charts");
        }
    }

    private static long number(String text) {
        return Long.parseLong(text.replaceAll("[^0-9]", ""));
    }

    private static int loads;

    /** Opens the dashboard afresh at a link (a new query string, so the page loads rather than scrolls). */
    private static void open(String fragment) {
        browser.get(url("/?load=" + (++loads) + "#" + fragment));
        waitReady();
    }

    private static String jsList(List<String> items) {
        return "["
                + String.join(
                        ",",
                        items.stream()
                                .map(i -> "'" + i.replace("'", "\\'") + "'")
                                .toList()) + "]";
    }
}
