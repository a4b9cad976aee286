package org.openphm.outputcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output check against planted breaches of every kind, each in a build folder that otherwise passes. The
 * NHS numbers are valid under the Modulus 11 rule of the NHS Data Dictionary ("NHS Number"): 943 476 5919 is
 * NHS Digital's own example; 401 000 0260 and 401 023 2137 were checked by hand (weights 10..2, 11 - sum mod 11).
 */
class OutputCheckTest {

    @TempDir
    Path dir;

    static final String METADATA = """
            {"disclosure": {"suppress_at_or_below": 7, "round_to": 5, "suppress_zero": false,
              "files": {"indicators.csv": {"indicator_id": "reference", "period": "reference", "area_code": "reference",
                "parent_code": "reference", "category_type": "reference", "category": "reference", "count": "count",
                "denominator": "count", "value": "derived", "note": "reference"}}},
             "indicators": [{"id": "prev", "multiplier": 100, "standardised": false},
                            {"id": "prev-dsr", "multiplier": 100000, "standardised": true}],
             "analyses": [{"id": "dp-1", "tables": [{"name": "t", "file": "dp-1-t.csv", "columns": [
               {"name": "area", "disclosure": "reference"}, {"name": "spend_gbp", "disclosure": "reference"},
               {"name": "people", "disclosure": "count"}, {"name": "base_people", "disclosure": "count"},
               {"name": "change_pct", "disclosure": "derived",
                "derivation": {"kind": "percent_change", "inputs": ["people", "base_people"], "scale": 1}},
               {"name": "note", "disclosure": "reference"}]}]}]}
            """;

    /** ICB = Luton + Bedford; women + men = persons. A DSR row and England's comparator row (no counts). */
    static final String INDICATORS = """
            indicator_id,period,area_code,parent_code,category_type,category,count,denominator,value,note
            prev,2024/25,E92000001,,,,,,4.1,England comparator
            prev,2024/25,QHG,E92000001,,,100,1000,10,
            prev,2024/25,LUT,QHG,,,40,400,10,
            prev,2024/25,BED,QHG,,,60,600,10,
            prev,2024/25,QHG,E92000001,Sex,Female,,,,Suppressed
            prev,2024/25,QHG,E92000001,Sex,Male,,,,Suppressed
            prev-dsr,2024/25,QHG,E92000001,,,100,1000,9.876543,
            """;

    static final String TABLE = """
            area,spend_gbp,people,base_people,change_pct,note
            Luton,2500000000,1005,1000,0.5,ok
            Bedford,-12.5,0,10,-100,
            """;

    static final String HTML = """
            <html><body><h1>Pack</h1><p>Total: 1,005 people</p>
            <table><thead><tr><th>area</th><th>people</th><th>base people</th></tr></thead>
            <tbody><tr><td>Luton</td><td>1,005</td><td></td></tr></tbody></table></body></html>
            """;

