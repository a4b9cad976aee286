package org.openphm.analyses.impact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commented template {@code phm scenario new} writes: every field of a scenario with its default and what it
 * means, generated from {@link ScenarioParameter} so the template cannot drift from what the model reads. Read
 * back unchanged, it is the "as is" with the defaults.
 */
public final class ScenarioTemplate {
    private ScenarioTemplate() {}

    public static String text(String name) {
        StringBuilder b = new StringBuilder();
        b.append("# OpenPHM impact scenario (schema: phm scenario schema). Run it with\n")
                .append("#   phm scenario run THIS_FILE --workspace W --out DIR\n")
                .append("# Every number may be an interval instead: {low: 1, high: 3} (uniform), with\n")
                .append("# distribution: triangular and a mode, or distribution: normal (low and high are the 10th\n")
                .append("# and 90th centiles). Percentages are percent: 5 means 5%.\n")
                .append("schema: openphm-scenario/1\n")
                .append("name: ")
                .append(quote(name))
                .append('\n')
                .append("description: \"\"\n")
                .append("baseline_year: ")
                .append(Scenario.DEFAULT_BASELINE)
                .append('\n')
                .append("horizon_year: ")
                .append(Scenario.DEFAULT_HORIZON)
                .append('\n')
                .append("# report_years: [2028/29, 2036/37, 2042/43]   # the waterfall's years (default)\n")
                .append("runs: ")
                .append(Scenario.DEFAULT_RUNS)
                .append('\n')
                .append("seed: ")
                .append(Scenario.DEFAULT_SEED)
                .append('\n')
                .append("population:\n")
                .append("  # The principal projection's growth, or variants of it with probabilities summing to 1:\n")
                .append("  variants:\n")
                .append("    - {name: principal, probability: 1, growth_multiplier: 1}\n")
                .append("  # Extra population by the horizon from housing the projection leaves out, by Place code:\n")
                .append("  # housing_uplift_pct: {YOUR_PLACE_CODE: {low: 0, high: 5}}\n")
                .append("  housing_uplift_pct: {}\n");
        Map<String, List<ScenarioParameter>> blocks = new LinkedHashMap<>();
        for (ScenarioParameter p : ScenarioParameter.values()) {
            blocks.computeIfAbsent(p.block(), k -> new java.util.ArrayList<>()).add(p);
        }
        blocks.forEach((block, params) -> {
            String[] path = block.split("\\.");
            for (int i = 0; i < path.length; i++) {
                b.append("  ".repeat(i)).append(path[i]).append(":\n");
            }
            String indent = "  ".repeat(path.length);
            if (block.equals("health_status")) {
                b.append(indent)
                        .append("# Ages the health-status adjustment applies from:\n")
                        .append(indent)
                        .append("from_age: 55\n");
            }
            if (block.equals("mitigators")) {
                b.append(indent)
                        .append("# Mitigators start in start_year and are in full by full_by, rising evenly:\n")
                        .append(indent)
                        .append("start_year: ")
                        .append(new org.openphm.model.FinancialYear(Scenario.DEFAULT_BASELINE.startYear() + 1))
                        .append('\n')
                        .append(indent)
                        .append("full_by: ")
                        .append(new org.openphm.model.FinancialYear(Scenario.DEFAULT_BASELINE.startYear() + 5))
                        .append('\n');
            }
            if (block.equals("finance")) {
                b.append(indent)
                        .append("# The system's allocation in a year and its underlying deficit then, for "
                                + "the funding gap:\n")
                        .append(indent)
                        .append("# allocation_gbp: 2600000000\n")
                        .append(indent)
                        .append("# allocation_year: 2025/26\n")
                        .append(indent)
                        .append("# underlying_deficit_gbp: 26000000\n");
            }
            for (ScenarioParameter p : params) {
                b.append(indent)
                        .append("# ")
                        .append(p.documentation())
                        .append(" (")
                        .append(p.unit())
                        .append(")\n");
                Interval i = p.otherwise();
                if (i == null) {
                    b.append(indent).append("# ").append(p.field()).append(": 0\n");
                } else {
                    b.append(indent)
                            .append(p.field())
                            .append(": ")
                            .append(yaml(i))
                            .append('\n');
                }
            }
        });
        return b.toString();
    }

    static String yaml(Interval i) {
        if (i.isFixed()) {
            return i.describe();
        }
        StringBuilder b = new StringBuilder("{low: ")
                .append(num(i.low()))
                .append(", high: ")
                .append(num(i.high()));
        if (i.shape() != Interval.Shape.UNIFORM) {
            b.append(", distribution: ").append(i.shape().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (i.mode() != null) {
            b.append(", mode: ").append(num(i.mode()));
        }
        return b.append('}').toString();
    }

    private static String num(double v) {
        return Interval.fixed(v).describe();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
