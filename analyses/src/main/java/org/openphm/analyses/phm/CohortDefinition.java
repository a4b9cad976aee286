package org.openphm.analyses.phm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A cohort file (issue 13, item 2; schema phm/cohort.schema.json): a name, an index date, inclusion steps then
 * exclusion steps, each a labelled {@link Criterion}, and the facts an authorised clinician sees per person.
 *
 * @param indexDate empty for "latest": the start of the workspace's latest year, the current risk scores' date
 */
public record CohortDefinition(
        String name,
        String description,
        Optional<LocalDate> indexDate,
        List<Step> include,
        List<Step> exclude,
        List<String> list) {

    public static final String SCHEMA = "cohort.schema.json";

    /** Facts a cohort adds to {@link PersonFacts}: the person's segment and, with a risk model, risk stratum. */
    public static final Map<String, PersonFacts.Kind> COHORT_FACTS =
            Map.of("segment", PersonFacts.Kind.TEXT, "risk_stratum", PersonFacts.Kind.TEXT);

    public record Step(String label, Criterion criterion) {}

    public CohortDefinition {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        list = List.copyOf(list);
    }

    public static CohortDefinition read(Path file) throws IOException {
        return of(CheckedFile.read(file, SCHEMA), file.toString());
    }

    static CohortDefinition of(JsonNode root, String where) {
        String index = root.get("index_date").asText();
        Optional<LocalDate> date = Optional.empty();
        if (!"latest".equals(index)) {
            try {
                date = Optional.of(LocalDate.parse(index));
            } catch (DateTimeParseException e) {
                throw new CheckedFile.Invalid(where + ": field $.index_date: " + index + " is not a date");
            }
        }
        List<Step> include = steps(root.get("include"), "$.include", where);
        List<Step> exclude = root.has("exclude") ? steps(root.get("exclude"), "$.exclude", where) : List.of();
        List<String> list = new ArrayList<>();
        if (root.has("list")) {
            root.get("list").forEach(f -> list.add(f.asText()));
        }
        return new CohortDefinition(
                root.get("name").asText(), root.get("description").asText(), date, include, exclude, list);
    }

    private static List<Step> steps(JsonNode array, String field, String where) {
        List<Step> out = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode s = array.get(i);
            String at = field + "[" + i + "]";
            String label = s.get("label").asText();
            if (!labels.add(label)) {
                throw new CheckedFile.Invalid(where + ": field " + at + ".label: \"" + label + "\" is used twice; "
                        + "each row of the attrition table needs its own");
            }
            Criterion c = Criterion.parse(s.get("criterion"));
            try {
                PersonFacts.check(c, COHORT_FACTS, at + ".criterion");
            } catch (CheckedFile.Invalid e) {
                throw new CheckedFile.Invalid(where + ": " + e.getMessage());
            }
            out.add(new Step(label, c));
        }
        return out;
    }

    /** Whether any step or the list reads a fact. */
    public boolean uses(String fact) {
        return list.contains(fact)
                || java.util.stream.Stream.concat(include.stream(), exclude.stream())
                        .anyMatch(s -> s.criterion().facts().contains(fact));
    }
}
