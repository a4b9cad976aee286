package org.openphm.publish.pack;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openphm.publish.chart.Chart;
import org.openphm.publish.chart.ChartResolver;
import org.openphm.publish.chart.ChartSpec;
import org.openphm.publish.chart.SvgChartRenderer;
import org.openphm.publish.results.DataTable;
import org.openphm.publish.results.PackMetadata;
import org.openphm.publish.results.ResultsDir;
import org.openphm.publish.text.KeyPointWriter;

/**
 * Writes the printed pack as one self-contained XHTML document (inline CSS and SVG, no scripts, no external
 * files), which is both {@code pack/index.html} and the input of the PDF renderer.
 */
final class PackHtml {
    /** Tables longer than this are cut in print, with a pointer to the full results file. */
    static final int MAX_TABLE_ROWS = 40;

    private final ResultsDir results;
    private final PackContents contents;
    private final ChartResolver resolver;
    private final SvgChartRenderer svg = new SvgChartRenderer();
    private final KeyPointWriter keyPoints = new KeyPointWriter();
    private int charts;
    private int chartProblems;

    PackHtml(ResultsDir results) {
        this.results = results;
        this.contents = PackContents.of(results);
        this.resolver = new ChartResolver(results);
    }

    int charts() { return charts; }

    int chartProblems() { return chartProblems; }

    PackContents contents() { return contents; }

