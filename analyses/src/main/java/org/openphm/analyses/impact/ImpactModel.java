package org.openphm.analyses.impact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.openphm.model.AreaType;

/**
 * The impact model (issue 12): Monte Carlo over a scenario's intervals, in the manner of the New Hospital
 * Programme demand model, on the baseline's cells. In two steps, so a dashboard lever never recomputes what it
 * cannot change:
 * <ol>
 * <li>{@link #prepare}: each run draws its uniform numbers, and from them the population variant, housing and
 *     health status, and sums every area's cells grown by demography alone, by the variant with housing, and by
 *     both with health status (three "stages", the first three steps of the waterfall);</li>
 * <li>{@link Prepared#evaluate}: turns a run's stage sums into outcomes with the run's growth, mitigators,
 *     costs and staffing, for the "as is" (no mitigators, no efficiencies) and the scenario, with common random
 *     numbers so their difference is the scenario's effect and not noise.</li>
 * </ol>
 * The waterfall switches the factors on one at a time in a fixed order; each step is the change that factor
 * makes, so the steps add up to the total change on every run, and their means to the mean change.
 */
public final class ImpactModel {
    private ImpactModel() {}

    static final int STAGES = 3;
    static final int Q = Quantity.values().length;
    static final int O = Outcome.values().length;

    /** An area the model reports: its cells, merged by Place × sex × age band (the grain growth differs by). */
    public record Group(String type, String code, String name, int[] growth, int[] sexBand, int[] place, double[][] q) {
        public boolean icb() {
            return type.equals(ICB);
        }
    }

    public static final String ICB = AreaType.ICB.label();
    public static final String PLACE = AreaType.PLACE.label();
    public static final String IMD = "IMD quintile";
    public static final String ETHNIC = "Ethnic group";

    /** The waterfall's steps after the baseline, in order. */
    public static final List<String> STEPS;

    static {
        List<String> s = new ArrayList<>(List.of(
                "Demographic growth (principal projection)",
                "Population variant and housing",
                "Health status",
                "Non-demographic growth"));
        ScenarioParameter.MITIGATORS.forEach(m -> s.add(MitigatorNames.of(m)));
        s.add("Efficiencies");
        s.add("Inflation");
        STEPS = List.copyOf(s);
    }

    /** Switches of the waterfall: which stage sums, and which factors after them, are on. */
    record Switches(int stage, boolean growth, int mitigators, boolean efficiency, boolean inflation) {
        static Switches step(int k) {
            // k = 1..STEPS.size(): the first k steps on
            int stage = Math.min(k, STAGES) - 1;
            int mitigators = Math.max(0, Math.min(k - 4, ScenarioParameter.MITIGATORS.size()));
            return new Switches(
                    stage,
                    k >= 4,
                    mitigators,
                    k >= 5 + ScenarioParameter.MITIGATORS.size(),
                    k >= 6 + ScenarioParameter.MITIGATORS.size());
        }

        static final Switches AS_IS = new Switches(STAGES - 1, true, 0, false, true);
        static final Switches SCENARIO = step(4 + ScenarioParameter.MITIGATORS.size() + 2);
    }

