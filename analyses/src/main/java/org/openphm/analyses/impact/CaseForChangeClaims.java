package org.openphm.analyses.impact;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.number;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.model.FinancialYear;
import org.openphm.model.results.Precision;

/**
 * The Case for Change's three quantified claims, put to the model with the assumptions the seed states and ours
 * where it states none (the Case for Change's claims; issue 12, item 3). Each gets our p10, p50 and p90 and a
 * verdict: reproduced (the seed's figure lies between our p10 and p90), not reproduced (it lies outside), or not
 * derivable from the data (the figure rests on something the workspace does not hold).
 */
public final class CaseForChangeClaims {
    private CaseForChangeClaims() {}

    public static final String REPRODUCED = "reproduced";
    public static final String NOT_REPRODUCED = "not reproduced";
    public static final String NOT_DERIVABLE = "not derivable from the data";

    /** One claim with our figures; p10/p50/p90 are NaN when we cannot compute it at all. */
    public record Claim(
            String id,
            String claim,
            String seed,
            String measure,
            String year,
            double seedValue,
            double p10,
            double p50,
            double p90,
            String verdict,
            String basis) {}

    static final FinancialYear Y2037 = new FinancialYear(2036);
    static final FinancialYear Y2029 = new FinancialYear(2028);

    public static List<Claim> evaluate(ImpactResult r) {
        List<Claim> out = new ArrayList<>();
        int icb = r.icb();
        // 1. "the cost of providing these services will increase by 50% by 2037" (CfC, Part D: community and
        //    mental health services, without transformation)
        if (within(r, Y2037)) {
            int t = r.yearIndex(Y2037);
            ImpactResult.Spread s = percentChange(r, icb, Outcome.COMMUNITY_MENTAL_HEALTH_COST_CASH, t, false);
            out.add(verdict(
                    "cost-50pct-2037",
                    "As-is cost of community and mental health services +50% by 2037",
                    "CfC Part D (provider accountability): 'the cost of providing these services will increase by 50% "
                            + "by 2037'",
                    "% change in cash cost, " + r.scenario().baseline() + " to " + Y2037 + ", as is",
                    Y2037.label(),
                    50,
                    s,
                    "Referrals grow with the population (and any "
                            + "non-demographic growth); cost per referral is the baseline's spend over referrals; "
                            + "cash at the scenario's inflation (" + interval(r, ScenarioParameter.INFLATION)
                            + "% a year). The seed states no assumptions."));
        }
        // 2. "the gap between available funding and expenditure would grow to c£182m by 2028/29"
        if (within(r, Y2029)) {
            int t = r.yearIndex(Y2029);
            ImpactResult.Spread s = r.spread(icb, Outcome.FUNDING_GAP, t, false);
            Scenario.Finance f = r.scenario().finance();
            String basis = f.allocationGbp() == null
                    ? "The scenario gives no allocation (finance.allocation_gbp)."
                    : "Spending (allocation £" + millions(f.allocationGbp()) + "m plus the £"
                            + millions(f.underlyingDeficitGbp() == null ? 0 : f.underlyingDeficitGbp())
                            + "m underlying deficit in " + f.allocationYear() + ") grows as the modelled as-is cost in "
                            + "cash; funding grows " + interval(r, ScenarioParameter.FUNDING_GROWTH) + "% a year, an "
                            + "assumption: the seed states neither funding growth nor the cost growth of services outside "
                            + "the model, so the figure cannot be derived from the data. " + breakEven(r, t);
            out.add(new Claim(
                    "gap-182m-2028-29",
                    "Funding gap of c£182m by 2028/29 without action",
                    "CfC Financial Context: 'the gap between available funding and expenditure would grow to c£182m "
                            + "by 2028/29'",
                    "Funding gap in cash, £m, as is",
                    Y2029.label(),
                    182,
                    s.p10() / 1e6,
                    s.p50() / 1e6,
                    s.p90() / 1e6,
                    NOT_DERIVABLE,
                    basis));
        }
        // 3. "avoid the need for 300 extra acute beds by 2037, saving £100m capital and £60m annual revenue"
        if (within(r, Y2037)) {
            int t = r.yearIndex(Y2037);
            ImpactResult.Spread extra = change(r, icb, Outcome.BEDS, t);
            out.add(verdict(
                    "extra-beds-2037",
                    "As is, acute beds needed by 2037 rise by about 300",
                    "CfC Part D (infrastructure): 'avoid the need for 300 extra acute beds by 2037'",
                    "Extra acute beds needed, " + r.scenario().baseline() + " to " + Y2037 + ", as is",
                    Y2037.label(),
                    300,
                    extra,
                    "Beds = bed days / 365 / target occupancy ("
                            + interval(r, ScenarioParameter.OCCUPANCY) + "%); bed days of the baseline's admissions "
                            + "grown with the population."));
            ImpactResult.Spread avoided = negate(r.effect(icb, Outcome.BEDS, t));
            out.add(verdict(
                    "beds-avoided-2037",
                    "The proposed model avoids about 300 acute beds by 2037",
                    "CfC Part D (infrastructure), as above",
                    "Acute beds avoided in " + Y2037 + " (as is minus scenario, run by run)",
                    Y2037.label(),
                    300,
                    avoided,
                    "Under this scenario's mitigators, which the seed does not quantify: see the parameters table."
                            + acscShare(r, icb)));
            ImpactResult.Spread revenue = negate(r.effect(icb, Outcome.COST, t));
            out.add(verdict(
                    "revenue-60m-2037",
                    "... saving £60m a year in revenue",
                    "CfC Part D (infrastructure): '£60m annual revenue'",
                    "Cost avoided in " + Y2037 + ", £m a year, baseline-year prices",
                    Y2037.label(),
                    60,
                    scale(revenue, 1e-6),
                    "Bed days avoided at £" + interval(r, ScenarioParameter.BED_DAY_GBP) + " a day, admissions "
                            + "avoided at their own SUS cost, less what replaces them (virtual ward days, "
                            + "community contacts)."));
            out.add(new Claim(
                    "capital-100m-2037",
                    "... and £100m of capital",
                    "CfC Part D (infrastructure): " + "'saving £100m capital'",
                    "Capital cost of the beds avoided",
                    Y2037.label(),
                    100,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    NOT_DERIVABLE,
                    "The workspace holds no capital cost per bed; the seed's " + "figures imply £"
                            + Math.round(100e6 / 300 / 1000) + "k a bed."));
        }
        return out;
    }

