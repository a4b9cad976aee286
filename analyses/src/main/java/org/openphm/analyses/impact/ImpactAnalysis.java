package org.openphm.analyses.impact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.model.AreaType;
import org.openphm.model.results.ChartSpec;

/**
 * A scenario as an analysis of the pack's section 14, Impact (issue 12): the scenario run against the
 * workspace's baseline, as is and with its changes, its tables ({@link ImpactTables}) and charts (fan charts of
 * the main outcomes, the waterfalls of the ICB). The shipped scenarios are built by every {@code phm build};
 * {@code phm scenario run} runs a user's.
 */
public final class ImpactAnalysis implements Analysis {

    private final Scenario scenario;
    private final String id;
    private final String section;
    private final Function<AnalysisContext, ImpactBaseline> baseline;

    /**
     * @param baseline how to get the workspace's baseline; the analyses of one build share one, so the
     *                 workspace is read once
     */
    public ImpactAnalysis(
            Scenario scenario, String id, String section, Function<AnalysisContext, ImpactBaseline> baseline) {
        this.scenario = scenario;
        this.id = id;
        this.section = section;
        this.baseline = baseline;
    }

    /** The shipped scenarios, IMP 14.1 (as is) and 14.2 (the Case for Change), sharing one baseline read. */
    public static List<Analysis> shipped() {
        BaselineOnce once = new BaselineOnce();
        try {
            return List.of(
                    new ImpactAnalysis(Scenario.readResource("impact/as-is.yaml"), "imp-14.1-as-is", "IMP 14.1", once),
                    new ImpactAnalysis(
                            Scenario.readResource("impact/case-for-change.yaml"),
                            "imp-14.2-case-for-change",
                            "IMP 14.2",
                            once));
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped scenarios are part of the jar", e);
        }
    }

    /** The baseline of the context's workspace, read on first use and kept for the analyses that share it. */
    public static final class BaselineOnce implements Function<AnalysisContext, ImpactBaseline> {
        private ImpactBaseline kept;

        @Override
        public synchronized ImpactBaseline apply(AnalysisContext context) {
            if (kept == null) {
                kept = ImpactBaseline.of(
                        context.engine(),
                        context.geography(),
                        context.years(),
                        Scenario.DEFAULT_BASELINE,
                        Scenario.DEFAULT_HORIZON,
                        step -> context.progress().message("Impact baseline: " + step));
            }
            return kept;
        }
    }

    public Scenario scenario() {
        return scenario;
    }

    @Override
    public AnalysisInfo info() {
        String runs = scenario.runs() + " Monte Carlo runs";
        String band = "p10 to p90 of " + runs;
        String last =
                scenario.reportYears().get(scenario.reportYears().size() - 1).label();
        String mid = scenario.reportYears().stream()
                .map(y -> y.label())
                .filter(y -> y.equals("2036/37"))
                .findFirst()
                .orElse(last);
        List<ChartSpec> charts = new ArrayList<>();
        for (Outcome o : List.of(
                Outcome.EMERGENCY_ADMISSIONS,
                Outcome.BED_DAYS,
                Outcome.COMMUNITY_REFERRALS,
                Outcome.MENTAL_HEALTH_REFERRALS)) {
            charts.add(fan(o, "activity", "", band));
        }
        for (Outcome o : List.of(Outcome.BEDS, Outcome.WTE, Outcome.COST_CASH)) {
            charts.add(fan(o, "capacity-and-cost", "value_", band));
        }
        List<Outcome> waterfalls = scenario.changesCare()
                ? List.of(Outcome.EMERGENCY_ADMISSIONS, Outcome.BEDS, Outcome.COST)
                : List.of(Outcome.COST_CASH);
        for (Outcome o : waterfalls) {
            charts.add(ChartSpec.ofTable(
                    "waterfall",
                    o.label() + ": what moves it by " + mid,
                    "ICB, mean of " + runs,
                    "waterfall",
                    Map.of("area_type", AreaType.ICB.label(), "outcome_id", o.id(), "year", mid),
                    Map.of(),
                    o.unit()));
        }
        if (scenario.changesCare()) { // the claims are about a changed model: beside the as-is alone they mislead
            charts.add(ChartSpec.ofTable(
                    "table", "The Case for Change's claims tested", scenario.name(), "claims", Map.of(), Map.of(), ""));
        }
        charts.add(ChartSpec.ofTable(
                "table",
                "Emergency admissions per 1,000 people by deprivation and ethnic " + "group",
                scenario.horizon() + ", as is and under the scenario",
                "inequalities",
                Map.of(),
                Map.of(),
                "per 1,000"));
        return new AnalysisInfo(
                id,
                section,
                "Impact to " + scenario.horizon() + ": " + scenario.name(),
                scenario.description().isBlank()
                        ? "Demand, beds, staff and cost to " + scenario.horizon() + " as is and under the scenario."
                        : scenario.description(),
                "Monte Carlo over the scenario's parameter intervals (" + runs + ", seed " + scenario.seed()
                        + "), on the baseline year's activity by Place, sex, age band, IMD quintile and ethnic group "
                        + "(" + scenario.baseline() + "): each cell grown by its local authority's projected growth "
                        + "(DP 1.3), the drawn population variant and housing, and the health-status adjustment; "
                        + "then non-demographic growth, mitigators phased in from " + scenario.mitigationStart()
                        + " to " + scenario.mitigationFullBy() + ", costs, staffing ratios (DP 12.1) and target "
                        + "occupancy. The as-is is the same runs without mitigators and efficiencies. The waterfall "
                        + "switches factors on in a fixed order; its steps are means over runs and add up to the "
                        + "mean total. With every mitigator at zero the model reproduces DP 2.2, 4.7, 4.9 and 12.1.",
                "spell (SUS APC), referral (CSDS, MHSDS), registration, patient, population_projection, workforce, "
                        + "finance_spend; the scenario file's parameters (see the parameters table)",
                List.of(
                        "A model, not a forecast: the bands are the spread of the stated assumptions, not the chance "
                                + "of an outcome.",
                        "Acute workforce and mental health beds are not modelled: the workspace has no acute staff "
                                + "(ESR covers community and mental health providers) and no mental health spells.",
                        "The population variants scale the principal projection's growth; ONS's own variant "
                                + "projections are not in the workspace.",
                        "Costs of activity outside the model (primary care, prescribing, continuing care) are not "
                                + "included; the funding gap assumes they grow as the modelled cost does."),
                charts);
    }

    private ChartSpec fan(Outcome o, String table, String prefix, String band) {
        boolean both = scenario.changesCare();
        return ChartSpec.ofTable(
                "projection",
                o.label(),
                both ? AreaType.ICB.label() + ", as is and scenario" : AreaType.ICB.label(),
                table,
                both
                        ? Map.of("area_type", AreaType.ICB.label(), "outcome_id", o.id())
                        : Map.of("area_type", AreaType.ICB.label(), "outcome_id", o.id(), "model", ImpactTables.AS_IS),
                Map.of(
                        "x",
                        "year",
                        "y",
                        prefix + "p50",
                        "lower",
                        prefix + "p10",
                        "upper",
                        prefix + "p90",
                        "series",
                        "model",
                        "band",
                        band),
                o.unit());
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        ImpactBaseline b = baseline.apply(context);
        context.progress().message("Impact: " + scenario.name() + ", " + scenario.runs() + " runs");
        return ImpactTables.all(ImpactModel.run(b, scenario), context.rule());
    }
}