    private void write(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void cleanBuild() throws IOException {
        write("results/metadata.json", METADATA);
        write("results/indicators.csv", INDICATORS);
        write("results/dp-1-t.csv", TABLE);
        write("pack/index.html", HTML);
        pdf("pack/datapack.pdf", "Page one: 1,005 people, spend 2500000000");
    }

    private void pdf(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                s.newLineAtOffset(50, 700);
                s.showText(text);
                s.endText();
            }
            doc.save(p.toFile());
        }
    }

    private List<Finding> findings() throws IOException {
        return OutputCheck.check(dir).findings();
    }

    private static Finding only(List<Finding> findings, Rule rule) {
        List<Finding> of = findings.stream().filter(f -> f.rule() == rule).toList();
        assertEquals(1, of.size(), rule + " findings: " + findings);
        return of.get(0);
    }

    @Test
    void aCleanBuildPasses() throws IOException {
        cleanBuild();
        OutputCheck.Report report = OutputCheck.check(dir);
        assertTrue(report.passed(), report.findings().toString());
        assertEquals(5, report.files());
    }

    @Test
    void smallAndUnroundedCountsAreFoundByDeclaredClassWithFileRowAndColumn() throws IOException {
        cleanBuild();
        write("results/dp-1-t.csv", TABLE + "Luton,1,3,1003,0,\n");
        List<Finding> f = findings();
        Finding small = only(f, Rule.SMALL_COUNT);
        assertEquals("results/dp-1-t.csv", small.file());
        assertEquals(3, small.row());
        assertEquals("people", small.column());
        Finding unrounded = only(f, Rule.UNROUNDED_COUNT);
        assertEquals("base_people", unrounded.column());
    }

    @Test
    void aHiddenCountThatAMarginGivesBackIsFound() throws IOException {
        cleanBuild();
        // Luton hidden, Bedford and the ICB published: 100 - 60 gives Luton's count back.
        write(
                "results/indicators.csv",
                INDICATORS.replace("prev,2024/25,LUT,QHG,,,40,400,10,", "prev,2024/25,LUT,QHG,,,,400,,Suppressed"));
        Finding f = only(findings(), Rule.DIFFERENCING);
        assertEquals(3, f.row());
        assertEquals("count", f.column());
    }

    @Test
    void aHiddenCategoryThatTheHeadlineGivesBackIsFound() throws IOException {
        cleanBuild();
        write(
                "results/indicators.csv",
                INDICATORS.replace(
                        "prev,2024/25,QHG,E92000001,Sex,Male,,,,Suppressed",
                        "prev,2024/25,QHG,E92000001,Sex,Male,95,500,19,"));
        List<Finding> f = findings();
        assertEquals(2, f.stream().filter(x -> x.rule() == Rule.DIFFERENCING).count(), "count and denominator: " + f);
        assertTrue(f.stream().allMatch(x -> x.rule() != Rule.DIFFERENCING || x.row() == 5), f.toString());
    }

    @Test
    void aCrudeValueNotFromThePublishedCountsIsFound() throws IOException {
        cleanBuild();
        // 10.023 % of 1,000 is the exact count 100.23: more than the rounded 100 says. A DSR is exempt.
        write(
                "results/indicators.csv",
                INDICATORS.replace(
                        "prev,2024/25,QHG,E92000001,,,100,1000,10,", "prev,2024/25,QHG,E92000001,,,100,1000,10.023,"));
        Finding f = only(findings(), Rule.VALUE_REVEALS_COUNT);
        assertEquals(2, f.row());
    }

    @Test
    void aDerivedColumnNotFromThePublishedInputsIsFound() throws IOException {
        cleanBuild();
        write("results/dp-1-t.csv", TABLE.replace("1005,1000,0.5", "1005,1000,0.4"));
        assertEquals("change_pct", only(findings(), Rule.VALUE_REVEALS_COUNT).column());
    }

    /**
     * The check's own Wilson limits against Newcombe (1998), "Two-sided confidence intervals for the single
     * proportion", Statistics in Medicine 17:857-872, Table I, method 3 (score): 81/263 -> 0.2553 to 0.3662;
     * 15/148 -> 0.0624 to 0.1605.
     */
    @Test
    void wilsonLimitsMatchNewcombe1998() {
        assertEquals(0.2553, OutputCheck.wilson(81, 263, -1), 5e-5);
        assertEquals(0.3662, OutputCheck.wilson(81, 263, 1), 5e-5);
        assertEquals(0.0624, OutputCheck.wilson(15, 148, -1), 5e-5);
        assertEquals(0.1605, OutputCheck.wilson(15, 148, 1), 5e-5);
    }

    @Test
    void aShareNotOfThePublishedTotalIsFound() throws IOException {
        cleanBuild();
        write("results/metadata.json", METADATA.replace("\"analyses\": [", """
                "analyses": [{"id": "dp-2", "tables": [{"name": "s", "file": "dp-2-s.csv", "columns": [
                  {"name": "area", "disclosure": "reference"}, {"name": "people", "disclosure": "count"},
                  {"name": "pct", "disclosure": "derived", "derivation": {"kind": "share_of_total",
                   "inputs": ["people"], "within": ["area"], "scale": 100}}]}]},"""));
        // Luton: 100 and 895 published, shares of 995; Bedford's 10.1 is a share of an exact total of 1,000.
        write(
                "results/dp-2-s.csv",
                "area,people,pct\nLuton,100,10.050251256\nLuton,895,89.949748744\n"
                        + "Luton,,\nBedford,100,10.1\nBedford,900,89.9\n");
        List<Finding> f = findings().stream()
                .filter(x -> x.rule() == Rule.VALUE_REVEALS_COUNT)
                .toList();
        assertEquals(List.of(4L, 5L), f.stream().map(Finding::row).toList(), f.toString());
    }

    @Test
    void nhsNumbersAreFoundHoweverWrittenAndNeverRepeated() throws IOException {
        cleanBuild();
        write("results/dp-1-t.csv", TABLE + "patient 401-000-0260,0,10,10,0,\n");
        write("results/extra.json", "{\"note\": \"see 943.476.5919\"}");
        write("pack/index.html", HTML.replace("<h1>Pack</h1>", "<h1>Pack 4010232137</h1>"));
        pdf("pack/datapack.pdf", "Contact 943 476 5919 for details");
        List<Finding> f = findings();
        List<Finding> nhs = f.stream().filter(x -> x.rule() == Rule.NHS_NUMBER).toList();
        assertEquals(
                List.of("pack/datapack.pdf", "pack/index.html", "results/dp-1-t.csv", "results/extra.json"),
                nhs.stream().map(Finding::file).sorted().toList());
        for (Finding x : f) {
            for (String n : List.of("4010000260", "401-000-0260", "943.476.5919", "4010232137", "943 476 5919")) {
                assertFalse(x.toString().contains(n), "a finding repeats the identifier: " + x);
            }
        }
    }

    /**
     * A budget of £1,254,432,000 printed as ten plain digits passes the Modulus 11 check (it did in the full-size
     * pack, DP 11.5): as a figure in a table, in text outside the issued NHS number ranges, or in the PDF, it is not
     * an NHS number. 401 000 0260 in text (an issued English number) is.
     */
    @Test
    void figuresThatPassTheCheckDigitAreNotTakenForNhsNumbers() throws IOException {
        cleanBuild();
        write("results/dp-1-t.csv", TABLE.replace("2500000000", "1254432000"));
        write(
                "pack/index.html",
                HTML.replace("<td>Luton</td>", "<td>1254432000</td>")
                        .replace("Total: 1,005 people", "Target 1254432000; allocation 4010000260"));
        pdf("pack/datapack.pdf", "Target 1254432000 and 4010000260");
        List<Finding> f = findings();
        assertEquals(1, f.size(), f.toString());
        assertEquals(Rule.NHS_NUMBER, f.get(0).rule());
        assertEquals("pack/index.html", f.get(0).file());
    }

    @Test
    void pseudonymsAndIdentifierColumnsAreFound() throws IOException {
        cleanBuild();
        write("pack/index.html", HTML.replace("Total", "0123456789abcdef0123456789abcdef total"));
        write(
                "results/metadata.json",
                METADATA.replace(
                        "{\"name\": \"note\", \"disclosure\": \"reference\"}",
                        "{\"name\": \"note\", \"disclosure\": \"reference\"}, {\"name\": \"person_id\", \"disclosure\": "
                                + "\"reference\"}"));
        write(
                "results/dp-1-t.csv",
                TABLE.replace(",note\n", ",note,person_id\n")
                        .replace(",ok\n", ",ok,x\n")
                        .replace(",\n", ",,\n"));
        List<Finding> f = findings();
        assertEquals("pack/index.html", only(f, Rule.PSEUDONYM).file());
        assertEquals("person_id", only(f, Rule.IDENTIFIER_COLUMN).column());
    }

    @Test
    void undeclaredFilesAndColumnsAndUnreadableKindsAreFound() throws IOException {
        cleanBuild();
        write("results/dp-9-new.csv", "area,people\nLuton,3\n");
        write(
                "results/dp-1-t.csv",
                TABLE.replace(",note\n", ",note,extra\n")
                        .replace(",ok\n", ",ok,1\n")
                        .replace(",\n", ",,\n"));
        Files.write(dir.resolve("pack/chart.png"), new byte[] {1, 2, 3});
        List<Finding> f = findings();
        assertEquals(2, f.stream().filter(x -> x.rule() == Rule.UNDECLARED).count(), f.toString());
        assertEquals("pack/chart.png", only(f, Rule.UNREADABLE).file());
    }

    @Test
    void formulaCellsAreFoundButNegativeNumbersAreNot() throws IOException {
        cleanBuild();
        write("results/dp-1-t.csv", TABLE + "\"=HYPERLINK(\"\"http://x\"\")\",0,0,10,-100,\n");
        Finding f = only(findings(), Rule.FORMULA);
        assertEquals("area", f.column());
    }

    @Test
    void printedTablesOfTheHtmlPackAreHeldToTheCountRule() throws IOException {
        cleanBuild();
        write("pack/index.html", HTML.replace("<td>1,005</td><td></td>", "<td></td><td>6</td>"));
        Finding f = only(findings(), Rule.SMALL_COUNT);
        assertEquals("base_people", f.column(), "the empty cell before it must not shift the columns");
    }

    @Test
    void aPrintedTableUnderReadersLabelsIsCheckedByTheColumnsItNames() throws IOException {
        cleanBuild();
        // the pack prints "Base people" over base_people's cells; data-column says which results column it is
        write(
                "pack/index.html",
                HTML.replace("<th>base people</th>", "<th data-column=\"base_people\">Base (people)</th>")
                        .replace("<td>1,005</td><td></td>", "<td></td><td>6</td>"));
        Finding f = only(findings(), Rule.SMALL_COUNT);
        assertEquals("base_people", f.column());
    }

    @Test
    void parquetIsReadAndChecked() throws Exception {
        cleanBuild();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = db.createStatement()) {
            s.execute("COPY (SELECT 'Luton' AS area, 1.0 AS spend_gbp, 4 AS people, 10 AS base_people, "
                    + "-60.0 AS change_pct, NULL AS note) TO '" + dir.resolve("results/dp-1-t.parquet")
                    + "' (FORMAT parquet)");
        }
        Finding f = only(findings(), Rule.SMALL_COUNT);
        assertEquals("results/dp-1-t.parquet", f.file());
    }

    /** The check reads every Parquet file of a build through one DuckDB: each file's findings are its own. */
    @Test
    void severalParquetFilesAreEachReadAndChecked() throws Exception {
        cleanBuild();
        String columns = METADATA.substring(METADATA.indexOf("{\"indicator_id\""), METADATA.indexOf("}}},") + 1);
        write(
                "results/metadata.json",
                METADATA.replace("\"files\": {", "\"files\": {\"indicators.parquet\": " + columns + ", "));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = db.createStatement()) {
            s.execute("COPY (SELECT 'Luton' AS area, 1.0 AS spend_gbp, 4 AS people, 10 AS base_people, "
                    + "-60.0 AS change_pct, NULL AS note) TO '" + dir.resolve("results/dp-1-t.parquet")
                    + "' (FORMAT parquet)");
            s.execute("COPY (SELECT 'prev' AS indicator_id, '2024/25' AS period, 'QHG' AS area_code, "
                    + "'E92000001' AS parent_code, NULL AS category_type, NULL AS category, 100 AS count, "
                    + "1000 AS denominator, 10.0 AS value, 'NHS 943 476 5919' AS note) TO '"
                    + dir.resolve("results/indicators.parquet") + "' (FORMAT parquet)");
        }
        List<Finding> f = findings();
        assertEquals("results/dp-1-t.parquet", only(f, Rule.SMALL_COUNT).file());
        Finding nhs = only(f, Rule.NHS_NUMBER);
        assertEquals("results/indicators.parquet", nhs.file());
        assertEquals("note", nhs.column());
    }

    /**
     * Text is passed over without the identifier expressions only when it cannot hold an identifier: fewer than ten
     * digits in all and no run of 32 hex digits. Identifiers spread through text, or at the edge of those limits,
     * are still found.
     */
    @Test
    void identifiersAreFoundAtTheEdgesOfTheShortcut() {
        assertEquals(List.of(), Identifiers.find("E54000024 QHG 2024/25 12.5"));
        assertEquals(List.of(Rule.NHS_NUMBER), Identifiers.find("Mr A (943 476 5919)"));
        assertEquals(List.of(Rule.NHS_NUMBER), Identifiers.find("9434765919"));
        assertEquals(List.of(Rule.PSEUDONYM), Identifiers.find("id=a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6"));
        // 31 hex digits and nine digits: neither pattern can match
        assertFalse(Identifiers.mayHoldIdentifier("abcdef012345678abcdefabcdefabcd"));
        assertFalse(Identifiers.mayHoldIdentifier("943 476 591"));
        assertTrue(Identifiers.mayHoldIdentifier("fedcba012345678abcdefabcdefabcde"));
    }

    /** A cell is a number as Java reads one, less its thousands separators; NaN, Infinity and text are not. */
    @Test
    void cellsAreNumbersOnlyWhenJavaReadsThemAsFiniteNumbers() {
        assertEquals(1234.0, PublishedTable.number("1,234"));
        assertEquals(-0.5, PublishedTable.number("-.5"));
        assertEquals(3.0, PublishedTable.number(" +3 "));
        assertEquals(100000.0, PublishedTable.number("1e5"));
        assertEquals(null, PublishedTable.number("NaN"));
        assertEquals(null, PublishedTable.number("-Infinity"));
        assertEquals(null, PublishedTable.number("Luton"));
        assertEquals(null, PublishedTable.number("-"));
        assertEquals(null, PublishedTable.number("12 people"));
    }

    @Test
    void theAnalystFolderAndHiddenFoldersAreNotPublishedAndNotChecked() throws IOException {
        cleanBuild();
        write("analyst/results/dp-1-t.csv", TABLE + "Luton,1,3,1003,0,\n");
        write(".staging/results/dp-1-t.csv", TABLE + "Luton,1,3,1003,0,\n");
        write("data/patient.csv", "nhs_number\n9434765919\n");
        assertTrue(OutputCheck.check(dir).passed(), "only results/ and pack/ are published");
    }

    @Test
    void aRejectedBuildPublishesNothingAndKeepsWhatWasPublished() throws IOException {
        write("results/metadata.json", METADATA);
        write("results/dp-1-t.csv", TABLE);
        Path out = dir;
        Path staging = Release.prepare(out);
        Files.createDirectories(staging.resolve("results"));
        Files.writeString(staging.resolve("results/metadata.json"), METADATA);
        Files.writeString(staging.resolve("results/dp-1-t.csv"), TABLE + "Luton,1,3,1000,0,\n");
        Release.Rejected r = assertThrows(Release.Rejected.class, () -> Release.publish(out));
        assertTrue(r.getMessage().contains("1 small-count"), r.getMessage());
        assertEquals(TABLE, Files.readString(out.resolve("results/dp-1-t.csv")), "the published file is untouched");
        assertTrue(Files.exists(Release.rejected(out).resolve("results/dp-1-t.csv")), "kept for the analyst");
        assertFalse(Files.exists(Release.staging(out)));

        Release.prepare(out);
        Files.createDirectories(staging.resolve("results"));
        Files.writeString(staging.resolve("results/metadata.json"), METADATA);
        Files.writeString(staging.resolve("results/dp-1-t.csv"), TABLE.replace("1005,1000,0.5", "2005,2000,0.25"));
        assertTrue(Release.publish(out).passed());
        assertTrue(Files.readString(out.resolve("results/dp-1-t.csv")).contains("2005"), "published");
    }
}