    public static AnalysisTable table(ImpactResult r) {
        List<List<Object>> rows = new ArrayList<>();
        for (Claim c : evaluate(r)) {
            rows.add(Arrays.asList(
                    c.id(),
                    c.claim(),
                    c.seed(),
                    c.measure(),
                    c.year(),
                    c.seedValue(),
                    num(c.p10()),
                    num(c.p50()),
                    num(c.p90()),
                    c.verdict(),
                    c.basis()));
        }
        return new AnalysisTable(
                "claims",
                "The Case for Change's claims tested with this scenario",
                List.of(
                        text("claim_id", "Claim"),
                        text("claim", "What the seed claims"),
                        text("seed_source", "Where it says so"),
                        text("measure", "What we computed"),
                        text("year", "Year"),
                        number("seed_value", "The seed's figure"),
                        // one place, as the seed states its figures
                        number("ours_p10", "Our 10th centile").rounded(Precision.ONE_PLACE),
                        number("ours_p50", "Our median").rounded(Precision.ONE_PLACE),
                        number("ours_p90", "Our 90th centile").rounded(Precision.ONE_PLACE),
                        text("verdict", "reproduced / not reproduced / not derivable from the data"),
                        text("basis", "How we computed it, and what it assumes")),
                rows);
    }

    /**
     * The seed ties the 300 beds to admissions "for conditions manageable in the community": the waterfall says
     * how many of the beds avoided ACSC admission avoidance itself accounts for, when 2036/37 is a report year.
     */
    private static String acscShare(ImpactResult r, int icb) {
        int y = r.scenario().reportYears().indexOf(Y2037);
        if (y < 0 || !r.hasWaterfall(icb)) {
            return "";
        }
        return r.waterfall(icb, y, Outcome.BEDS).stream()
                .filter(s -> s.label().equals(MitigatorNames.of(ScenarioParameter.ACSC_AVOIDANCE)))
                .findFirst()
                .map(s -> String.format(
                        " Of the mean beds avoided, ACSC admission avoidance (%s%%) accounts for %.0f.",
                        interval(r, ScenarioParameter.ACSC_AVOIDANCE), -s.value()))
                .orElse("");
    }

