package org.openphm.publish.pack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.openphm.publish.fixture.CataloguePack;
import org.openphm.publish.fixture.FixtureResults;
import org.openphm.publish.results.ResultsDir;

/** Not a test: writes the pack's HTML and bookmarks for fixtures to a folder, to compare two versions. */
public class PackHtmlDump {
    static final String HOSTILE = "<script>alert(1)</script> & \"x\" 'y' \u0001";

    /** args: the folder to write to, then "catalogue" to add a whole catalogue build. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: PackHtmlDump DIR [catalogue]");
            return;
        }
        String to = args[0];
        Path out = Files.createDirectories(Path.of(to));
        Path fixture = FixtureResults.write(Files.createTempDirectory("dump-fixture"));
        write(out, "fixture", ResultsDir.load(fixture));
        Path hostile = FixtureResults.write(Files.createTempDirectory("dump-hostile"));
        hostile(hostile.resolve("results"));
        write(out, "hostile", ResultsDir.load(hostile));
        if (args.length > 1 && args[1].equals("catalogue")) {
            write(out, "catalogue", CataloguePack.results());
        }
    }

    static void hostile(Path results) throws Exception {
        String csvValue = "\"" + HOSTILE.replace("\"", "\"\"") + "\"";
        try (Stream<Path> files = Files.list(results)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                // a whole field "Milton Keynes" (a Place, so in charts, tables and key points), not a part of a longer
                // one
                Files.writeString(
                        f,
                        Files.readString(f)
                                .replaceAll(
                                        "(?m)(?<=^|,)Milton Keynes(?=,|$)",
                                        java.util.regex.Matcher.quoteReplacement(csvValue)));
            }
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode meta =
                (ObjectNode) json.readTree(results.resolve("metadata.json").toFile());
        ObjectNode a = (ObjectNode) ((ArrayNode) meta.get("analyses")).get(0);
        a.put("title", a.get("title").asText() + " " + HOSTILE);
        a.put("definition", HOSTILE);
        a.put("method", HOSTILE);
        a.put("source", HOSTILE);
        a.putArray("caveats").add(HOSTILE);
        meta.put("population", HOSTILE);
        // an item in no seed section (printed under "Other analyses"), with a chart that cannot be drawn
        ObjectNode other = ((ArrayNode) meta.get("analyses")).addObject();
        other.put("id", "x-1 " + HOSTILE)
                .put("section", "XP 1")
                .put("title", "Unplaced " + HOSTILE)
                .put("definition", "")
                .put("method", " ")
                .put("source", "test");
        other.putArray("tables");
        ArrayNode charts = other.putArray("charts");
        charts.addObject()
                .put("kind", "bar")
                .put("title", "Missing " + HOSTILE)
                .putObject("data")
                .put("table", "missing " + HOSTILE + ".csv");
        charts.addObject()
                .put("kind", "no such kind " + HOSTILE)
                .put("title", "Unknown")
                .putObject("data")
                .put("table", "dp-4.7-community-referral-projections.csv");
        json.writeValue(results.resolve("metadata.json").toFile(), meta);
    }

    private static void write(Path out, String name, ResultsDir results) throws Exception {
        for (PackHtml.Mode mode : PackHtml.Mode.values()) {
            PackHtml page = new PackHtml(results, mode);
            String base = name + "-" + mode.name().toLowerCase();
            Files.writeString(out.resolve(base + ".html"), page.write(), StandardCharsets.UTF_8);
            Files.writeString(out.resolve(base + ".bookmarks.xml"), page.bookmarks(), StandardCharsets.UTF_8);
            Files.writeString(out.resolve(base + ".counts.txt"), page.charts() + " " + page.chartProblems() + "\n");
        }
    }
}
