package org.openphm.publish.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.model.Progress;
import org.openphm.publish.fixture.FixtureResults;
import org.openphm.publish.results.ResultsDir;

/** A table with more columns than a portrait page holds (the DP 6.7 BAF has 14) is printed on a landscape page. */
class LandscapeTableTest {

    @Test
    void aFourteenColumnTableGetsALandscapePageAndNothingElseDoes(@TempDir Path dir) throws Exception {
        FixtureResults.write(dir);
        Path results = dir.resolve("results");
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            columns.add("column_" + i);
        }
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
        for (int r = 0; r < 3; r++) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= 14; i++) {
                row.add("value " + r + "." + i);
            }
            csv.append(String.join(",", row)).append('\n');
        }
        Files.writeString(results.resolve("dp-6.7-wide.csv"), csv);
        ObjectMapper json = new ObjectMapper();
        ObjectNode meta =
                (ObjectNode) json.readTree(results.resolve("metadata.json").toFile());
        ObjectNode wide = ((ArrayNode) meta.get("analyses")).addObject();
        wide.put("id", "dp-6.7-wide")
                .put("section", "DP 6.7")
                .put("title", "A wide register")
                .put("definition", "Fourteen columns.")
                .put("method", "-")
                .put("source", "test");
        ObjectNode table =
                wide.putArray("tables").addObject().put("name", "wide").put("file", "dp-6.7-wide.csv");
        ArrayNode cols = table.putArray("columns");
        columns.forEach(
                c -> cols.addObject().put("name", c).put("type", "VARCHAR").put("description", c));
        wide.putArray("charts")
                .addObject()
                .put("kind", "table")
                .put("title", "The wide register")
                .putObject("data")
                .put("table", "dp-6.7-wide.csv");
        json.writeValue(results.resolve("metadata.json").toFile(), meta);

        String html = new PackHtml(ResultsDir.load(dir)).write();
        assertEquals(1, html.split(" landscape\"", -1).length - 1, "one landscape block");
        // its heading goes with it to the landscape page, never left alone on the portrait page before it
        assertTrue(
                html.matches(
                        "(?s).*class=\"keep landscape\">\\s*(<h1>[^<]*</h1>\\s*)?<h2>DP 6.7 \u2013 A wide register</h2>"
                                + "\\s*<p class=\"definition\">Fourteen columns.</p>\\s*<div class=\"figure\">\\s*<h3>The wide register</h3>.*"),
                () -> html.substring(
                        html.indexOf("DP 6.7 \u2013 A wide") - 200, html.indexOf("DP 6.7 \u2013 A wide") + 300));

        PackSummary summary = PackWriter.write(dir, Progress.SILENT);
        int landscape = 0;
        try (PDDocument pdf = Loader.loadPDF(summary.pdf().toFile())) {
            for (PDPage page : pdf.getPages()) {
                if (page.getMediaBox().getWidth() > page.getMediaBox().getHeight()) {
                    landscape++;
                }
            }
        }
        assertEquals(1, landscape, "the wide table's page, and only it, is landscape");
    }
}
