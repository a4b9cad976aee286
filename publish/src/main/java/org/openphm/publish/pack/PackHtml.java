package org.openphm.publish.pack;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openphm.publish.chart.Chart;
import org.openphm.publish.chart.ChartResolver;
import org.openphm.model.results.ChartSpec;
import org.openphm.publish.chart.SvgChartRenderer;
import org.openphm.publish.results.DataTable;
import org.openphm.model.results.PackMetadata;
import org.openphm.publish.results.ResultsDir;
import org.openphm.publish.text.ColumnLabel;
import org.openphm.publish.text.KeyPointWriter;

/**
 * Writes the printed pack as one self-contained XHTML document (inline CSS and SVG, no scripts, no external
 * files), which is both {@code pack/index.html} and the input of the PDF renderer.
 */
final class PackHtml {
    /** Tables longer than this are cut in print, with a pointer to the full results file. */
    static final int MAX_TABLE_ROWS = 40;
    /** Key points printed under a chart of the summary pack; the full pack prints them all. */
    static final int SUMMARY_KEY_POINTS = 3;

    /**
     * The full pack prints every chart with its method, source and caveats; the summary, in the seed's length
     * and order, prints each item's headline chart and each section's key insights, the full pack being its
     * appendix.
     */
    enum Mode { FULL, SUMMARY }

    private final ResultsDir results;
    private final PackContents contents;
    private final ChartResolver resolver;
    private final SvgChartRenderer svg = new SvgChartRenderer();
    private final KeyPointWriter keyPoints = new KeyPointWriter();
    private final Mode mode;
    private final Map<String, Map<String, String>> columnTypes;
    private int charts;
    private int chartProblems;

    PackHtml(ResultsDir results) {
        this(results, Mode.FULL);
    }

    PackHtml(ResultsDir results, Mode mode) {
        this.results = results;
        this.mode = mode;
        this.contents = PackContents.of(results);
        this.resolver = new ChartResolver(results);
        this.columnTypes = columnTypes(results.metadata());
    }

    /** results file → column → declared type ("count", "number", "integer", "boolean", …). */
    private static Map<String, Map<String, String>> columnTypes(PackMetadata meta) {
        Map<String, Map<String, String>> out = new java.util.HashMap<>();
        for (PackMetadata.AnalysisInfo a : meta.analyses()) {
            for (PackMetadata.TableInfo t : a.tables()) {
                Map<String, String> types = new java.util.HashMap<>();
                for (PackMetadata.ColumnInfo c : t.columns()) {
                    types.put(c.name(), c.type());
                }
                out.put(t.file(), types);
            }
        }
        return out;
    }

    int charts() { return charts; }

    int chartProblems() { return chartProblems; }

    PackContents contents() { return contents; }

