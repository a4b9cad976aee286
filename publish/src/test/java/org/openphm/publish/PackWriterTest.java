package org.openphm.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.Progress;
import org.openphm.publish.fixture.FixtureResults;
import org.openphm.publish.pack.PackSummary;
import org.openphm.publish.pack.PackWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PackWriterTest {
    @TempDir
    static Path dir;

    static PackSummary summary;
    static String html;

    @BeforeAll
    static void build() throws Exception {
        FixtureResults.write(dir);
        summary = PackWriter.write(dir, Progress.SILENT);
        html = Files.readString(summary.html(), StandardCharsets.UTF_8);
        System.out.printf(
                "pack on the fixture: %d sections, %d items, %d charts, html %,d bytes, pdf %,d bytes,"
                        + " %d pages, %d ms%n",
                summary.sections(),
                summary.items(),
                summary.charts(),
                summary.htmlBytes(),
                summary.pdfBytes(),
                summary.pdfPages(),
                summary.elapsed().toMillis());
    }

    @Test
    void theHtmlIsWellFormedSelfContainedAndHasTheTwelveSectionsInOrder() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(summary.html().toFile());
        List<String> sectionIds = new ArrayList<>();
        NodeList divs = doc.getElementsByTagName("div");
        for (int i = 0; i < divs.getLength(); i++) {
            Element d = (Element) divs.item(i);
            if ("section".equals(d.getAttribute("class"))) {
                sectionIds.add(d.getAttribute("id"));
            }
        }
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            expected.add("section-" + i);
        }
        assertEquals(expected, sectionIds);
        assertTrue(html.contains("href=\"#section-12\""), "contents links to every section");
        assertTrue(html.contains("href=\"#i-qof-diabetes\""), "contents links to every item");
        // Self-contained: no script, stylesheet or image fetched from anywhere.
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("src=\""));
        assertFalse(html.contains("<link"));
        assertEquals(0, summary.chartProblems());
        assertEquals(
                2 * 3 + 6 + 2,
                summary.charts(),
                "two default charts per indicator, one per analysis but two for DP 8.4");
    }

    /** The PDF renderer reads an SVG's width and height as integers (it warned once per chart on "720.0"). */
    @Test
    void printChartsDeclareWholePixelSizes() {
        java.util.regex.Matcher svg =
                java.util.regex.Pattern.compile("<svg[^>]*>").matcher(html);
        int charts = 0;
        while (svg.find()) {
            String tag = svg.group();
            if (tag.contains("width=")) {
                charts++;
                assertTrue(
                        tag.matches("(?s).*\\bwidth=['\"]\\d+['\"].*")
                                && tag.matches("(?s).*\\bheight=['\"]\\d+['\"].*"),
                        tag);
            }
        }
        assertTrue(charts > 0, "no sized SVG charts in the pack");
    }

    @Test
    void keyPointsDefinitionsSourcesAndCaveatsArePrinted() {
        assertTrue(html.contains("Significantly higher than England (7.9%; 95% CI): Bedford (8.4%) and Luton (9.4%)."));
        assertTrue(html.contains("All ages: 1,139,000 in 2025 to 1,382,000 in 2043 (+21% by 2043)."));
        // Byar 95% lower limits: Bedford 49 / 42,000 -> 86 per 100,000, Central Beds 104 / 64,000 -> 133, MK
        // 75 / 72,000 -> 82, all above England's 80: worse; Luton 61 / 62,000 -> 75, below it: similar.
        assertTrue(
                html.contains("Significantly worse than England (80.0 per 100,000; 95% CI): Bedford (116.7 per"
                        + " 100,000), Central Bedfordshire (162.5 per 100,000) and Milton Keynes (104.2 per 100,000)."),
                "DP 3.8 with polarity: a higher admission rate is worse");
        assertTrue(html.contains("Luton is not significantly different from England (80.0 per 100,000)."));
        assertTrue(html.contains("QOF registers count diagnosed, recorded cases"));
        assertTrue(html.contains("Fixture: hand-made test data"));
        assertTrue(html.contains("No analysis in this build covers this section yet."), "empty sections say so");
    }

    @Test
    void everySectionOfThePdfRendersToANonBlankPage() throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/pdftoppm")) && Files.isExecutable(Path.of("/usr/bin/pdftotext")),
                "poppler-utils not installed (run .ci/browser-setup.sh): PDF page rendering not checked");
        assertTrue(summary.pdfPages() >= 14, "cover, contents and a page per section");
        Path pngDir = Files.createDirectories(dir.resolve("png"));
        run(
                "pdftoppm",
                "-r",
                "40",
                "-png",
                summary.pdf().toString(),
                pngDir.resolve("page").toString());
        for (int section = 1; section <= 12; section++) {
            int page = pageOf("Section " + section + " \u2013");
            assertTrue(page > 2, "section " + section + " starts after the cover and contents (page " + page + ")");
            BufferedImage image = ImageIO.read(pagePng(pngDir, page).toFile());
            double ink = inkFraction(image);
            assertTrue(ink > 0.003, "section " + section + " page " + page + " is blank (ink " + ink + ")");
        }
        // A chart page has colour, not only text: the DP 5.9 bars.
        int diabetes = pageOf("DP 5.9 \u2013 Diabetes");
        assertTrue(colourFraction(ImageIO.read(pagePng(pngDir, diabetes).toFile())) > 0.01, "DP 5.9 chart in colour");
    }

    private int pageOf(String heading) throws Exception {
        // The contents page lists every heading too, so the section itself is the last page that has it.
        for (int p = summary.pdfPages(); p >= 1; p--) {
            String text = run(
                    "pdftotext",
                    "-f",
                    String.valueOf(p),
                    "-l",
                    String.valueOf(p),
                    "-layout",
                    summary.pdf().toString(),
                    "-");
            if (text.contains(heading)) {
                return p;
            }
        }
        throw new AssertionError("no page with heading " + heading);
    }

    private static Path pagePng(Path pngDir, int page) throws IOException {
        try (var files = Files.list(pngDir)) {
            return files.filter(f -> f.getFileName().toString().matches("page-0*" + page + "\\.png"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no PNG for page " + page));
        }
    }

    private static double inkFraction(BufferedImage img) {
        long ink = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int lum = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                if (lum < 600) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) img.getWidth() * img.getHeight());
    }

    private static double colourFraction(BufferedImage img) {
        long colour = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    colour++;
                }
            }
        }
        return (double) colour / ((long) img.getWidth() * img.getHeight());
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }
}
