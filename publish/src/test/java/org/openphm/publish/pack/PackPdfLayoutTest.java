package org.openphm.publish.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.Progress;
import org.openphm.model.results.PackMetadata;
import org.openphm.publish.fixture.FixtureResults;
import org.openphm.publish.results.ResultsDir;

/**
 * The printed packs as a commissioner uses them (issue 16, item 6): the contents page prints the page each
 * section and item starts on, the PDF's outline opens the same pages, no page carries only a heading, and the
 * summary pack prints each item once with its section's key insights.
 */
class PackPdfLayoutTest {
    @TempDir
    static Path dir;

    static PackSummary written;
    static PdfLayout full;
    static PdfLayout summary;
    static PackContents contents;

    @BeforeAll
    static void write() throws Exception {
        FixtureResults.write(dir);
        written = PackWriter.write(dir, Progress.SILENT);
        full = PdfLayout.read(written.pdf());
        summary = PdfLayout.read(written.summaryPdf());
        contents = PackContents.of(ResultsDir.load(dir));
    }

    static String heading(PackItem item) {
        return item.section() + " \u2013 " + item.title();
    }

    @Test
    void theContentsPagePrintsThePageEachSectionAndItemStartsOn() {
        for (PdfLayout pdf : List.of(full, summary)) {
            List<PdfLayout.ContentsEntry> entries = pdf.contents();
            assertEquals(contents.sections().size() + contents.allItems().size(), entries.size(), entries.toString());
            for (PackMetadata.Section s : contents.sections()) {
                PdfLayout.ContentsEntry e = entry(entries, PackHtml.sectionTitle(s));
                assertTrue(
                        pdf.flatText(e.page()).contains(PackHtml.sectionTitle(s)),
                        "contents says " + s.title() + " is on page " + e.page());
                for (PackItem item : contents.items(s.number())) {
                    PdfLayout.ContentsEntry i = entry(entries, item.section() + " " + item.title());
                    assertTrue(
                            pdf.flatText(i.page()).contains(heading(item)),
                            "contents says " + item.section() + " is on page " + i.page());
                    assertTrue(i.page() >= e.page(), "an item is not before its section");
                }
            }
        }
    }

    private static PdfLayout.ContentsEntry entry(List<PdfLayout.ContentsEntry> entries, String title) {
        return entries.stream()
                .filter(e -> e.title().equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no contents line for " + title + " in " + entries));
    }

    @Test
    void theOutlineHasEverySectionWithItsItemsAndOpensTheirPages() {
        for (PdfLayout pdf : List.of(full, summary)) {
            List<PdfLayout.Bookmark> sections =
                    pdf.outline().stream().filter(b -> b.level() == 0).toList();
            List<String> expected = new ArrayList<>(List.of("Contents"));
            contents.sections().forEach(s -> expected.add(PackHtml.sectionTitle(s)));
            if (pdf == summary) {
                expected.add("Appendix: the full data pack");
            }
            assertEquals(
                    expected, sections.stream().map(PdfLayout.Bookmark::title).toList());
            int items = 0;
            for (PdfLayout.Bookmark b : pdf.outline()) {
                assertTrue(b.page() > 0, "bookmark " + b.title() + " opens no page");
                if (b.level() == 1) {
                    items++;
                    String dp = b.title().substring(0, b.title().indexOf(' ', 3));
                    assertTrue(pdf.flatText(b.page()).contains(dp + " \u2013"), b + " opens a page without " + dp);
                } else if (!b.title().equals("Contents") && !b.title().startsWith("Appendix")) {
                    assertTrue(pdf.flatText(b.page()).contains(b.title()), b + " opens a page without its title");
                }
            }
            assertEquals(contents.allItems().size(), items);
        }
    }

    @Test
    void noPageCarriesOnlyAHeading() {
        List<String> headings = new ArrayList<>();
        contents.sections().forEach(s -> headings.add(PackHtml.sectionTitle(s)));
        contents.allItems().forEach(i -> headings.add(heading(i)));
        assertEquals(List.of(), full.headingOnlyPages(headings, "OpenPHM data pack"));
        assertEquals(List.of(), summary.headingOnlyPages(headings, "OpenPHM data pack"));
    }

    @Test
    void theSummaryPrintsEachItemOnceWithItsSectionsKeyInsightsAndPointsToTheFullPack() {
        assertTrue(written.summaryPages() < written.pdfPages(), written.summaryPages() + " vs " + written.pdfPages());
        String all = String.join(" ", summary.pages()).replaceAll("\\s+", " ");
        assertTrue(all.contains("Key insights"));
        assertTrue(all.contains("Appendix: the full data pack"));
        assertFalse(all.contains("Data quality and caveats"), "the summary leaves caveats to the full pack");
        for (PackItem item : contents.allItems()) {
            int first = all.indexOf(heading(item));
            assertTrue(first >= 0, "summary has " + item.section());
            assertTrue(all.contains(item.section() + " in the full pack (appendix)"));
        }
        // the fixture's DP 3.8 bars: its first key point opens the section's key insights
        assertTrue(
                all.contains("DP 3.8: Significantly worse than England"),
                () -> all.substring(all.lastIndexOf("Section 3 \u2013")));
    }
}
