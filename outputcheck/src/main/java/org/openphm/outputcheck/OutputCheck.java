package org.openphm.outputcheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * {@code phm check-outputs}: every published file checked against the disclosure rules, independently of the
 * code that produced it (as OpenSAFELY's output checkers review what researchers ask to release). It reads the
 * files as a reader would and the declarations the build wrote beside them (results/metadata.json): each
 * table's columns and their disclosure class. A file or column without a declaration is itself a breach.
 *
 * <p>Checked: count columns (1 to the threshold, not a multiple of the rounding base), the indicator files'
 * margins (a hidden count or denominator that subtraction gives back), crude indicator values and declared
 * derived columns (computed from the published counts, or they can be worked back into exact ones), NHS numbers
 * and person pseudonyms anywhere (CSV, Parquet, JSON, HTML, PDF and any text file), identifier columns, and cells
 * a spreadsheet would run as formulas. The analyst folder ({@code analyst/}) is not published and not checked.
 */
public final class OutputCheck {
    private OutputCheck() {}

    /** What the check found. */
    public record Report(Path dir, int files, List<Finding> findings) {
        public boolean passed() {
            return findings.isEmpty();
        }

        public Map<Rule, Long> byRule() {
            Map<Rule, Long> out = new LinkedHashMap<>();
            for (Rule r : Rule.values()) {
                long n = findings.stream().filter(f -> f.rule() == r).count();
                if (n > 0) {
                    out.put(r, n);
                }
            }
            return out;
        }
    }

    /** Person-level fields: a published table never has one, whatever its declaration says. */
    private static final Set<String> PERSON_FIELDS = Set.of(
            "person_id",
            "patient_id",
            "nhs_number",
            "nhsnumber",
            "date_of_birth",
            "dob",
            "postcode",
            "pseudo_id",
            "pseudonym",
            "local_patient_id",
            "raw_row");

    private static final Set<String> TEXT_FILES = Set.of("json", "html", "htm", "svg", "txt", "md", "js", "css", "xml");

    /** The folders of a build that are published. */
    static final String[] PUBLISHED = {"results", "pack"};

    /** The analyst folder holds unsuppressed figures that are never published. */
    static final String ANALYST = "analyst";

    /**
     * Checks a build's output folder (results/ and pack/ in it) or a results folder itself.
     *
     * @throws IOException when the folder or its metadata.json cannot be read
     */
    public static Report check(Path dir) throws IOException {
        Path metadata = Files.exists(dir.resolve("results").resolve("metadata.json"))
                ? dir.resolve("results").resolve("metadata.json")
                : dir.resolve("metadata.json");
        if (!Files.exists(metadata)) {
            throw new IOException(dir + " holds no results/metadata.json: give the folder phm build wrote");
        }
        Declarations declarations = Declarations.read(metadata);
        Path results = metadata.getParent();
        List<Finding> findings = new ArrayList<>();
        // A build folder publishes its results and its pack; its data, workspace and analyst folders are not
        // published (phm demo keeps them side by side).
        List<Path> roots = results.equals(dir)
                ? List.of(dir)
                : Stream.of(PUBLISHED)
                        .map(dir::resolve)
                        .filter(Files::isDirectory)
                        .toList();
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> published(dir.relativize(p)))
                        .sorted()
                        .forEach(files::add);
            }
        }
        try (ParquetReader parquet = new ParquetReader()) {
            for (Path f : files) {
                String name = dir.relativize(f).toString();
                try {
                    checkFile(f, name, f.getParent().equals(results), declarations, parquet, findings::add);
                } catch (IOException | RuntimeException e) {
                    findings.add(new Finding(
                            name, 0, "", Rule.UNREADABLE, e.getClass().getSimpleName() + ": " + e.getMessage()));
                }
            }
        }
        return new Report(dir, files.size(), findings);
    }

    /**
     * A response of the dashboard's API over a build, checked as the files are: NHS numbers and pseudonyms
     * anywhere in it, and every table in it (JSON objects with "columns" and "rows", or CSV) held to the count
     * rule by column name, as the build's metadata.json declares them.
     *
     * @param name what the response was (its path), for the findings
     * @param csv whether the body is CSV; otherwise JSON
     * @param files the published files the response is cut from (e.g. indicators.csv, or an analysis's tables),
     *     whose declarations say which of its columns are counts
     */
    public static List<Finding> checkServed(Path buildDir, String name, String body, boolean csv, List<String> files)
            throws IOException {
        Declarations d = Declarations.read(buildDir.resolve("results").resolve("metadata.json"));
        Map<String, Declarations.ColumnClass> classes = new LinkedHashMap<>();
        for (String f : files) {
            d.files
                    .getOrDefault(f, Map.of())
                    .forEach((c, cls) -> classes.merge(c, cls, (a, b) -> a == Declarations.ColumnClass.COUNT ? a : b));
        }
        List<Finding> out = new ArrayList<>();
        if (csv) {
            servedTable(name, PublishedTable.csv(new java.io.StringReader(body)), classes, d, out::add);
            return out;
        }
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        List<com.fasterxml.jackson.databind.JsonNode> tables = new ArrayList<>();
        collectTables(root, tables);
        for (com.fasterxml.jackson.databind.JsonNode t : tables) {
            List<String> header = new ArrayList<>();
            t.get("columns").forEach(c -> header.add(c.asText()));
            List<String[]> rows = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode r : t.get("rows")) {
                String[] cells = new String[header.size()];
                for (int i = 0; i < cells.length && i < r.size(); i++) {
                    cells[i] = r.get(i).isNull() ? null : r.get(i).asText();
                }
                rows.add(cells);
            }
            servedTable(name, new PublishedTable(header, rows), classes, d, out::add);
            ((com.fasterxml.jackson.databind.node.ObjectNode) t).remove("rows");
        }
        // What is left (titles, key points, chart options) is free text.
        for (Rule id : Identifiers.find(root.toString(), Identifiers.Plain.ISSUED_RANGES)) {
            out.add(new Finding(name, 0, "", id, id.meaning()));
        }
        return out;
    }

    private static void collectTables(
            com.fasterxml.jackson.databind.JsonNode node, List<com.fasterxml.jackson.databind.JsonNode> out) {
        if (node.isObject()
                && node.path("columns").isArray()
                && node.path("rows").isArray()) {
            out.add(node);
        }
        node.forEach(child -> collectTables(child, out));
    }

    /** A served table's columns are those of the files it is cut from: counts are known by name. */
    private static void servedTable(
            String name,
            PublishedTable t,
            Map<String, Declarations.ColumnClass> classes,
            Declarations d,
            Consumer<Finding> out) {
        Map<String, Declarations.ColumnClass> columns = new LinkedHashMap<>();
        for (String c : t.header()) {
            columns.put(c, classes.getOrDefault(c, Declarations.ColumnClass.REFERENCE));
        }
        table(name, name, t, columns, true, d, out);
    }

    /** Not the analyst folder, nor hidden files and folders (a build's staging folder, partial files). */
    private static boolean published(Path relative) {
        if (relative.startsWith(ANALYST)) {
            return false;
        }
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private static void checkFile(
            Path f, String name, boolean inResults, Declarations d, ParquetReader parquet, Consumer<Finding> out)
            throws IOException {
        String file = f.getFileName().toString();
        String ext =
                file.contains(".") ? file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        switch (ext) {
            case "csv", "parquet" -> {
                Map<String, Declarations.ColumnClass> columns = inResults ? d.files.get(file) : null;
                if (columns == null) {
                    out.accept(
                            new Finding(name, 0, "", Rule.UNDECLARED, "no table of metadata.json declares this file"));
                    return;
                }
                PublishedTable t = ext.equals("csv") ? PublishedTable.csv(f) : parquet.read(f);
                table(name, file, t, columns, ext.equals("csv"), d, out);
            }
            case "pdf" -> pdf(f, name, out);
            case "html", "htm" -> html(f, name, d, out);
            default -> {
                if (TEXT_FILES.contains(ext)) {
                    text(f, name, out);
                } else {
                    out.accept(new Finding(
                            name,
                            0,
                            "",
                            Rule.UNREADABLE,
                            "a kind of file the check cannot read (" + (ext.isEmpty() ? "no extension" : "." + ext)
                                    + "): publish it as CSV, JSON, HTML or PDF"));
                }
            }
        }
    }

    static void table(
            String name,
            String file,
            PublishedTable t,
            Map<String, Declarations.ColumnClass> columns,
            boolean spreadsheet,
            Declarations d,
            Consumer<Finding> out) {
        Declarations.ColumnClass[] classes =
                new Declarations.ColumnClass[t.header().size()];
        for (int i = 0; i < classes.length; i++) {
            String c = t.header().get(i);
            classes[i] = columns.get(c);
            if (classes[i] == null) {
                out.accept(new Finding(name, 0, c, Rule.UNDECLARED, "column has no disclosure class in metadata.json"));
            } else if (classes[i] == Declarations.ColumnClass.IDENTIFIER
                    || PERSON_FIELDS.contains(c.toLowerCase(Locale.ROOT))) {
                out.accept(new Finding(name, 0, c, Rule.IDENTIFIER_COLUMN, "a person-level field is published"));
            }
        }
        Map<String, Declarations.Derivation> derived = d.derivations.getOrDefault(file, Map.of());
        Map<String, Map<List<String>, Double>> totals = shareTotals(t, derived);
        long row = 0;
        for (String[] r : t.rows()) {
            row++;
            for (int i = 0; i < classes.length; i++) {
                String cell = r[i];
                if (cell == null) {
                    continue;
                }
                String column = t.header().get(i);
                if (classes[i] == Declarations.ColumnClass.COUNT) {
                    Double v = PublishedTable.number(cell);
                    Rule broken = v == null ? Rule.UNREADABLE : d.countRule(v);
                    if (broken != null) {
                        out.accept(new Finding(
                                name,
                                row,
                                column,
                                broken,
                                v == null ? "a count column holds text" : "published count " + cell));
                    }
                }
                if (!figure(cell, classes[i])) {
                    for (Rule id : Identifiers.find(cell)) {
                        out.accept(new Finding(name, row, column, id, id.meaning()));
                    }
                }
                if (spreadsheet && formula(cell)) {
                    out.accept(new Finding(name, row, column, Rule.FORMULA, "starts with '" + cell.charAt(0) + "'"));
                }
            }
            long at = row;
            derived.forEach((column, how) -> derivedFromPublished(name, at, t, r, column, how, totals, out));
        }
        if (file.startsWith("indicators_fingertips")) {
            IndicatorMargins.check(name, t, IndicatorMargins.Layout.FINGERTIPS, d, out);
        } else if (file.startsWith("indicators.")) {
            IndicatorMargins.check(name, t, IndicatorMargins.Layout.TIDY, d, out);
        }
    }

    /**
     * A number in a column of figures (a reference figure such as a budget, or a derived value) is a figure, not
     * an identifier; text anywhere, and any number in a count or undeclared column, is searched for identifiers.
     */
    private static boolean figure(String cell, Declarations.ColumnClass cls) {
        return (cls == Declarations.ColumnClass.REFERENCE || cls == Declarations.ColumnClass.DERIVED)
                && PublishedTable.number(cell) != null;
    }

    /** A declared derived value must be what its published inputs give, or it tells more than they do. */
    /** For each share-of-total column, the published total of its input over each set of rows it is a share of. */
    private static Map<String, Map<List<String>, Double>> shareTotals(
            PublishedTable t, Map<String, Declarations.Derivation> derived) {
        Map<String, Map<List<String>, Double>> out = new LinkedHashMap<>();
        derived.forEach((column, how) -> {
            if (!how.kind().equals("share_of_total")) {
                return;
            }
            Map<List<String>, Double> totals = new java.util.HashMap<>();
            int input = t.column(how.inputs().get(0));
            for (String[] r : t.rows()) {
                Double v = input < 0 ? null : PublishedTable.number(r[input]);
                if (v != null) {
                    totals.merge(withinKey(t, r, how), v, Double::sum);
                }
            }
            out.put(column, totals);
        });
        return out;
    }

    private static List<String> withinKey(PublishedTable t, String[] r, Declarations.Derivation how) {
        List<String> key = new ArrayList<>();
        for (String w : how.within()) {
            int i = t.column(w);
            key.add(i < 0 ? null : r[i]);
        }
        return key;
    }

    private static void derivedFromPublished(
            String name,
            long row,
            PublishedTable t,
            String[] r,
            String column,
            Declarations.Derivation how,
            Map<String, Map<List<String>, Double>> totals,
            Consumer<Finding> out) {
        int at = t.column(column);
        Double published = at < 0 ? null : PublishedTable.number(r[at]);
        if (published == null) {
            return;
        }
        if (how.kind().equals("share_of_total")) {
            Double v = PublishedTable.number(r[t.column(how.inputs().get(0))]);
            Double total = totals.get(column).get(withinKey(t, r, how));
            if (v == null
                    || total == null
                    || total == 0
                    || Math.abs(published - v / total * how.scale()) > 1e-6 * Math.max(1, Math.abs(published))) {
                out.accept(new Finding(
                        name,
                        row,
                        column,
                        Rule.VALUE_REVEALS_COUNT,
                        "not the share of the published " + how.inputs().get(0) + " in its total over rows alike in "
                                + how.within()));
            }
            return;
        }
        double[] in = new double[how.inputs().size()];
        for (int k = 0; k < in.length; k++) {
            int i = t.column(how.inputs().get(k));
            Double v = i < 0 ? null : PublishedTable.number(r[i]);
            if (v == null) {
                out.accept(new Finding(
                        name,
                        row,
                        column,
                        Rule.VALUE_REVEALS_COUNT,
                        "published although its input " + how.inputs().get(k) + " is not"));
                return;
            }
            in[k] = v;
        }
        Double expected = switch (how.kind()) {
            case "ratio" -> in[1] == 0 ? null : in[0] / in[1] * how.scale();
            case "difference" -> in[0] - in[1];
            case "percent_change" -> in[1] == 0 ? null : (in[0] - in[1]) / in[1] * 100;
            case "wilson_lower" -> in[1] <= 0 ? null : wilson(in[0], in[1], -1) * how.scale();
            case "wilson_upper" -> in[1] <= 0 ? null : wilson(in[0], in[1], 1) * how.scale();
            default -> null;
        };
        if (expected == null || Math.abs(published - expected) > 1e-6 * Math.max(1, Math.abs(expected))) {
            out.accept(new Finding(
                    name,
                    row,
                    column,
                    Rule.VALUE_REVEALS_COUNT,
                    "not the " + how.kind() + " of the " + "published " + String.join(" and ", how.inputs())));
        }
    }

    /** z for a two-sided 95% interval. */
    private static final double Z95 = 1.959963984540054;

    /**
     * A 95% Wilson score limit of r events in n (Wilson 1927; Newcombe 1998, method 3), written here from the
     * formula so that the check does not trust the statistics module it checks.
     */
    static double wilson(double r, double n, int sign) {
        double p = r / n;
        double z2 = Z95 * Z95;
        return (2 * r + z2 + sign * Z95 * Math.sqrt(z2 + 4 * r * (1 - p))) / (2 * (n + z2));
    }

    /** OWASP's formula triggers, unless the cell is a plain number (a negative value is data). */
    static boolean formula(String cell) {
        char c = cell.charAt(0);
        if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') {
            return false;
        }
        return PublishedTable.number(cell) == null || cell.contains(",");
    }

    private static void text(Path f, String name, Consumer<Finding> out) throws IOException {
        try (Stream<String> lines = Files.lines(f, StandardCharsets.UTF_8)) {
            freeText(name, lines, out);
        }
    }

    /** Free text, line by line: it may print figures, so plain ten-digit runs count only in issued ranges. */
    private static void freeText(String name, Stream<String> lines, Consumer<Finding> out) {
        long[] line = {0};
        lines.forEach(l -> {
            line[0]++;
            for (Rule id : Identifiers.find(l, Identifiers.Plain.ISSUED_RANGES)) {
                out.accept(new Finding(name, line[0], "", id, id.meaning() + " (line " + line[0] + ")"));
            }
        });
    }

    private static void pdf(Path f, String name, Consumer<Finding> out) throws IOException {
        try (PDDocument doc = Loader.loadPDF(f.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            // Text drawn twice over itself is kept twice: dropping it costs a search of the page's glyphs for
            // each glyph (an eighth of the check's time on the pack), and a duplicate can only add a finding.
            stripper.setSuppressDuplicateOverlappingText(false);
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                // The PDF is the HTML pack rendered, whose tables and text are checked with their context; here
                // only numbers written in NHS style count, since a budget prints as ten plain digits.
                for (Rule id : Identifiers.find(stripper.getText(doc), Identifiers.Plain.NEVER)) {
                    out.accept(new Finding(name, page, "", id, id.meaning() + " (page " + page + ")"));
                }
            }
        }
    }

    /**
     * The printed tables of the HTML pack: a column whose header names a declared count (by its
     * {@code data-column} attribute, the results column it prints under a reader's label; else its text with
     * spaces for underscores) is held to the count rule, cell by cell.
     */
    private static void html(Path f, String name, Declarations d, Consumer<Finding> out) throws IOException {
        Document doc = Jsoup.parse(f.toFile(), "UTF-8");
        int tableNumber = 0;
        for (Element table : doc.select("table")) {
            tableNumber++;
            // Element text one by one: Elements.eachText() leaves out empty cells and would shift the columns.
            List<String> heads = table.select("thead th").stream()
                    .map(th -> th.hasAttr("data-column") ? th.attr("data-column") : th.text())
                    .toList();
            int rowNumber = 0;
            for (Element tr : table.select("tbody tr")) {
                rowNumber++;
                List<String> cells = tr.select("td").stream().map(Element::text).toList();
                for (int i = 0; i < cells.size(); i++) {
                    String column = i < heads.size() ? heads.get(i).trim().replace(' ', '_') : "";
                    Declarations.ColumnClass cls = d.byName.get(column);
                    if (!figure(cells.get(i), cls)) {
                        for (Rule id : Identifiers.find(cells.get(i))) {
                            out.accept(new Finding(
                                    name + " (table " + tableNumber + ")", rowNumber, column, id, id.meaning()));
                        }
                    }
                    if (cls != Declarations.ColumnClass.COUNT) {
                        continue;
                    }
                    Double v = PublishedTable.number(cells.get(i));
                    Rule broken = v == null ? null : d.countRule(v);
                    if (broken != null) {
                        out.accept(new Finding(
                                name + " (table " + tableNumber + ")",
                                rowNumber,
                                column,
                                broken,
                                "printed count " + cells.get(i)));
                    }
                }
            }
        }
        doc.select("table").remove();
        freeText(name, doc.outerHtml().lines(), out);
    }
}
