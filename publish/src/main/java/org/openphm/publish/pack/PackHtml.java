package org.openphm.publish.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.openphm.model.Comparison;
import org.openphm.model.results.ChartSpec;
import org.openphm.model.results.PackMetadata;
import org.openphm.publish.chart.Chart;
import org.openphm.publish.chart.ChartResolver;
import org.openphm.publish.chart.SvgChartRenderer;
import org.openphm.publish.results.DataTable;
import org.openphm.publish.results.Numbers;
import org.openphm.publish.results.ResultsDir;
import org.openphm.publish.text.ColumnLabel;
import org.openphm.publish.text.Headlines;
import org.openphm.publish.text.KeyPointWriter;

/**
 * Writes the printed pack as one self-contained XHTML document (inline CSS and SVG, no scripts, no external
 * files), which is both {@code pack/index.html} and the input of the PDF renderer. This class decides what the
 * page holds (sections, items, charts, key points, table cells) as small views; the Mustache templates beside
 * it in the resources ({@code pack.mustache} and its partials) hold the markup and the styles.
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
    enum Mode {
        FULL,
        SUMMARY
    }

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

    int charts() {
        return charts;
    }

    int chartProblems() {
        return chartProblems;
    }

    PackContents contents() {
        return contents;
    }

    String write() {
        PackMetadata meta = results.metadata();
        List<Swatch> swatches = new ArrayList<>();
        // the colours the charts use, from the one place they are defined
        for (Comparison c : Comparison.values()) {
            swatches.add(new Swatch(c.colour(), c.label().toLowerCase(Locale.ROOT)));
        }
        List<SectionView> sections = new ArrayList<>();
        for (PackMetadata.Section s : contents.sections()) {
            sections.add(section(s));
        }
        return PackTemplates.render(
                "pack",
                new Page(
                        mode == Mode.SUMMARY,
                        title(),
                        optional(meta.population()),
                        meta.generatedAt(),
                        swatches,
                        bullets(Headlines.of(results)),
                        toc(),
                        sections,
                        PackWriter.PDF,
                        PackWriter.HTML));
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
        return PackTemplates.render("bookmarks", new Outline(mode == Mode.SUMMARY, toc()));
    }

    // The views the templates (src/main/resources/org/openphm/publish/pack/*.mustache) print. Text is escaped
    // by the templates ({{ }}); only markup this module draws itself (charts' and icons' SVG) is inserted as is.

    record Page(
            boolean summary,
            String title,
            List<String> population,
            String generatedAt,
            List<Swatch> swatches,
            Bullets glance,
            List<SectionLink> toc,
            List<SectionView> sections,
            String pdfFile,
            String htmlFile) {}

    record Outline(boolean summary, List<SectionLink> toc) {}

    record Swatch(String colour, String label) {}

    /** A bulleted list, absent when it has no lines. */
    record Bullets(List<String> lines) {}

    record SectionLink(String id, String heading, List<ItemLink> items) {
        boolean listed() {
            return !items.isEmpty();
        }
    }

    record ItemLink(String id, String name) {}

    record NavLink(String id, String title, String label, boolean current) {}

    record SectionView(
            String id,
            String heading,
            List<NavLink> nav,
            boolean empty,
            boolean opening,
            Bullets insights,
            List<ItemView> items) {}

    record ItemView(
            String id,
            boolean landscape,
            List<String> sectionHeading,
            String section,
            String title,
            List<String> definition,
            Figure first,
            List<Figure> others,
            About about,
            FullPackNote inFullPack) {}

    record About(List<AboutRow> rows, Bullets caveats) {}

    record AboutRow(String label, String value) {}

    /** A summary's pointer to the item in the full pack, with how many of its charts the summary leaves out. */
    record FullPackNote(Integer moreCharts, boolean plural) {}

    /**
     * A chart or table as printed: whether it needs a landscape page, and its key points (all of them, for a
     * summary's insights; the printed ones in {@code keyPoints}).
     *
     * @param svgs the chart's panels as SvgChartRenderer draws them (JFreeSVG escapes their text), printed as is
     */
    record Figure(
            boolean landscape,
            boolean ownPage,
            List<String> problem,
            List<String> svgs,
            TableView table,
            Icons icons,
            Bullets keyPoints,
            List<String> points) {
        Figure onOwnPage(boolean own) {
            return new Figure(landscape, own, problem, svgs, table, icons, keyPoints, points);
        }
    }

    /** An SPC chart's variation and assurance icons: SVG drawn by this module, printed as is. */
    record Icons(String variation, String assurance) {}

    record TableView(
            String title, boolean wide, List<Column> columns, List<Row> rows, List<Footnote> footnotes, Cut cut) {}

    /** @param name the results column's name, kept (data-column) for the output checker and a reader's search */
    record Column(String name, String label) {}

    record Row(List<Cell> cells) {}

    record Cell(String cssClass, String text) {}

    record Footnote(String label, String text) {}

    /** A pointer to the full results file when the printed table leaves rows or columns out. */
    record Cut(boolean rowsCut, int shown, int total, String file) {}

    /** A text printed when present, even when empty: a Mustache section shows an empty string as absent. */
    private static List<String> optional(String s) {
        return s == null ? List.of() : List.of(s);
    }

    private static Bullets bullets(List<String> lines) {
        return lines.isEmpty() ? null : new Bullets(lines);
    }

    private List<SectionLink> toc() {
        List<SectionLink> toc = new ArrayList<>();
        for (PackMetadata.Section s : contents.sections()) {
            List<ItemLink> items = new ArrayList<>();
            for (PackItem item : contents.items(s.number())) {
                items.add(new ItemLink(Xml.id(item.id()), item.section() + " " + item.title()));
            }
            toc.add(new SectionLink(sectionId(s), sectionTitle(s), items));
        }
        return toc;
    }

    static String sectionId(PackMetadata.Section s) {
        return "section-" + s.number();
    }

    static String sectionTitle(PackMetadata.Section s) {
        return s.number() == 0 ? s.title() : "Section " + s.number() + " \u2013 " + s.title();
    }

    private SectionView section(PackMetadata.Section s) {
        List<NavLink> nav = new ArrayList<>();
        for (PackMetadata.Section other : contents.sections()) {
            nav.add(new NavLink(
                    sectionId(other),
                    other.title(),
                    other.number() == 0 ? "Other" : String.valueOf(other.number()),
                    other.number() == s.number()));
        }
        List<PackItem> items = contents.items(s.number());
        List<ItemView> views = new ArrayList<>();
        List<String> insights = new ArrayList<>();
        // A summary section opens with its key insights: the first key point of each item's headline chart,
        // so the items are drawn first. The full pack's first item carries the section's heading.
        boolean opening = mode == Mode.SUMMARY && !items.isEmpty();
        for (int i = 0; i < items.size(); i++) {
            ItemView view = item(items.get(i), !opening && i == 0 ? sectionTitle(s) : null);
            views.add(view);
            insights.addAll(insight(items.get(i), view));
        }
        return new SectionView(
                sectionId(s),
                sectionTitle(s),
                nav,
                items.isEmpty(),
                opening,
                opening ? bullets(insights) : null,
                views);
    }

    /**
     * An indicator or analysis: its heading, definition and first chart are kept on one page (a heading never
     * sits alone at a page foot), with the section's heading too when it is the section's first item.
     */
    private ItemView item(PackItem item, String sectionHeading) {
        List<Figure> figures = new ArrayList<>();
        List<ChartSpec> specs = mode == Mode.SUMMARY ? headline(item.charts()) : item.charts();
        for (int i = 0; i < specs.size(); i++) {
            // the first figure is inside the kept block; a landscape one after it gets its own page
            Figure f = figure(specs.get(i));
            figures.add(f.onOwnPage(i > 0 && f.landscape()));
        }
        boolean firstLandscape = !figures.isEmpty() && figures.get(0).landscape();
        About about = null;
        FullPackNote note = null;
        if (mode == Mode.FULL) {
            List<AboutRow> rows = new ArrayList<>();
            if (item.method() != null && !item.method().isBlank()) {
                rows.add(new AboutRow("Method", item.method()));
            }
            if (item.source() != null && !item.source().isBlank()) {
                rows.add(new AboutRow("Source", item.source()));
            }
            about = new About(rows, bullets(item.caveats()));
        } else {
            int more = item.charts().size() - specs.size();
            note = new FullPackNote(more > 0 ? more : null, more != 1);
        }
        return new ItemView(
                Xml.id(item.id()),
                firstLandscape,
                optional(sectionHeading),
                item.section(),
                item.title(),
                optional(item.definition()),
                figures.isEmpty() ? null : figures.get(0),
                figures.isEmpty() ? List.of() : figures.subList(1, figures.size()),
                about,
                note);
    }

    /** A summary section's insight from an item: "DP 5.9: …" from its headline chart, or nothing. */
    private static List<String> insight(PackItem item, ItemView view) {
        List<String> points = Stream.concat(Stream.ofNullable(view.first()), view.others().stream())
                .flatMap(f -> f.points().stream())
                .toList();
        // a significant difference or change says more than a highest/lowest; failing one, the first point
        return points.stream()
                .filter(PackHtml::significant)
                .findFirst()
                .or(() -> points.stream().findFirst())
                .map(k -> List.of(item.section() + ": " + k))
                .orElse(List.of());
    }

    private static boolean significant(String keyPoint) {
        return keyPoint.startsWith("Significantly")
                || keyPoint.contains("special cause variation")
                || keyPoint.contains("significant rise")
                || keyPoint.contains("significant fall");
    }

    /** The chart a summary shows for an item: its first drawn chart (a table only when it has nothing else). */
    private static List<ChartSpec> headline(List<ChartSpec> charts) {
        return charts.stream()
                .filter(c -> !"table".equals(c.kind()))
                .findFirst()
                .or(() -> charts.stream().findFirst())
                .map(List::of)
                .orElse(List.of());
    }

    private Figure figure(ChartSpec spec) {
        Chart chart;
        try {
            chart = resolver.resolve(spec);
        } catch (IllegalArgumentException e) {
            chartProblems++;
            return new Figure(
                    false,
                    false,
                    List.of(e.getMessage() == null ? "" : e.getMessage()),
                    List.of(),
                    null,
                    null,
                    null,
                    List.of());
        }
        charts++;
        // A table too wide for a portrait page is printed on a landscape one.
        PrintTable printed = chart instanceof Chart.Table ? PrintTable.of(chart.source()) : null;
        boolean landscape = printed != null && printed.columns().size() > LANDSCAPE_COLUMNS;
        List<Chart> panels = LinePanels.of(chart);
        List<String> svgs = new ArrayList<>();
        TableView table = null;
        Optional<String> drawn = svg.svg(panels.get(0));
        if (drawn.isPresent()) {
            svgs.add(drawn.get());
            for (Chart panel : panels.subList(1, panels.size())) {
                svg.svg(panel).ifPresent(svgs::add);
            }
        } else {
            table = table(
                    chart.title(),
                    printed != null ? printed : PrintTable.of(chart.source()),
                    chart.source(),
                    spec.data().table());
        }
        Icons icons = null;
        if (chart instanceof Chart.Spc spc) {
            icons = new Icons(
                    spc.variation() == null ? null : spc.variation().svg(36),
                    spc.assurance() == null ? null : spc.assurance().svg(36));
        }
        List<String> points = keyPoints.write(chart);
        List<String> printedPoints = mode == Mode.SUMMARY && points.size() > SUMMARY_KEY_POINTS
                ? points.subList(0, SUMMARY_KEY_POINTS)
                : points;
        return new Figure(landscape, false, List.of(), svgs, table, icons, bullets(printedPoints), points);
    }

    private TableView table(String title, PrintTable t, DataTable full, String file) {
        String name = file == null ? full.name() : file;
        Map<String, String> types = columnTypes.getOrDefault(name, Map.of());
        List<Column> columns =
                t.columns().stream().map(c -> new Column(c, ColumnLabel.of(c))).toList();
        int shown = Math.min(MAX_TABLE_ROWS, t.rows().size());
        List<Row> rows = new ArrayList<>(shown);
        for (List<String> row : t.rows().subList(0, shown)) {
            List<Cell> cells = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) {
                String v = row.get(c);
                boolean numeric = Numbers.parse(v) != null;
                // short values (years, dates, codes, grades) are never broken over two lines
                boolean shortValue = v != null && v.length() <= 10;
                cells.add(new Cell(
                        numeric ? "num" : shortValue ? "nw" : null,
                        CellFormat.of(
                                v, types.get(t.columns().get(c)), t.columns().get(c))));
            }
            rows.add(new Row(cells));
        }
        List<Footnote> footnotes = t.footnotes().entrySet().stream()
                .map(n -> new Footnote(ColumnLabel.of(n.getKey()), n.getValue()))
                .toList();
        boolean rowsCut = shown < t.rows().size();
        Cut cut = rowsCut || t.columns().size() < full.columns().size()
                ? new Cut(rowsCut, shown, t.rows().size(), name)
                : null;
        // Very wide tables get a smaller type so that a name is not broken over several lines.
        return new TableView(title, t.columns().size() > 9, columns, rows, footnotes, cut);
    }

    /** Printed tables with more columns than this go on a landscape page. */
    static final int LANDSCAPE_COLUMNS = 12;
}