    /** Builds the areas: the ICB, each Place, each IMD quintile and each ethnic group. */
    static List<Group> groups(
            ImpactBaseline b,
            boolean geographyOnly,
            Map<String, Integer> growthIndex,
            Map<String, Integer> sexBandIndex,
            List<String> places) {
        Map<String, Map<String, double[]>> merged = new LinkedHashMap<>();
        Map<String, String[]> labels = new LinkedHashMap<>();
        for (ImpactBaseline.Cell c : b.cells()) {
            List<String[]> memberships = new ArrayList<>();
            memberships.add(new String[] {ICB, b.icbCode(), b.icbName()});
            memberships.add(new String[] {PLACE, c.place(), b.placeNames().getOrDefault(c.place(), c.place())});
            if (!geographyOnly) {
                memberships.add(new String[] {IMD, c.imdQuintile(), quintileName(c.imdQuintile())});
                memberships.add(new String[] {ETHNIC, c.ethnicGroup(), c.ethnicGroup()});
            }
            for (String[] m : memberships) {
                String id = m[0] + "|" + m[1];
                labels.putIfAbsent(id, m);
                double[] q = merged.computeIfAbsent(id, k -> new TreeMap<>())
                        .computeIfAbsent(c.growthKey(), k -> new double[Q]);
                for (int i = 0; i < Q; i++) {
                    q[i] += c.q()[i];
                }
            }
        }
        List<Group> out = new ArrayList<>();
        merged.forEach((id, cells) -> {
            String[] m = labels.get(id);
            int n = cells.size();
            int[] g = new int[n];
            int[] sb = new int[n];
            int[] p = new int[n];
            double[][] q = new double[n][];
            int i = 0;
            for (var e : cells.entrySet()) {
                String[] k = e.getKey().split("\\|", -1);
                g[i] = growthIndex.get(e.getKey());
                sb[i] = sexBandIndex.get(k[1] + "|" + k[2]);
                p[i] = places.indexOf(k[0]);
                q[i] = e.getValue();
                i++;
            }
            out.add(new Group(m[0], m[1], m[2], g, sb, p, q));
        });
        out.sort(java.util.Comparator.comparing(
                        (Group x) -> List.of(ICB, PLACE, IMD, ETHNIC).indexOf(x.type()))
                .thenComparing(Group::code));
        return out;
    }

    static String quintileName(String q) {
        return switch (q) {
            case "1" -> "1 (most deprived)";
            case "5" -> "5 (least deprived)";
            default -> q;
        };
    }

    /**
     * Draws every run and sums the stages.
     *
     * @param geographyOnly the ICB and its Places only (the dashboard's explorer), not IMD quintiles and ethnic
     *                      groups
     */
    public static Prepared prepare(ImpactBaseline b, Scenario s, boolean geographyOnly) {
        return new Prepared(b, s, geographyOnly, true);
    }

    /**
     * The whole run: each run's stage sums are made, used and dropped, so memory does not grow with the runs
     * (4,096 runs of every area would otherwise keep close to a gigabyte).
     */
    public static ImpactResult run(ImpactBaseline b, Scenario s) {
        return new Prepared(b, s, false, false).evaluate(s);
    }

    public static final class Prepared {
        final ImpactBaseline baseline;
        final Scenario scenario;
        final List<Group> groups;
        final List<String> places;
        final int years;
        final double[][] uniforms;
        /** [run][group][stage][quantity][year index] */
        /** [run][group][stage][quantity][year index], kept for levers; null when each run makes its own */
        final double[][][][][] stages;

        final ResolvedCosts costs;
        private final double[][] growth;
        private final HealthStatus health;
        final Draw.StaffTotals staff;

