package org.openphm.synth.population;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openphm.synth.Seeds;
import org.openphm.synth.SyntheticPerson;
import org.openphm.synth.icb.SyntheticIcbDefinition;

/**
 * The offline fitter of {@link FittedParams} (run by hand, not a test): draws the people registered on the
 * reference date with the current parameters, measures what the calibration test measures, and moves each
 * intercept and pairwise term by the logit gap to its target (a damped fixed-point iteration), then rescales
 * mortality and blood pressure. Usage: CalibrationFit <people> <iterations> <output fitted_params.csv>.
 */
public final class CalibrationFit {
    private static final LocalDate REF = PopulationFlow.REFERENCE_DATE;
    private static final List<ConditionSpec> CHAIN = ConditionCatalogue.CHAIN;

    /** A pairwise target: P(later | earlier) in the chain order, in %. */
    record PairTarget(int later, int earlier, double percent) {}

    public static void main(String[] args) throws IOException {
        int people = Integer.parseInt(args[0]);
        int iterations = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        FittedParams params = args.length > 3 ? FittedParams.loadFrom(Path.of(args[3])) : FittedParams.load();
        List<PairTarget> pairs = pairTargets();
        for (int it = 0; it <= iterations; it++) {
            Measured m = measure(params, people, 7_000_000L);
            System.out.printf(
                    Locale.ROOT,
                    "iteration %d: worst marginal %.2f%% rel (%s), worst pair %.2f pts (%s), mean hazard %.5f, BP %.1f%%/%.1f%%%n",
                    it,
                    m.worstMarginal(),
                    m.worstName,
                    m.worstPair(pairs),
                    m.worstPairName,
                    m.meanHazard,
                    100 * m.bpControlled(),
                    100 * m.bpControlledBlack());
            if (it == iterations) {
                break;
            }
            update(params, m, pairs);
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            params.write(
                    w,
                    "fitted by CalibrationFit (synth test sources) on " + people + " people, " + iterations
                            + " iterations, to the DP 3.7 / DP 3.11 / DP 4.3 / DP 4.5 targets in PackTargets and FitTargets");
        }
    }

    static List<PairTarget> pairTargets() {
        List<PairTarget> out = new ArrayList<>();
        List<String> mc = PackTargets.MATRIX_CONDITIONS;
        for (String a : mc) {
            for (String b : mc) {
                int ia = ConditionCatalogue.indexOf(a);
                int ib = ConditionCatalogue.indexOf(b);
                if (ia < ib) {
                    // Fit P(b | a) to the mean of its DP 3.11 cell and the value the reverse cell implies by Bayes
                    // with the target marginals: where our marginals depart from DP 3.7 (AF, COPD, stroke), this
                    // splits the error between the two cells instead of putting it all on the reverse one.
                    double direct = PackTargets.matrix(a, b);
                    double viaReverse = PackTargets.matrix(b, a)
                            * FitTargets.WHOLE_POPULATION.get(b)
                            / FitTargets.WHOLE_POPULATION.get(a);
                    out.add(new PairTarget(ib, ia, (direct + viaReverse) / 2));
                }
            }
        }
        for (var row : PackTargets.DP_3_7_EXTRA.entrySet()) {
            for (var col : row.getValue().entrySet()) {
                int ir = ConditionCatalogue.indexOf(row.getKey());
                int ic = ConditionCatalogue.indexOf(col.getKey());
                if (ir < ic) {
                    out.add(new PairTarget(ic, ir, col.getValue()));
                } else {
                    // P(row | col) = P(col | row) P(row) / P(col), with the target marginals (Bayes).
                    double p = col.getValue()
                            * FitTargets.WHOLE_POPULATION.get(row.getKey())
                            / FitTargets.WHOLE_POPULATION.get(col.getKey());
                    out.add(new PairTarget(ir, ic, p));
                }
            }
        }
        return out;
    }

    static final class Measured {
        final int n = CHAIN.size();
        long people;
        long under18;
        final long[] on = new long[n];
        final long[] onUnder18 = new long[n];
        final long[][] both = new long[n][n];
        long pc;
        double hazardSum;
        double meanHazard;
        long hyp, controlled, hypBlack, controlledBlack;

        double percent(int k) {
            return 100.0 * on[k] / people;
        }

        double bpControlled() {
            return (double) controlled / Math.max(1, hyp);
        }

        double bpControlledBlack() {
            return (double) controlledBlack / Math.max(1, hypBlack);
        }

        double conditional(PairTarget t) {
            return 100.0 * both[t.later()][t.earlier()] / Math.max(1, on[t.earlier()]);
        }

        String worstName = "";
        String worstPairName = "";

        double worstMarginal() {
            double worst = 0;
            for (var e : FitTargets.WHOLE_POPULATION.entrySet()) {
                int k = ConditionCatalogue.indexOf(e.getKey());
                double obs = k < 0 ? 100.0 * pc / people : percent(k);
                double rel = 100 * Math.abs(obs / e.getValue() - 1);
                if (rel > worst) {
                    worst = rel;
                    worstName = e.getKey() + " " + String.format(Locale.ROOT, "%.2f", obs);
                }
            }
            return worst;
        }

