package org.openphm.analyses.phm;

import static org.openphm.engine.query.Expr.lit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openphm.engine.query.Expr;

/**
 * Mutually exclusive need segments as data: a versioned rules file (phm/segments.json by default, schema
 * phm/segments.schema.json) in priority order, each person in the first segment whose rule they meet; the last
 * rule must be {@code {"always": true}}, so every person is in exactly one segment.
 */
public record SegmentRules(String version, String source, List<Segment> segments) {

    public static final String DEFAULT = "phm/segments.json";
    public static final String SCHEMA = "segments.schema.json";

    public record Segment(String id, String name, String definition, Criterion rule) {}

    public SegmentRules {
        segments = List.copyOf(segments);
    }

    /** The rules shipped with OpenPHM. */
    public static SegmentRules standard() {
        try {
            return of(CheckedFile.readResource(DEFAULT, SCHEMA), DEFAULT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An ICB's own rules file (JSON or YAML). */
    public static SegmentRules read(Path file) throws IOException {
        return of(CheckedFile.read(file, SCHEMA), file.toString());
    }

    static SegmentRules of(JsonNode root, String where) {
        List<Segment> segments = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode list = root.get("segments");
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String field = "$.segments[" + i + "]";
            String id = s.get("id").asText();
            if (!ids.add(id)) {
                throw new CheckedFile.Invalid(where + ": field " + field + ".id: segment " + id + " is defined twice");
            }
            Criterion rule = Criterion.parse(s.get("rule"));
            try {
                PersonFacts.check(rule, Map.of(), field + ".rule");
            } catch (CheckedFile.Invalid e) {
                throw new CheckedFile.Invalid(where + ": " + e.getMessage());
            }
            boolean last = i == list.size() - 1;
            if (last != (rule instanceof Criterion.Always)) {
                throw new CheckedFile.Invalid(
                        where + ": field " + field + ".rule: "
                                + (last
                                        ? "the last segment must take everybody left ({\"always\": true}), so no one is unsegmented"
                                        : "only the last segment may take everybody ({\"always\": true}); those after it would be empty"));
            }
            segments.add(
                    new Segment(id, s.get("name").asText(), s.get("definition").asText(), rule));
        }
        return new SegmentRules(root.get("version").asText(), root.get("source").asText(), segments);
    }

    /** The segment name of each person: a CASE over the rules in priority order. */
    public Expr segmentOf() {
        Expr.Case.Builder b = new Expr.Case.Builder();
        for (Segment s : segments.subList(0, segments.size() - 1)) {
            b.when(s.rule().toExpr(), lit(s.name()));
        }
        return b.otherwise(lit(segments.get(segments.size() - 1).name()));
    }

    public List<String> names() {
        return segments.stream().map(Segment::name).toList();
    }
}