        Prepared(ImpactBaseline b, Scenario s, boolean geographyOnly, boolean keep) {
            if (!b.baseline().equals(s.baseline())) {
                throw new IllegalArgumentException("the scenario's baseline year is " + s.baseline()
                        + " but the workspace's impact baseline is " + b.baseline());
            }
            if (s.horizon().startYear() + 1 > b.lastYear()) {
                throw new IllegalArgumentException("the scenario runs to " + s.horizon()
                        + " but the population projection of the baseline stops in " + b.lastYear());
            }
            this.baseline = b;
            this.scenario = s;
            this.years = s.horizon().startYear() - s.baseline().startYear() + 1;
            this.places = new ArrayList<>(new java.util.TreeSet<>(
                    b.cells().stream().map(ImpactBaseline.Cell::place).toList()));
            for (String p : s.housingUpliftPct().keySet()) {
                if (!places.contains(p)) {
                    throw new IllegalArgumentException("field $.population.housing_uplift_pct." + p
                            + ": no Place of the workspace has that code; its Places are " + places);
                }
            }
            Map<String, Integer> growthIndex = new HashMap<>();
            List<double[]> growth = new ArrayList<>();
            Map<String, Integer> sexBandIndex = new LinkedHashMap<>();
            List<Integer> lower = new ArrayList<>();
            for (ImpactBaseline.Cell c : b.cells()) {
                growthIndex.computeIfAbsent(c.growthKey(), k -> {
                    growth.add(b.growth().get(k));
                    return growth.size() - 1;
                });
                sexBandIndex.computeIfAbsent(c.sex() + "|" + c.ageBand(), k -> {
                    lower.add(c.lowerAge());
                    return lower.size() - 1;
                });
            }
            this.groups = ImpactModel.groups(b, geographyOnly, growthIndex, sexBandIndex, places);
            this.costs = ResolvedCosts.of(b);
            this.staff = Draw.StaffTotals.of(b);
            this.health = HealthStatus.of(b, sexBandIndex, lower, s.healthFromAge());
            int runs = s.runs();
            int slots = 2 + places.size() + ScenarioParameter.values().length;
            this.uniforms = new double[runs][slots];
            for (int r = 0; r < runs; r++) {
                SplittableRandom rng = new SplittableRandom(s.seed() * 0x9E3779B97F4A7C15L + r);
                for (int k = 0; k < slots; k++) {
                    // strictly inside (0, 1), so a normal interval's inverse is finite
                    uniforms[r][k] = ((rng.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
                }
            }
            this.growth = growth.toArray(new double[0][]);
            if (keep) {
                this.stages = new double[runs][][][][];
                IntStream.range(0, runs).parallel().forEach(r -> stages[r] = stageSums(r));
            } else {
                this.stages = null;
            }
        }

        private double[][][][] stageSums(int run) {
            double[] u = uniforms[run];
            Scenario.Variant variant = variant(u[0]);
            double multiplier = variant.growthMultiplier().at(u[1]);
            double[] housing = new double[places.size()];
            for (int i = 0; i < places.size(); i++) {
                Interval h = scenario.housingUpliftPct().get(places.get(i));
                housing[i] = h == null ? 0 : h.at(u[2 + i]) / 100;
            }
            double healthyYears =
                    scenario.parameter(ScenarioParameter.HEALTHY_YEARS).at(u[slot(ScenarioParameter.HEALTHY_YEARS)]);
            double[][][] hsa = health.factors(healthyYears, years);
            int span = years - 1;
            double[][][][] out = new double[groups.size()][STAGES][Q][years];
            for (int g = 0; g < groups.size(); g++) {
                Group group = groups.get(g);
                double[][][] a = out[g];
                for (int c = 0; c < group.q().length; c++) {
                    double[] q = group.q()[c];
                    double[] f = growth[group.growth()[c]];
                    double uplift = housing[group.place()[c]];
                    double[][] h = hsa[group.sexBand()[c]];
                    for (int t = 0; t < years; t++) {
                        double d0 = f[t];
                        double d1 = (1 + (d0 - 1) * multiplier) * (1 + uplift * t / span);
                        for (int k = 0; k < Q; k++) {
                            double v = q[k];
                            if (v != 0) {
                                a[0][k][t] += v * d0;
                                a[1][k][t] += v * d1;
                                a[2][k][t] += v * d1 * h[k][t];
                            }
                        }
                    }
                }
            }
            return out;
        }

        Scenario.Variant variant(double u) {
            double cumulative = 0;
            for (Scenario.Variant v : scenario.variants()) {
                cumulative += v.probability();
                if (u < cumulative) {
                    return v;
                }
            }
            return scenario.variants().get(scenario.variants().size() - 1);
        }

        int slot(ScenarioParameter p) {
            return 2 + places.size() + p.ordinal();
        }

        public List<Group> groups() {
            return groups;
        }

        public Scenario scenario() {
            return scenario;
        }

        public ImpactBaseline baseline() {
            return baseline;
        }

        /**
         * Outcomes of every run for a scenario that differs from the prepared one only in parameters after the
         * stage sums (growth, mitigators, costs, staffing, occupancy, finance): the dashboard's levers.
         */
        public ImpactResult evaluate(Scenario levers) {
            return evaluate(levers, g -> true);
        }

        /**
         * As {@link #evaluate(Scenario)}, for some areas only: a dashboard lever asks about one area, and the
         * others need not be computed.
         */
        public ImpactResult evaluate(Scenario levers, java.util.function.Predicate<Group> areas) {
            int runs = uniforms.length;
            int[] chosen = IntStream.range(0, groups.size())
                    .filter(g -> areas.test(groups.get(g)))
                    .toArray();
            List<Group> chosenGroups =
                    java.util.Arrays.stream(chosen).mapToObj(groups::get).toList();
            double[][][][] asIs = new double[runs][][][];
            double[][][][] scen = new double[runs][][][];
            List<Integer> reportIndex = levers.reportYears().stream()
                    .map(y -> y.startYear() - levers.baseline().startYear())
                    .toList();
            double[][][][][] steps = new double[runs][][][][];
            IntStream.range(0, runs).parallel().forEach(r -> {
                Draw d = Draw.of(levers, uniforms[r], this, costs);
                double[][][][] st = stages != null ? stages[r] : stageSums(r);
                asIs[r] = series(st, chosen, d, Switches.AS_IS);
                scen[r] = series(st, chosen, d, Switches.SCENARIO);
                steps[r] = waterfall(st, chosen, d, reportIndex);
            });
            return new ImpactResult(levers, baseline, chosenGroups, years, asIs, scen, steps, reportIndex);
        }

        /** [chosen group][outcome][year] under the switches. */
        double[][][] series(double[][][][] st, int[] chosen, Draw d, Switches s) {
            double[][][] out = new double[chosen.length][O][years];
            double[] o = new double[O];
            for (int i = 0; i < chosen.length; i++) {
                int g = chosen[i];
                double[][] a = st[g][s.stage()];
                double[][] base = st[g][0];
                for (int t = 0; t < years; t++) {
                    Outcomes.compute(a, base, t, d, s, groups.get(g).icb(), o);
                    for (int k = 0; k < O; k++) {
                        out[i][k][t] = o[k];
                    }
                }
                Outcomes.fundingGap(out[i], d, groups.get(g).icb());
            }
            return out;
        }

        /**
         * [chosen ICB or Place][report year][outcome][step 0 = baseline, 1.. = each factor's change]; IMD quintiles
         * and ethnic groups have no waterfall.
         */
        double[][][][] waterfall(double[][][][] st, int[] chosen, Draw d, List<Integer> reportIndex) {
            int n = (int) java.util.Arrays.stream(chosen)
                    .filter(g -> groups.get(g).type().equals(ICB)
                            || groups.get(g).type().equals(PLACE))
                    .count();
            double[][][][] out = new double[n][reportIndex.size()][O][STEPS.size() + 1];
            double[] previous = new double[O];
            double[] now = new double[O];
            for (int i = 0; i < n; i++) {
                int g = chosen[i];
                boolean icb = groups.get(g).icb();
                for (int y = 0; y < reportIndex.size(); y++) {
                    int t = reportIndex.get(y);
                    Outcomes.compute(st[g][0], st[g][0], 0, d, Switches.SCENARIO, icb, previous);
                    for (int k = 0; k < O; k++) {
                        out[i][y][k][0] = previous[k];
                    }
                    for (int step = 1; step <= STEPS.size(); step++) {
                        Switches s = Switches.step(step);
                        Outcomes.compute(st[g][s.stage()], st[g][0], t, d, s, icb, now);
                        for (int k = 0; k < O; k++) {
                            out[i][y][k][step] = now[k] - previous[k];
                        }
                        double[] swap = previous;
                        previous = now;
                        now = swap;
                    }
                }
            }
            return out;
        }
    }
}