        double worstPair(List<PairTarget> pairs) {
            double worst = 0;
            for (PairTarget t : pairs) {
                double gap = Math.abs(conditional(t) - t.percent());
                if (gap > worst) {
                    worst = gap;
                    worstPairName = CHAIN.get(t.earlier()).id() + "->"
                            + CHAIN.get(t.later()).id()
                            + String.format(Locale.ROOT, " %.1f/%.1f", conditional(t), t.percent());
                }
            }
            return worst;
        }
    }

    static Measured measure(FittedParams params, int people, long seed) {
        PersonModel model =
                new PersonModel(Geography.of(SyntheticIcbDefinition.defaultIcb()), params, new PopulationFlow(people));
        Measured m = new Measured();
        boolean[] has = new boolean[m.n];
        for (long i = 0; i < people; i++) {
            DrawnPerson d = model.draw(i, "P" + i, Seeds.forPerson(seed, i, 0));
            SyntheticPerson p = d.person();
            m.people++;
            int age = p.ageOn(REF);
            boolean child = age < 18;
            if (child) {
                m.under18++;
            }
            boolean[] drawn = new boolean[m.n];
            for (int k = 0; k < m.n; k++) {
                LocalDate dx = p.conditions().get(CHAIN.get(k).id());
                has[k] = dx != null && !dx.isAfter(REF);
                drawn[k] = dx != null;
                for (DrawnPerson.Episode e : d.episodes()) {
                    if (e.condition().equals(CHAIN.get(k).id())
                            && !e.diagnosed().isAfter(REF)
                            && (e.resolved() == null || e.resolved().isAfter(REF))) {
                        has[k] = true;
                    }
                }
                if (has[k]) {
                    m.on[k]++;
                    if (child) {
                        m.onUnder18[k]++;
                    }
                }
            }
            for (int a = 0; a < m.n; a++) {
                if (has[a]) {
                    for (int b = 0; b < m.n; b++) {
                        if (has[b]) {
                            m.both[a][b]++;
                        }
                    }
                }
            }
            if (p.hasCondition("PC", REF)) {
                m.pc++;
            }
            m.hazardSum += params.mortalityScale
                    * Mortality.baseline(age + 0.5, p.sex())
                    * Mortality.multiplier(
                            d.latent(),
                            Demography.deprivation(p.imdDecile()),
                            SyntheticIcbDefinition.defaultIcb().place(p.placeCode()),
                            age,
                            drawn);
            if (has[ConditionCatalogue.indexOf("HYP")]) {
                lastBp(d, age, m, "M N P".contains(String.valueOf(p.ethnicity())) && p.ethnicity() != null);
            }
        }
        m.meanHazard = m.hazardSum / m.people;
        return m;
    }

    private static void lastBp(DrawnPerson d, int age, Measured m, boolean black) {
        Double sys = null;
        Double dia = null;
        for (DrawnPerson.Observation o : d.observations()) {
            if (o.date().isAfter(REF)) {
                continue;
            }
            if (o.code().equals("BP_SYS")) {
                sys = o.value();
            } else if (o.code().equals("BP_DIA")) {
                dia = o.value();
            }
        }
        if (sys == null || dia == null) {
            return;
        }
        boolean ok = sys <= (age >= 80 ? 150 : 140) && dia <= 90;
        m.hyp++;
        m.controlled += ok ? 1 : 0;
        if (black) {
            m.hypBlack++;
            m.controlledBlack += ok ? 1 : 0;
        }
    }

    static void update(FittedParams params, Measured m, List<PairTarget> pairs) {
        for (PairTarget t : pairs) {
            double obs = clamp(m.conditional(t) / 100);
            double gap = Distributions.logit(clamp(t.percent() / 100)) - Distributions.logit(obs);
            params.pair[t.later()][t.earlier()] =
                    Math.max(-4, Math.min(5, params.pair[t.later()][t.earlier()] + 0.35 * gap));
        }
        for (var e : FitTargets.WHOLE_POPULATION.entrySet()) {
            int k = ConditionCatalogue.indexOf(e.getKey());
            double obs = k < 0 ? 100.0 * m.pc / m.people : m.percent(k);
            double gap = Distributions.logit(e.getValue() / 100) - Distributions.logit(clamp(obs / 100));
            if (k < 0) {
                params.pcIntercept += 0.6 * gap;
            } else {
                params.intercept[k] += 0.6 * gap;
            }
        }
        for (Map.Entry<String, Double> e : FitTargets.UNDER_18.entrySet()) {
            int k = ConditionCatalogue.indexOf(e.getKey());
            double obs = 100.0 * m.onUnder18[k] / Math.max(1, m.under18);
            params.intercept[k] +=
                    0.8 * (Distributions.logit(e.getValue() / 100) - Distributions.logit(clamp(obs / 100)));
        }
        params.mortalityScale *= PopulationFlow.DEATH_RATE / m.meanHazard;
        // About 2.5 points of control per mmHg of mean systolic pressure near two-thirds control.
        params.bpSystolicMean += (m.bpControlled() - PackTargets.BP_CONTROLLED / 100) / 0.025;
        params.bpBlackExtra += (m.bpControlledBlack()
                        - PackTargets.BP_CONTROLLED_BLACK / 100
                        - (m.bpControlled() - PackTargets.BP_CONTROLLED / 100))
                / 0.025;
    }

    private static double clamp(double p) {
        return Math.max(1e-4, Math.min(1 - 1e-4, p));
    }
}
