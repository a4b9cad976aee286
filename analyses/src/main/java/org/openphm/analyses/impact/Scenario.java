package org.openphm.analyses.impact;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openphm.analyses.phm.CheckedFile;
import org.openphm.model.FinancialYear;

/**
 * A scenario file (issue 12), checked against {@code impact/scenario.schema.json} and then against what a schema
 * cannot say (years in order, probabilities summing to one), every error naming its field. What the file leaves
 * out takes {@link ScenarioParameter}'s default, so a scenario of just a name is the "as is".
 */
public record Scenario(
        String name,
        String description,
        FinancialYear baseline,
        FinancialYear horizon,
        List<FinancialYear> reportYears,
        int runs,
        long seed,
        List<Variant> variants,
        Map<String, Interval> housingUpliftPct,
        int healthFromAge,
        FinancialYear mitigationStart,
        FinancialYear mitigationFullBy,
        Map<ScenarioParameter, Interval> parameters,
        Finance finance) {

    public static final String SCHEMA = "impact/scenario.schema.json";
    public static final FinancialYear DEFAULT_BASELINE = new FinancialYear(2024);
    public static final FinancialYear DEFAULT_HORIZON = new FinancialYear(2042);
    public static final int DEFAULT_RUNS = 256;
    public static final long DEFAULT_SEED = 20261206L;

    /** A population variant: the principal projection's growth times a multiplier, with a probability. */
    public record Variant(String name, double probability, Interval growthMultiplier) {}

    /**
     * The system's funding for the funding gap: an allocation in a year, the deficit underlying it then. Null
     * fields mean the file gave none (the gap is then not computed).
     */
    public record Finance(Double allocationGbp, FinancialYear allocationYear, Double underlyingDeficitGbp) {}

    public Scenario {
        variants = List.copyOf(variants);
        reportYears = List.copyOf(reportYears);
        housingUpliftPct = Map.copyOf(housingUpliftPct);
        parameters = Map.copyOf(parameters);
    }

    /** A parameter's interval: the file's, else the default; null when the default comes from the workspace. */
    public Interval parameter(ScenarioParameter p) {
        return parameters.getOrDefault(p, p.otherwise());
    }

    /** The same scenario with some parameters replaced (the dashboard's levers), everything else kept. */
    public Scenario with(Map<ScenarioParameter, Interval> changes) {
        Map<ScenarioParameter, Interval> p = new EnumMap<>(ScenarioParameter.class);
        p.putAll(parameters);
        p.putAll(changes);
        return new Scenario(
                name,
                description,
                baseline,
                horizon,
                reportYears,
                runs,
                seed,
                variants,
                housingUpliftPct,
                healthFromAge,
                mitigationStart,
                mitigationFullBy,
                p,
                finance);
    }

    /** The same scenario with a different number of runs (convergence checks, the explorer). */
    public Scenario withRuns(int n) {
        return new Scenario(
                name,
                description,
                baseline,
                horizon,
                reportYears,
                n,
                seed,
                variants,
                housingUpliftPct,
                healthFromAge,
                mitigationStart,
                mitigationFullBy,
                parameters,
                finance);
    }

    /**
     * The same scenario reporting waterfalls for these years only: a waterfall is most of an evaluation's work, and
     * the explorer shows one year's.
     */
    public Scenario withReportYears(List<FinancialYear> years) {
        return new Scenario(
                name,
                description,
                baseline,
                horizon,
                years,
                runs,
                seed,
                variants,
                housingUpliftPct,
                healthFromAge,
                mitigationStart,
                mitigationFullBy,
                parameters,
                finance);
    }

    public static Scenario read(Path file) throws IOException {
        return parse(CheckedFile.read(file, SCHEMA), file.toString());
    }

    public static Scenario readResource(String resource) throws IOException {
        if (resource.endsWith(".yaml") || resource.endsWith(".yml")) {
            try (var in = Scenario.class.getResourceAsStream("/" + resource)) {
                if (in == null) {
                    throw new IOException("missing resource " + resource);
                }
                JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper(
                                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                        .readTree(in);
                CheckedFile.check(node, SCHEMA, resource);
                return parse(node, resource);
            }
        }
        return parse(CheckedFile.readResource(resource, SCHEMA), resource);
    }

    /** From a document that follows the schema; the checks the schema cannot make name the field. */
    static Scenario parse(JsonNode n, String where) {
        try {
            FinancialYear baseline = year(n.path("baseline_year"), DEFAULT_BASELINE, "$.baseline_year");
            FinancialYear horizon = year(n.path("horizon_year"), DEFAULT_HORIZON, "$.horizon_year");
            if (horizon.compareTo(baseline) <= 0) {
                throw new CheckedFile.Invalid(
                        "field $.horizon_year: " + horizon + " is not after the baseline year " + baseline);
            }
            List<FinancialYear> report = new ArrayList<>();
            if (n.has("report_years")) {
                for (int i = 0; i < n.get("report_years").size(); i++) {
                    FinancialYear y = year(n.get("report_years").get(i), null, "$.report_years[" + i + "]");
                    if (y.compareTo(baseline) <= 0 || y.compareTo(horizon) > 0) {
                        throw new CheckedFile.Invalid("field $.report_years[" + i + "]: " + y + " is not after "
                                + baseline + " and by " + horizon);
                    }
                    report.add(y);
                }
            } else {
                for (FinancialYear y : List.of(new FinancialYear(2028), new FinancialYear(2036), horizon)) {
                    if (y.compareTo(baseline) > 0 && y.compareTo(horizon) <= 0 && !report.contains(y)) {
                        report.add(y);
                    }
                }
            }
            List<Variant> variants = new ArrayList<>();
            JsonNode vs = n.path("population").path("variants");
            double total = 0;
            for (int i = 0; i < vs.size(); i++) {
                JsonNode v = vs.get(i);
                variants.add(new Variant(
                        v.get("name").asText(),
                        v.get("probability").asDouble(),
                        Interval.read(v.get("growth_multiplier"), null, "$.population.variants[" + i + "]")));
                total += v.get("probability").asDouble();
            }
            if (variants.isEmpty()) {
                variants.add(new Variant("principal", 1, Interval.fixed(1)));
            } else if (Math.abs(total - 1) > 1e-9) {
                throw new CheckedFile.Invalid(
                        "field $.population.variants: the probabilities add up to " + total + ", not 1");
            }
            Map<String, Interval> housing = new LinkedHashMap<>();
            n.path("population")
                    .path("housing_uplift_pct")
                    .fields()
                    .forEachRemaining(e -> housing.put(
                            e.getKey(),
                            Interval.read(e.getValue(), null, "$.population.housing_uplift_pct." + e.getKey())));
            Map<ScenarioParameter, Interval> params = new EnumMap<>(ScenarioParameter.class);
            for (ScenarioParameter p : ScenarioParameter.values()) {
                JsonNode block = n;
                for (String part : p.block().split("\\.")) {
                    block = block.path(part);
                }
                Interval i = Interval.read(block.path(p.field()), null, "$." + p.path());
                if (i != null) {
                    params.put(p, i);
                }
            }
            for (ScenarioParameter p : ScenarioParameter.MITIGATORS) {
                Interval i = params.get(p);
                if (i != null && (i.low() < 0 || i.high() > 100)) {
                    throw new CheckedFile.Invalid("field $." + p.path() + ": a share removed lies between 0 and 100 "
                            + "percent, not " + i.describe());
                }
            }
            Interval occupancy = params.get(ScenarioParameter.OCCUPANCY);
            if (occupancy != null && (occupancy.low() <= 0 || occupancy.high() > 100)) {
                throw new CheckedFile.Invalid("field $.beds.occupancy_target_pct: occupancy lies above 0 and at most "
                        + "100 percent, not " + occupancy.describe());
            }
            JsonNode m = n.path("mitigators");
            FinancialYear start =
                    year(m.path("start_year"), new FinancialYear(baseline.startYear() + 1), "$.mitigators.start_year");
            FinancialYear full =
                    year(m.path("full_by"), new FinancialYear(baseline.startYear() + 5), "$.mitigators.full_by");
            if (start.compareTo(baseline) <= 0 || full.compareTo(start) < 0) {
                throw new CheckedFile.Invalid("field $.mitigators.full_by: changes start after the baseline year ("
                        + baseline + ") and are in full by or after they start; here " + start + " to " + full);
            }
            JsonNode f = n.path("finance");
            Finance finance = new Finance(
                    f.has("allocation_gbp") ? f.get("allocation_gbp").asDouble() : null,
                    year(f.path("allocation_year"), baseline, "$.finance.allocation_year"),
                    f.has("underlying_deficit_gbp")
                            ? f.get("underlying_deficit_gbp").asDouble()
                            : null);
            int runs = n.path("runs").asInt(DEFAULT_RUNS);
            return new Scenario(
                    n.get("name").asText(),
                    n.path("description").asText(""),
                    baseline,
                    horizon,
                    report,
                    runs,
                    n.path("seed").asLong(DEFAULT_SEED),
                    variants,
                    housing,
                    n.path("health_status").path("from_age").asInt(55),
                    start,
                    full,
                    params,
                    finance);
        } catch (CheckedFile.Invalid e) {
            throw new CheckedFile.Invalid(where + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CheckedFile.Invalid(where + ": " + e.getMessage());
        }
    }

    private static FinancialYear year(JsonNode node, FinancialYear otherwise, String field) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return otherwise;
        }
        try {
            return FinancialYear.parse(node.asText());
        } catch (IllegalArgumentException e) {
            throw new CheckedFile.Invalid("field " + field + ": " + e.getMessage());
        }
    }

    /**
     * Whether the scenario changes anything the "as is" does not: a mitigator, an efficiency or productivity. The
     * as-is file does not, and its results show one model, not two identical ones.
     */
    public boolean changesCare() {
        List<ScenarioParameter> levers = new ArrayList<>(ScenarioParameter.MITIGATORS);
        levers.addAll(List.of(
                ScenarioParameter.EFFICIENCY,
                ScenarioParameter.PRODUCTIVITY_COMMUNITY,
                ScenarioParameter.PRODUCTIVITY_MENTAL_HEALTH,
                ScenarioParameter.PRODUCTIVITY_CHILDREN));
        return levers.stream().map(this::parameter).anyMatch(i -> i.low() != 0 || i.high() != 0);
    }

    /** Every year from the baseline to the horizon. */
    public List<FinancialYear> years() {
        List<FinancialYear> out = new ArrayList<>();
        for (int y = baseline.startYear(); y <= horizon.startYear(); y++) {
            out.add(new FinancialYear(y));
        }
        return out;
    }
}
