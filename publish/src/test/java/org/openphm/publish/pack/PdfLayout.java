package org.openphm.publish.pack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A printed pack as a reader meets it, read back with PDFBox: the text of each page, the outline (bookmarks)
 * with the page each entry opens, and the contents page's entries with the page number printed beside them.
 * Used by the pack tests on the fixture and by the CLI's test on a real build.
 */
public final class PdfLayout {
    /** An outline entry: its title, depth (0 for a section) and the 1-based page it opens. */
    public record Bookmark(String title, int level, int page) {}

    /** A contents line: its text and the page number printed after the leader dots. */
    public record ContentsEntry(String title, int page) {}

    private static final Pattern CONTENTS_LINE = Pattern.compile("^\\s*(.*?)\\s*\\.{4,}\\s*(\\d+)\\s*$");

    private final List<String> pages = new ArrayList<>();
    private final List<Bookmark> outline = new ArrayList<>();

    private PdfLayout() {}

    public static PdfLayout read(Path pdf) throws IOException {
        PdfLayout layout = new PdfLayout();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                layout.pages.add(stripper.getText(doc));
            }
            if (doc.getDocumentCatalog().getDocumentOutline() != null) {
                layout.walk(doc, doc.getDocumentCatalog().getDocumentOutline(), 0);
            }
        }
        return layout;
    }

    private void walk(PDDocument doc, PDOutlineNode node, int level) throws IOException {
        for (PDOutlineItem item : node.children()) {
            PDPage page = item.findDestinationPage(doc);
            outline.add(new Bookmark(
                    item.getTitle(), level, page == null ? -1 : doc.getPages().indexOf(page) + 1));
            walk(doc, item, level + 1);
        }
    }

    public List<String> pages() {
        return pages;
    }

    public List<Bookmark> outline() {
        return outline;
    }

    /** The 1-based page's text with whitespace runs made single spaces (headings wrap over lines). */
    public String flatText(int page) {
        return pages.get(page - 1).replaceAll("\\s+", " ");
    }

    /** Every line of the contents pages (those before the first page holding no contents line) with a page number. */
    public List<ContentsEntry> contents() {
        List<ContentsEntry> out = new ArrayList<>();
        boolean started = false;
        for (String page : pages) {
            boolean any = false;
            for (String line : page.split("\\R")) {
                Matcher m = CONTENTS_LINE.matcher(line);
                if (m.matches()) {
                    out.add(new ContentsEntry(
                            m.group(1).replaceAll("\\s+", " ").replaceFirst("^\\d+\\. ", ""),
                            Integer.parseInt(m.group(2))));
                    any = true;
                }
            }
            if (started && !any) {
                break;
            }
            started |= any;
        }
        return out;
    }

    /**
     * Pages whose only text, apart from the page footer, is headings: a title left alone at a page foot, its
     * content on the next page.
     */
    public List<Integer> headingOnlyPages(List<String> headings, String footer) {
        List<Integer> out = new ArrayList<>();
        for (int p = 1; p <= pages.size(); p++) {
            String rest = flatText(p);
            if (rest.isBlank()) {
                continue;
            }
            int foot = rest.indexOf(footer);
            if (foot >= 0) {
                rest = rest.substring(0, foot);
            }
            boolean hadHeading = false;
            for (String h : headings) {
                String flat = h.replaceAll("\\s+", " ");
                if (rest.contains(flat)) {
                    hadHeading = true;
                    rest = rest.replace(flat, " ");
                }
            }
            if (hadHeading && rest.isBlank()) {
                out.add(p);
            }
        }
        return out;
    }
}
