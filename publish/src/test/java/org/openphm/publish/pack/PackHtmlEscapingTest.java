package org.openphm.publish.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openphm.publish.fixture.FixtureResults;
import org.openphm.publish.results.ResultsDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * Text from the results files reaches the page only escaped: an area name, a title, a caveat holding markup is
 * printed as text in the tables, key points, charts and headings, and never becomes an element.
 */
class PackHtmlEscapingTest {
    static final String NAME = "<script>alert(1)</script> & \"x\"";
    static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;";

    @Test
    void markupInAResultsFileIsPrintedAsTextNeverAsATag(@TempDir Path dir) throws Exception {
        Path results = FixtureResults.write(dir).resolve("results");
        // a Place's name (so in the charts, tables, key points and headlines) in every results file
        String csvName = "\"" + NAME.replace("\"", "\"\"") + "\"";
        try (Stream<Path> files = Files.list(results)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                Files.writeString(
                        f,
                        Files.readString(f)
                                .replaceAll("(?m)(?<=^|,)Milton Keynes(?=,|$)", Matcher.quoteReplacement(csvName)));
            }
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode meta =
                (ObjectNode) json.readTree(results.resolve("metadata.json").toFile());
        ObjectNode analysis = (ObjectNode) ((ArrayNode) meta.get("analyses")).get(0);
        analysis.put("title", NAME).put("method", NAME).putArray("caveats").add(NAME + "\u0001");
        meta.put("population", NAME);
        json.writeValue(results.resolve("metadata.json").toFile(), meta);

        for (PackHtml.Mode mode : PackHtml.Mode.values()) {
            PackHtml page = new PackHtml(ResultsDir.load(dir), mode);
            String html = page.write();
            String bookmarks = page.bookmarks();
            assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), mode + ": no script tag");
            assertFalse(
                    bookmarks.toLowerCase(Locale.ROOT).contains("<script"), mode + ": no script tag in the outline");
            assertTrue(html.contains("<p class=\"population\">" + ESCAPED + "</p>"), mode + ": the cover");
            assertTrue(html.contains("\u2013 " + ESCAPED + "</h2>"), mode + ": an item's heading");
            assertTrue(bookmarks.contains("name=\"DP 1.2 " + ESCAPED + "\""), mode + ": the outline");
            assertTrue(html.contains("<li>" + ESCAPED + " against "), mode + ": a headline naming the Place");
            if (mode == PackHtml.Mode.FULL) {
                assertTrue(html.contains("<td>" + ESCAPED + "</td>"), "a table cell and the method");
                assertTrue(html.contains("<li>" + ESCAPED + "</li>"), "a caveat, its control character dropped");
                assertTrue(html.contains("<li>" + ESCAPED + ": "), "a key point naming the Place");
            }
            // the page is well-formed XHTML (openhtmltopdf's input) with no script element; the name is its text
            Document doc = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new InputSource(new StringReader(html)));
            assertEquals(0, doc.getElementsByTagName("script").getLength(), mode + ": no script element");
            assertTrue(doc.getDocumentElement().getTextContent().contains(NAME), mode + ": the name, as text");
        }
    }
}
