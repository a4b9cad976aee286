package org.openphm.outputcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the build declared about its published files (results/metadata.json): the rule, each file's columns and
 * their disclosure class, how derived columns follow from others, and which indicators are standardised.
 */
final class Declarations {

    /** A column's disclosure class, as metadata.json spells it. */
    enum ColumnClass {
        COUNT,
        DERIVED,
        REFERENCE,
        IDENTIFIER
    }

    /** How a derived column follows from other columns of its row. */
    record Derivation(String kind, List<String> inputs, double scale, List<String> within) {}

    final int suppressAtOrBelow;
    final int roundTo;
    final boolean suppressZero;
    /** file name -> column -> class */
    final Map<String, Map<String, ColumnClass>> files = new HashMap<>();
    /** file name -> column -> derivation */
    final Map<String, Map<String, Derivation>> derivations = new HashMap<>();
    /** indicator id -> multiplier, for indicators whose value is a crude ratio of their count and denominator */
    final Map<String, Double> crudeMultipliers = new HashMap<>();
    /** Every declared column name across files, its class (a count wherever any file counts it). */
    final Map<String, ColumnClass> byName = new HashMap<>();

    private Declarations(JsonNode root) {
        JsonNode d = root.path("disclosure");
        if (d.isMissingNode()) {
            throw new IllegalArgumentException("metadata.json declares no disclosure rule (a build older than the "
                    + "output check): rebuild with phm build");
        }
        suppressAtOrBelow = d.path("suppress_at_or_below").asInt();
        roundTo = d.path("round_to").asInt();
        suppressZero = d.path("suppress_zero").asBoolean();
        d.path("files").fields().forEachRemaining(f -> {
            Map<String, ColumnClass> columns = new HashMap<>();
            f.getValue()
                    .fields()
                    .forEachRemaining(
                            c -> columns.put(c.getKey(), parse(c.getValue().asText())));
            declare(f.getKey(), columns);
        });
        for (JsonNode a : root.path("analyses")) {
            for (JsonNode t : a.path("tables")) {
                Map<String, ColumnClass> columns = new HashMap<>();
                Map<String, Derivation> derived = new HashMap<>();
                for (JsonNode c : t.path("columns")) {
                    String name = c.path("name").asText();
                    columns.put(name, parse(c.path("disclosure").asText("")));
                    JsonNode dv = c.path("derivation");
                    if (!dv.isMissingNode()) {
                        List<String> inputs = new java.util.ArrayList<>();
                        dv.path("inputs").forEach(i -> inputs.add(i.asText()));
                        List<String> within = new java.util.ArrayList<>();
                        dv.path("within").forEach(i -> within.add(i.asText()));
                        derived.put(
                                name,
                                new Derivation(
                                        dv.path("kind").asText(),
                                        inputs,
                                        dv.path("scale").asDouble(1),
                                        within));
                    }
                }
                String csv = t.path("file").asText();
                declare(csv, columns);
                declare(csv.replaceFirst("\\.csv$", ".parquet"), columns);
                derivations.put(csv, derived);
                derivations.put(csv.replaceFirst("\\.csv$", ".parquet"), derived);
            }
        }
        for (JsonNode i : root.path("indicators")) {
            if (!i.path("standardised").asBoolean(true)) {
                crudeMultipliers.put(i.path("id").asText(), i.path("multiplier").asDouble());
            }
        }
    }

    private void declare(String file, Map<String, ColumnClass> columns) {
        files.put(file, columns);
        columns.forEach((name, cls) -> byName.merge(name, cls, (a, b) -> a == ColumnClass.COUNT ? a : b));
    }

    /** An unknown class is null: the column counts as undeclared. */
    private static ColumnClass parse(String s) {
        return switch (s) {
            case "count" -> ColumnClass.COUNT;
            case "derived" -> ColumnClass.DERIVED;
            case "reference" -> ColumnClass.REFERENCE;
            case "identifier" -> ColumnClass.IDENTIFIER;
            default -> null;
        };
    }

    static Declarations read(Path metadata) throws IOException {
        return new Declarations(new ObjectMapper().readTree(metadata.toFile()));
    }

    /** A count cell's published value breaks the rule: which rule, or null. */
    Rule countRule(double v) {
        if (v != Math.rint(v)) {
            return Rule.UNROUNDED_COUNT;
        }
        long n = (long) v;
        if (n == 0) {
            return suppressZero ? Rule.SMALL_COUNT : null;
        }
        if (n >= 1 && n <= suppressAtOrBelow) {
            return Rule.SMALL_COUNT;
        }
        return n % roundTo == 0 ? null : Rule.UNROUNDED_COUNT;
    }
}