    String write() {
        PackMetadata meta = results.metadata();
        StringBuilder h = new StringBuilder(1 << 20);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>").append(title()).append(population(meta))
                .append("</title>\n<style>\n")
                .append(mode == Mode.SUMMARY ? CSS.replace("\"OpenPHM data pack ", "\"OpenPHM data pack summary ") : CSS)
                .append("</style>\n</head>\n<body>\n");
        cover(h, meta);
        tableOfContents(h);
        for (PackMetadata.Section s : contents.sections()) {
            section(h, s);
        }
        if (mode == Mode.SUMMARY) {
            appendix(h);
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private String title() {
        return mode == Mode.SUMMARY ? "Population health data pack: summary" : "Population health data pack";
    }

    /**
     * The PDF's outline (openhtmltopdf's {@code <bookmarks>} head element): a bookmark per section and, under
     * it, per indicator and analysis, so a reader of a 400-page PDF jumps to "DP 8.4" from the side panel.
     * Kept out of the HTML file, whose browsers have their own navigation.
     */
    String bookmarks() {
        StringBuilder b = new StringBuilder("<bookmarks>\n<bookmark name=\"Contents\" href=\"#contents\"/>\n");
        for (PackMetadata.Section s : contents.sections()) {
            b.append("<bookmark name=\"").append(Xml.text(sectionTitle(s))).append("\" href=\"#")
                    .append(sectionId(s)).append("\">");
            for (PackItem item : contents.items(s.number())) {
                b.append("<bookmark name=\"").append(Xml.text(item.section() + " " + item.title()))
                        .append("\" href=\"#").append(Xml.id(item.id())).append("\"/>");
            }
            b.append("</bookmark>\n");
        }
        if (mode == Mode.SUMMARY) {
            b.append("<bookmark name=\"Appendix: the full data pack\" href=\"#appendix\"/>\n");
        }
        return b.append("</bookmarks>\n").toString();
    }

    private static String population(PackMetadata meta) {
        return meta.population() == null ? "" : " \u2013 " + Xml.text(meta.population());
    }

    private void cover(StringBuilder h, PackMetadata meta) {
        // the cover names the ICB the pack is about, and opens with the headlines written from its results
        h.append("<div class=\"cover\">\n<h1 class=\"title\">").append(title()).append("</h1>\n");
        if (meta.population() != null) {
            h.append("<p class=\"population\">").append(Xml.text(meta.population())).append("</p>\n");
        }
        h.append("<p>Generated ").append(Xml.text(meta.generatedAt()))
                .append(" by OpenPHM from the results in <code>results/</code>. Every figure, chart and key point ")
                .append("is computed from the published, disclosure-controlled results; none is typed by hand.");
        if (mode == Mode.SUMMARY) {
            h.append(" This summary prints each analysis's headline chart and each section's key insights, in the ")
                    .append("order of the data pack; the full pack (<code>datapack.pdf</code>) is its appendix, with ")
                    .append("every chart, table, method, source and caveat.");
        }
        h.append("</p>\n<p class=\"legend\">Significance colours: ");
        // the colours the charts use, from the one place they are defined
        for (org.openphm.model.Comparison c : org.openphm.model.Comparison.values()) {
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
            // the page number is the renderer's (target-counter in the CSS), so it is always the true page
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
        String heading = "<h1>" + Xml.text(sectionTitle(s)) + "</h1>\n";
        List<PackItem> items = contents.items(s.number());
        if (items.isEmpty()) {
            h.append(heading).append("<p class=\"empty\">No analysis in this build covers this section yet.</p>\n");
        }
        if (mode == Mode.SUMMARY && !items.isEmpty()) {
            // The section opens with its key insights, as the seed's pages do: the first key point of each
            // item's headline chart, so the items are drawn first and the section written after.
            StringBuilder body = new StringBuilder();
            List<String> insights = new java.util.ArrayList<>();
            for (PackItem item : items) {
                insights.addAll(item(body, item, null));
            }
            h.append("<div class=\"opening\">").append(heading);
            if (!insights.isEmpty()) {
                h.append("<div class=\"insights\"><h2>Key insights</h2>\n");
                bullets(h, "", insights);
                h.append("</div>\n");
            }
            h.append("</div>\n").append(body);
        } else {
            for (int i = 0; i < items.size(); i++) {
                item(h, items.get(i), i == 0 ? heading : null);
            }
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

    /**
     * An indicator or analysis: its heading, definition and first chart are kept on one page (a heading never
     * sits alone at a page foot), with the section's heading too when it is the section's first item.
     *
     * @return the item's key insight for a summary section: "DP 5.9: …" from its headline chart, or nothing
     */
    private List<String> item(StringBuilder h, PackItem item, String sectionHeading) {
        List<Figure> figures = new java.util.ArrayList<>();
        List<ChartSpec> specs = mode == Mode.SUMMARY ? headline(item.charts()) : item.charts();
        for (ChartSpec spec : specs) {
            figures.add(figure(spec));
        }
        h.append("<div class=\"item\" id=\"").append(Xml.id(item.id())).append("\">\n");
        boolean firstLandscape = !figures.isEmpty() && figures.get(0).landscape();
        h.append(firstLandscape ? "<div class=\"keep landscape\">\n" : "<div class=\"keep\">\n");
        if (sectionHeading != null) {
            h.append(sectionHeading);
        }
        h.append("<h2>").append(Xml.text(item.section())).append(" \u2013 ").append(Xml.text(item.title()))
                .append("</h2>\n");
        if (item.definition() != null) {
            h.append("<p class=\"definition\">").append(Xml.text(item.definition())).append("</p>\n");
        }
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            // the first figure is inside the kept block; a landscape one after it gets its own page
            h.append(i > 0 && f.landscape() ? "<div class=\"figure landscape\">\n" : "<div class=\"figure\">\n")
                    .append(f.html()).append("</div>\n");
            if (i == 0) {
                h.append("</div>\n");
            }
        }
        if (figures.isEmpty()) {
            h.append("</div>\n");
        }
        if (mode == Mode.FULL) {
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
        } else {
            int more = item.charts().size() - specs.size();
            h.append("<p class=\"note\">").append(Xml.text(item.section())).append(" in the full pack (appendix): ")
                    .append("definition, method, source and caveats")
                    .append(more > 0 ? ", and " + more + " more chart" + (more == 1 ? "" : "s") : "")
                    .append(".</p>\n");
        }
        h.append("</div>\n");
        List<String> points = figures.stream().flatMap(f -> f.keyPoints().stream()).toList();
        // a significant difference or change says more than a highest/lowest; failing one, the first point
        return points.stream().filter(PackHtml::significant).findFirst().or(() -> points.stream().findFirst())
                .map(k -> List.of(item.section() + ": " + k)).orElse(List.of());
    }

    private static boolean significant(String keyPoint) {
        return keyPoint.startsWith("Significantly") || keyPoint.contains("special cause variation")
                || keyPoint.contains("significant rise") || keyPoint.contains("significant fall");
    }

    /** The chart a summary shows for an item: its first drawn chart (a table only when it has nothing else). */
    private static List<ChartSpec> headline(List<ChartSpec> charts) {
        return charts.stream().filter(c -> !"table".equals(c.kind())).findFirst()
                .or(() -> charts.stream().findFirst()).map(List::of).orElse(List.of());
    }

    private void appendix(StringBuilder h) {
        h.append("<div class=\"section\" id=\"appendix\">\n<h1>Appendix: the full data pack</h1>\n<p>")
                .append("Every indicator and analysis summarised here is in the full pack (pack/").append(PackWriter.PDF)
                .append(", and pack/").append(PackWriter.HTML).append(" to read in a browser) under the same DP number, ")
                .append("with all its charts, tables, method, source and data-quality caveats. The figures behind ")
                .append("both are in the results folder, described by results/metadata.json.</p>\n</div>\n");
    }

    private static void row(StringBuilder h, String label, String value) {
        if (value != null && !value.isBlank()) {
            h.append("<tr><th>").append(label).append("</th><td>").append(Xml.text(value)).append("</td></tr>\n");
        }
    }

    /** A chart or table as printed: its HTML, whether it needs a landscape page, and its key points. */
    private record Figure(String html, boolean landscape, List<String> keyPoints) {}

    private Figure figure(ChartSpec spec) {
        Chart chart;
        try {
            chart = resolver.resolve(spec);
        } catch (IllegalArgumentException e) {
            chartProblems++;
            return new Figure("<p class=\"problem\">This chart could not be drawn: " + Xml.text(e.getMessage())
                    + "</p>\n", false, List.of());
        }
        charts++;
        StringBuilder h = new StringBuilder();
        // A table too wide for a portrait page is printed on a landscape one.
        PrintTable printed = chart instanceof Chart.Table ? PrintTable.of(chart.source()) : null;
        boolean landscape = printed != null && printed.columns().size() > LANDSCAPE_COLUMNS;
        List<Chart> panels = LinePanels.of(chart);
        Optional<String> drawn = svg.svg(panels.get(0));
        if (drawn.isPresent()) {
            h.append("<div class=\"chart\">").append(drawn.get()).append("</div>\n");
            for (Chart panel : panels.subList(1, panels.size())) {
                svg.svg(panel).ifPresent(p -> h.append("<div class=\"chart\">").append(p).append("</div>\n"));
            }
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
        List<String> printedPoints = mode == Mode.SUMMARY && points.size() > SUMMARY_KEY_POINTS
                ? points.subList(0, SUMMARY_KEY_POINTS) : points;
        if (!printedPoints.isEmpty()) {
            bullets(h, "keypoints", printedPoints);
        }
        return new Figure(h.toString(), landscape, points);
    }

    private void table(StringBuilder h, PrintTable t, DataTable full, String file) {
        Map<String, String> types = columnTypes.getOrDefault(file == null ? full.name() : file, Map.of());
        // Very wide tables get a smaller type so that a name is not broken over several lines.
        h.append(t.columns().size() > 9 ? "<table class=\"data wide\"><thead><tr>" : "<table class=\"data\"><thead><tr>");
        for (String c : t.columns()) {
            // data-column keeps the results column's name for the output checker and for a reader's search
            h.append("<th data-column=\"").append(Xml.text(c)).append("\">").append(Xml.text(ColumnLabel.of(c)))
                    .append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        int shown = Math.min(MAX_TABLE_ROWS, t.rows().size());
        for (int r = 0; r < shown; r++) {
            h.append("<tr>");
            List<String> row = t.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                String v = row.get(c);
                boolean numeric = org.openphm.publish.results.Numbers.parse(v) != null;
                // short values (years, dates, codes, grades) are never broken over two lines
                boolean shortValue = v != null && v.length() <= 10;
                h.append(numeric ? "<td class=\"num\">" : shortValue ? "<td class=\"nw\">" : "<td>")
                        .append(Xml.text(CellFormat.of(v, types.get(t.columns().get(c)), t.columns().get(c))))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
        for (Map.Entry<String, String> note : t.footnotes().entrySet()) {
            h.append("<p class=\"note\">").append(Xml.text(ColumnLabel.of(note.getKey())))
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
            .toc a::after { content: leader('.') target-counter(attr(href), page); }
            .keep, .opening { page-break-inside: avoid; }
            h1, h2, h3 { page-break-after: avoid; }
            .insights { background: #eef4fb; border-left: 4px solid #005eb8; padding: 4px 10px; }
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
            table.data { border-collapse: collapse; font-size: 8pt; width: 100%;
                         -fs-table-paginate: paginate; -fs-page-break-min-height: 2.5cm; }
            table.data tr { page-break-inside: avoid; }
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
