package org.openphm.analyses.impact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.openphm.analyses.output.TableDisclosure;
import org.openphm.model.FinancialYear;
import org.openphm.stats.Percentile;
import org.openphm.stats.sdc.DisclosureRule;

/**
 * Every run's outcomes for the "as is" and the scenario, and every run's waterfall; summaries by percentile
 * across runs. Means, not medians, make the waterfall: a mean of differences is the difference of means, so the
 * mean steps add up exactly to the mean total change (medians would not).
 */
public final class ImpactResult {

    /** p10, p50 and p90 of the runs, and their mean. */
    public record Spread(double p10, double p50, double p90, double mean) {
        static Spread of(double[] values) {
            if (Arrays.stream(values).anyMatch(Double::isNaN)) { // not modelled (a funding gap before its year)
                return new Spread(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return new Spread(
                    Percentile.of(sorted, 0.1),
                    Percentile.of(sorted, 0.5),
                    Percentile.of(sorted, 0.9),
                    Arrays.stream(values).average().orElse(Double.NaN));
        }
    }

    /** One bar of the waterfall: the baseline, a factor's mean change, or the scenario's mean total. */
    public record Step(int order, String label, boolean total, double value) {}

    private final Scenario scenario;
    private final ImpactBaseline baseline;
    private final List<ImpactModel.Group> groups;
    private final int years;
    private final double[][][][] asIs;
    private final double[][][][] scenarioRuns;
    private final double[][][][][] steps;
    private final List<Integer> reportIndex;

    ImpactResult(
            Scenario scenario,
            ImpactBaseline baseline,
            List<ImpactModel.Group> groups,
            int years,
            double[][][][] asIs,
            double[][][][] scenarioRuns,
            double[][][][][] steps,
            List<Integer> reportIndex) {
        this.scenario = scenario;
        this.baseline = baseline;
        this.groups = groups;
        this.years = years;
        this.asIs = asIs;
        this.scenarioRuns = scenarioRuns;
        this.steps = steps;
        this.reportIndex = reportIndex;
    }

    public Scenario scenario() {
        return scenario;
    }

    public ImpactBaseline baseline() {
        return baseline;
    }

    public List<ImpactModel.Group> groups() {
        return groups;
    }

    public int runs() {
        return asIs.length;
    }

    public List<FinancialYear> years() {
        return scenario.years();
    }

    public int yearIndex(FinancialYear y) {
        int t = y.startYear() - scenario.baseline().startYear();
        if (t < 0 || t >= years) {
            throw new IllegalArgumentException(
                    y + " is outside the scenario's years " + scenario.baseline() + " to " + scenario.horizon());
        }
        return t;
    }

    public int group(String type, String code) {
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).type().equals(type) && groups.get(g).code().equals(code)) {
                return g;
            }
        }
        throw new IllegalArgumentException("no " + type + " " + code + " in the impact results");
    }

    /** The ICB's index; an evaluation of some Places only has none. */
    public int icb() {
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).icb()) {
                return g;
            }
        }
        throw new IllegalStateException("these results are for "
                + groups.stream().map(ImpactModel.Group::name).toList() + ", not the ICB");
    }

    /** The runs' values of an outcome, as is or under the scenario. */
    public double[] runs(int group, Outcome o, int t, boolean underScenario) {
        double[][][][] src = underScenario ? scenarioRuns : asIs;
        double[] v = new double[src.length];
        for (int r = 0; r < src.length; r++) {
            v[r] = src[r][group][o.ordinal()][t];
        }
        return v;
    }

    public Spread spread(int group, Outcome o, int t, boolean underScenario) {
        return Spread.of(runs(group, o, t, underScenario));
    }

    /** The scenario's change from the "as is", run by run (common random numbers make this the effect). */
    public Spread effect(int group, Outcome o, int t) {
        double[] a = runs(group, o, t, false);
        double[] s = runs(group, o, t, true);
        double[] d = new double[a.length];
        for (int r = 0; r < a.length; r++) {
            d[r] = s[r] - a[r];
        }
        return Spread.of(d);
    }

    /** Report years, as indexes into {@link #years()}. */
    public List<Integer> reportIndex() {
        return reportIndex;
    }

    /** Whether a group has a waterfall (the ICB and its Places). */
    public boolean hasWaterfall(int group) {
        return group < steps[0].length;
    }

    /**
     * The mean waterfall of an outcome in a report year: the baseline, each factor's change and the scenario's
     * total; the changes add up to the total minus the baseline.
     */
    public List<Step> waterfall(int group, int reportYear, Outcome o) {
        int n = ImpactModel.STEPS.size();
        double[] mean = new double[n + 1];
        for (double[][][][] run : steps) {
            for (int k = 0; k <= n; k++) {
                mean[k] += run[group][reportYear][o.ordinal()][k] / steps.length;
            }
        }
        List<Step> out = new ArrayList<>();
        FinancialYear y = scenario.reportYears().get(reportYear);
        out.add(new Step(0, scenario.baseline() + " baseline", true, mean[0]));
        double total = mean[0];
        for (int k = 1; k <= n; k++) {
            out.add(new Step(k, ImpactModel.STEPS.get(k - 1), false, mean[k]));
            total += mean[k];
        }
        out.add(new Step(n + 1, y + " scenario", true, total));
        return out;
    }

    /**
     * The waterfall as shown: the baseline and each change rounded to {@code decimals} places, and the closing
     * total the sum of those, so the bars a reader sees add up exactly (a total rounded on its own can be a unit
     * off the rounded steps).
     */
    public List<Step> roundedWaterfall(int group, int reportYear, Outcome o, int decimals) {
        double scale = Math.pow(10, decimals);
        return roundedWaterfall(group, reportYear, o, v -> Math.round(v * scale) / scale);
    }

    /**
     * The waterfall as shown, each bar rounded by {@code round} (to a count rule's base, say) but the closing
     * total, the sum of the rounded bars; {@code round} must leave a sum of its own results as it is (up to
     * floating point, which it is given to tidy).
     */
    public List<Step> roundedWaterfall(int group, int reportYear, Outcome o, DoubleUnaryOperator round) {
        List<Step> out = new ArrayList<>();
        double running = 0;
        for (Step s : waterfall(group, reportYear, o)) {
            double v = s.total() && s.order() > 0 ? running : round.applyAsDouble(s.value());
            running = s.total() ? v : running + v;
            out.add(new Step(s.order(), s.label(), s.total(), round.applyAsDouble(v)));
        }
        return out;
    }

    /**
     * The waterfall as published, wherever it is published (the pack's waterfall table, the dashboard's
     * explorer): a count's ({@link Outcome#count()}) bars rounded to the rule's base, the closing total the sum
     * of the rounded bars, and every bar withheld (NaN) where the rule suppresses the baseline or the scenario's
     * total, which the bars would tell ({@link TableDisclosure#count}); any other outcome's bars rounded to
     * {@code decimals} places, as its values are.
     */
    public List<Step> publishedWaterfall(int group, int reportYear, Outcome o, DisclosureRule rule, int decimals) {
        if (!o.count()) {
            return roundedWaterfall(group, reportYear, o, decimals);
        }
        boolean withheld = waterfall(group, reportYear, o).stream()
                .anyMatch(s -> s.total() && TableDisclosure.count(s.value(), rule) == null);
        return roundedWaterfall(group, reportYear, o, v -> withheld ? Double.NaN : rule.round(Math.round(v)));
    }

    /**
     * The largest gap, over runs, areas, report years and outcomes, between a run's waterfall (baseline plus its
     * steps) and the same run's scenario value: zero but for rounding, by construction; tests hold us to it.
     */
    public double largestWaterfallGap() {
        double worst = 0;
        for (int r = 0; r < steps.length; r++) {
            for (int g = 0; g < steps[r].length; g++) {
                for (int y = 0; y < reportIndex.size(); y++) {
                    for (Outcome o : Outcome.values()) {
                        if (o == Outcome.FUNDING_GAP
                                || (o.icbOnly() && !groups.get(g).icb())) {
                            continue;
                        }
                        double sum = 0;
                        for (double v : steps[r][g][y][o.ordinal()]) {
                            sum += v;
                        }
                        double target = scenarioRuns[r][g][o.ordinal()][reportIndex.get(y)];
                        worst = Math.max(worst, Math.abs(sum - target) / Math.max(1, Math.abs(target)));
                    }
                }
            }
        }
        return worst;
    }
}