    String write() {
        PackMetadata meta = results.metadata();
        StringBuilder h = new StringBuilder(1 << 20);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>Population health data pack").append(population(meta))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        cover(h, meta);
        tableOfContents(h);
        for (PackMetadata.Section s : contents.sections()) {
            section(h, s);
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static String population(PackMetadata meta) {
        return meta.population() == null ? "" : " \u2013 " + Xml.text(meta.population());
    }

    private void cover(StringBuilder h, PackMetadata meta) {
        // the cover names the ICB the pack is about, and opens with the headlines written from its results
        h.append("<div class=\"cover\">\n<h1 class=\"title\">Population health data pack</h1>\n");
        if (meta.population() != null) {
            h.append("<p class=\"population\">").append(Xml.text(meta.population())).append("</p>\n");
        }
        h.append("<p>Generated ").append(Xml.text(meta.generatedAt()))
                .append(" by OpenPHM from the results in <code>results/</code>. Every figure, chart and key point ")
                .append("is computed from the published, disclosure-controlled results; none is typed by hand.</p>\n")
                .append("<p class=\"legend\">Significance colours: ");
        // the colours the charts use, from the one place they are defined
        for (org.openphm.publish.chart.Comparison c : org.openphm.publish.chart.Comparison.values()) {
            h.append(swatch(c.colour(), c.label().toLowerCase(java.util.Locale.ROOT)));
        }
        h.append("</p>\n");
        List<String> glance = org.openphm.publish.text.Headlines.of(results);
        if (!glance.isEmpty()) {
            h.append("<div class=\"glance\"><h2>At a glance</h2>\n");
            bullets(h, "", glance);
            h.append("</div>\n");
        }
        h.append("</div>\n");
    }

    private static void bullets(StringBuilder h, String cssClass, List<String> lines) {
        h.append(cssClass.isEmpty() ? "<ul>" : "<ul class=\"" + cssClass + "\">");
        for (String line : lines) {
            h.append("<li>").append(Xml.text(line)).append("</li>");
        }
        h.append("</ul>\n");
    }

    private static String swatch(String colour, String label) {
        return "<span class=\"swatch\" style=\"background:" + colour + "\">\u00a0</span> " + label + " \u00a0";
    }

    private void tableOfContents(StringBuilder h) {
        h.append("<div class=\"contents\" id=\"contents\">\n<h1>Contents</h1>\n<ol class=\"toc\">\n");
        for (PackMetadata.Section s : contents.sections()) {
            h.append("<li><a class=\"toc-section\" href=\"#").append(sectionId(s)).append("\">")
                    .append(Xml.text(sectionTitle(s))).append("</a>\n");
            List<PackItem> items = contents.items(s.number());
            if (!items.isEmpty()) {
                h.append("<ul>");
                for (PackItem item : items) {
                    h.append("<li><a class=\"toc-item\" href=\"#").append(Xml.id(item.id())).append("\">")
                            .append(Xml.text(item.section() + " " + item.title())).append("</a></li>");
                }
                h.append("</ul>\n");
            }
            h.append("</li>\n");
        }
        h.append("</ol>\n</div>\n");
    }

    static String sectionId(PackMetadata.Section s) {
        return "section-" + s.number();
    }

    static String sectionTitle(PackMetadata.Section s) {
        return s.number() == 0 ? s.title() : "Section " + s.number() + " \u2013 " + s.title();
    }

    private void section(StringBuilder h, PackMetadata.Section s) {
        h.append("<div class=\"section\" id=\"").append(sectionId(s)).append("\">\n");
        sectionNavigation(h, s);
        h.append("<h1>").append(Xml.text(sectionTitle(s))).append("</h1>\n");
        List<PackItem> items = contents.items(s.number());
        if (items.isEmpty()) {
            h.append("<p class=\"empty\">No analysis in this build covers this section yet.</p>\n");
        }
        for (PackItem item : items) {
            item(h, item);
        }
        h.append("</div>\n");
    }

    private void sectionNavigation(StringBuilder h, PackMetadata.Section current) {
        h.append("<div class=\"nav\"><a href=\"#contents\">Contents</a>");
        for (PackMetadata.Section s : contents.sections()) {
            h.append(" | ");
            if (s.number() == current.number()) {
                h.append("<b>").append(s.number()).append("</b>");
            } else {
                h.append("<a href=\"#").append(sectionId(s)).append("\" title=\"").append(Xml.text(s.title()))
                        .append("\">").append(s.number() == 0 ? "Other" : String.valueOf(s.number())).append("</a>");
            }
        }
        h.append("</div>\n");
    }

    private void item(StringBuilder h, PackItem item) {
        h.append("<div class=\"item\" id=\"").append(Xml.id(item.id())).append("\">\n<h2>")
                .append(Xml.text(item.section())).append(" \u2013 ").append(Xml.text(item.title())).append("</h2>\n");
        if (item.definition() != null) {
            h.append("<p class=\"definition\">").append(Xml.text(item.definition())).append("</p>\n");
        }
        for (ChartSpec spec : item.charts()) {
            chart(h, spec);
        }
        h.append("<table class=\"about\">\n");
        row(h, "Method", item.method());
        row(h, "Source", item.source());
        h.append("</table>\n");
        if (!item.caveats().isEmpty()) {
            h.append("<div class=\"caveats\"><b>Data quality and caveats</b><ul>");
            for (String c : item.caveats()) {
                h.append("<li>").append(Xml.text(c)).append("</li>");
            }
            h.append("</ul></div>\n");
        }
        h.append("</div>\n");
    }

    private static void row(StringBuilder h, String label, String value) {
        if (value != null && !value.isBlank()) {
            h.append("<tr><th>").append(label).append("</th><td>").append(Xml.text(value)).append("</td></tr>\n");
        }
    }

    private void chart(StringBuilder h, ChartSpec spec) {
        Chart chart;
        try {
            chart = resolver.resolve(spec);
        } catch (IllegalArgumentException e) {
            chartProblems++;
            h.append("<p class=\"problem\">This chart could not be drawn: ").append(Xml.text(e.getMessage()))
                    .append("</p>\n");
            return;
        }
        charts++;
        // A table too wide for a portrait page is printed on a landscape one.
        PrintTable printed = chart instanceof Chart.Table ? PrintTable.of(chart.source()) : null;
        boolean landscape = printed != null && printed.columns().size() > LANDSCAPE_COLUMNS;
        h.append(landscape ? "<div class=\"figure landscape\">\n" : "<div class=\"figure\">\n");
        Optional<String> drawn = svg.svg(chart);
        if (drawn.isPresent()) {
            h.append("<div class=\"chart\">").append(drawn.get()).append("</div>\n");
        } else {
            h.append("<h3>").append(Xml.text(chart.title())).append("</h3>\n");
            table(h, printed != null ? printed : PrintTable.of(chart.source()), chart.source(), spec.data().table());
        }
        if (chart instanceof Chart.Spc spc) {
            h.append("<p class=\"icons\">");
            if (spc.variation() != null) {
                h.append(spc.variation().svg(36)).append(' ');
            }
            if (spc.assurance() != null) {
                h.append(spc.assurance().svg(36));
            }
            h.append("</p>\n");
        }
        List<String> points = keyPoints.write(chart);
        if (!points.isEmpty()) {
            bullets(h, "keypoints", points);
        }
        h.append("</div>\n");
    }

    private static void table(StringBuilder h, PrintTable t, DataTable full, String file) {
        // Very wide tables get a smaller type so that a name is not broken over several lines.
        h.append(t.columns().size() > 9 ? "<table class=\"data wide\"><thead><tr>" : "<table class=\"data\"><thead><tr>");
        for (String c : t.columns()) {
            h.append("<th>").append(Xml.text(c.replace('_', ' '))).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        int shown = Math.min(MAX_TABLE_ROWS, t.rows().size());
        for (int r = 0; r < shown; r++) {
            h.append("<tr>");
            for (String v : t.rows().get(r)) {
                boolean numeric = org.openphm.publish.results.Numbers.parse(v) != null;
                // short values (years, dates, codes, grades) are never broken over two lines
                boolean shortValue = v != null && v.length() <= 10;
                h.append(numeric ? "<td class=\"num\">" : shortValue ? "<td class=\"nw\">" : "<td>")
                        .append(Xml.text(org.openphm.publish.results.Numbers.display(v))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
        for (Map.Entry<String, String> note : t.footnotes().entrySet()) {
            h.append("<p class=\"note\">").append(Xml.text(capitalised(note.getKey().replace('_', ' '))))
                    .append(" (every row): ").append(Xml.text(note.getValue())).append("</p>\n");
        }
        if (shown < t.rows().size() || t.columns().size() < full.columns().size()) {
            h.append("<p class=\"note\">").append(shown < t.rows().size()
                            ? "First " + shown + " of " + t.rows().size() + " rows; the"
                            : "The")
                    .append(" full table, with codes, is in results/").append(Xml.text(file == null ? full.name() : file))
                    .append(".</p>\n");
        }
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Printed tables with more columns than this go on a landscape page. */
    static final int LANDSCAPE_COLUMNS = 12;

    /** Print-first styles; the PDF and the HTML share them. DejaVu Sans carries £, ≥ and –. */
    private static final String CSS = """
            @page { size: A4; margin: 16mm 14mm 18mm 14mm;
                    @bottom-center { content: "OpenPHM data pack \\2013  page " counter(page) " of " counter(pages);
                                     font-family: 'DejaVu Sans'; font-size: 8pt; color: #666; } }
            @page landscape { size: A4 landscape; margin: 14mm 16mm 16mm 16mm;
                    @bottom-center { content: "OpenPHM data pack \\2013  page " counter(page) " of " counter(pages);
                                     font-family: 'DejaVu Sans'; font-size: 8pt; color: #666; } }
            .landscape { page: landscape; }
            body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; color: #1a1a1a; max-width: 820px;
                   margin: 0 auto; line-height: 1.35; }
            h1 { font-size: 18pt; color: #005eb8; border-bottom: 2px solid #005eb8; padding-bottom: 4px; }
            h1.title { font-size: 26pt; border: none; margin-top: 80px; }
            h2 { font-size: 13pt; color: #003087; margin-top: 18px; }
            h3 { font-size: 11pt; }
            .cover { page-break-after: always; }
            .population { font-size: 14pt; }
            .contents { page-break-after: always; }
            .toc a { color: #003087; text-decoration: none; }
            .toc ul { font-size: 9pt; margin-bottom: 6px; }
            .section { page-break-before: always; }
            .nav { font-size: 8pt; color: #666; margin-bottom: 4px; }
            .nav a { color: #005eb8; }
            .item { margin-bottom: 18px; }
            .figure { page-break-inside: avoid; margin: 8px 0 12px 0; }
            .chart svg { width: 100%; height: auto; }
            .definition { font-style: italic; }
            .glance { background: #eef4fb; border-left: 4px solid #005eb8; padding: 4px 10px; font-size: 9pt;
                      margin-top: 24px; }
            .keypoints { background: #eef4fb; border-left: 4px solid #005eb8; padding: 6px 6px 6px 24px; }
            .caveats { background: #fff6e5; border-left: 4px solid #f0ad4e; padding: 6px; font-size: 9pt; }
            .problem { background: #fdecea; border-left: 4px solid #d9534f; padding: 6px; }
            .empty { color: #666; font-style: italic; }
            table.about th { text-align: left; vertical-align: top; padding-right: 8px; font-size: 9pt; }
            table.about td { font-size: 9pt; }
            table.data { border-collapse: collapse; font-size: 8pt; width: 100%; }
            table.data th, table.data td { border: 1px solid #ccc; padding: 2px 4px; }
            table.data th { background: #e8edf2; text-align: left; }
            table.data.wide { font-size: 7pt; }
            td.nw, td.num { white-space: nowrap; }
            td.num { text-align: right; }
            .swatch { display: inline-block; width: 12px; height: 12px; }
            .note { font-size: 8pt; color: #555; }
            @media screen { .section { border-top: 1px solid #ccc; margin-top: 30px; } }
            @media print { .nav { display: none; } .landscape { width: 262mm; } }
            """;
}