    private static Claim verdict(
            String id,
            String claim,
            String seed,
            String measure,
            String year,
            double value,
            ImpactResult.Spread s,
            String basis) {
        String v = value >= s.p10() && value <= s.p90() ? REPRODUCED : NOT_REPRODUCED;
        return new Claim(id, claim, seed, measure, year, value, s.p10(), s.p50(), s.p90(), v, basis);
    }

    private static boolean within(ImpactResult r, FinancialYear y) {
        return y.compareTo(r.scenario().baseline()) > 0
                && y.compareTo(r.scenario().horizon()) <= 0;
    }

    /** Run by run: the outcome in year t as a % change on the baseline year. */
    static ImpactResult.Spread percentChange(ImpactResult r, int g, Outcome o, int t, boolean scenario) {
        double[] base = r.runs(g, o, 0, scenario);
        double[] then = r.runs(g, o, t, scenario);
        double[] pct = new double[base.length];
        for (int i = 0; i < pct.length; i++) {
            pct[i] = (then[i] / base[i] - 1) * 100;
        }
        return ImpactResult.Spread.of(pct);
    }

    static ImpactResult.Spread change(ImpactResult r, int g, Outcome o, int t) {
        double[] base = r.runs(g, o, 0, false);
        double[] then = r.runs(g, o, t, false);
        double[] d = new double[base.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = then[i] - base[i];
        }
        return ImpactResult.Spread.of(d);
    }

    /** The funding growth a year at which the median as-is cost gives the seed's £182m gap. */
    private static String breakEven(ImpactResult r, int t) {
        Scenario.Finance f = r.scenario().finance();
        if (f.allocationGbp() == null) {
            return "";
        }
        int from = f.allocationYear().startYear() - r.scenario().baseline().startYear();
        if (from < 0 || from >= t) {
            return "";
        }
        double[] a = r.runs(r.icb(), Outcome.COST_CASH, from, false);
        double[] b = r.runs(r.icb(), Outcome.COST_CASH, t, false);
        double[] index = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            index[i] = b[i] / a[i];
        }
        double costIndex = ImpactResult.Spread.of(index).p50();
        double spending =
                (f.allocationGbp() + (f.underlyingDeficitGbp() == null ? 0 : f.underlyingDeficitGbp())) * costIndex;
        double growth = Math.pow((spending - 182e6) / f.allocationGbp(), 1.0 / (t - from)) - 1;
        return String.format(
                "With the median cost growth (%.1f%% from %s to %s), a £182m gap needs funding to grow "
                        + "%.2f%% a year.",
                (costIndex - 1) * 100, f.allocationYear(), r.years().get(t), growth * 100);
    }

    private static ImpactResult.Spread negate(ImpactResult.Spread s) {
        return new ImpactResult.Spread(-s.p90(), -s.p50(), -s.p10(), -s.mean());
    }

    private static ImpactResult.Spread scale(ImpactResult.Spread s, double k) {
        return new ImpactResult.Spread(s.p10() * k, s.p50() * k, s.p90() * k, s.mean() * k);
    }

    private static String interval(ImpactResult r, ScenarioParameter p) {
        Interval i = r.scenario().parameter(p);
        return i == null ? "from the workspace" : i.describe();
    }

    private static String millions(double v) {
        return String.valueOf(Math.round(v / 1e6));
    }

    private static Double num(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
