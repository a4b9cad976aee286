package org.openphm.analyses.impact;

/**
 * One run's values of every parameter after the stage sums, drawn from the run's uniform numbers through the
 * scenario's intervals (so the dashboard, changing an interval, moves each run's value and not its luck).
 */
record Draw(Scenario scenario, double[] values, int startT, int fullT, StaffTotals staff) {

    /** WTE in post by the demand that drives it (DP 12.1), summed once per baseline. */
    record StaffTotals(double community, double mentalHealth, double children, double other) {
        static StaffTotals of(ImpactBaseline b) {
            double c = 0, m = 0, ch = 0, o = 0;
            for (ImpactBaseline.Staff s : b.staff()) {
                switch (s.serviceArea()) {
                    case "community" -> c += s.wte();
                    case "mental health" -> m += s.wte();
                    case "children" -> ch += s.wte();
                    default -> o += s.wte();
                }
            }
            return new StaffTotals(c, m, ch, o);
        }
    }

    static Draw of(Scenario s, double[] uniforms, ImpactModel.Prepared p, ResolvedCosts costs) {
        double[] v = new double[ScenarioParameter.values().length];
        for (ScenarioParameter param : ScenarioParameter.values()) {
            Interval i = s.parameter(param);
            v[param.ordinal()] = (i == null ? costs.fallback(param) : i).at(uniforms[p.slot(param)]);
        }
        int base = s.baseline().startYear();
        return new Draw(
                s,
                v,
                s.mitigationStart().startYear() - base,
                s.mitigationFullBy().startYear() - base,
                p.staff);
    }

    double value(ScenarioParameter p) {
        return values[p.ordinal()];
    }

    /** Share of a mitigator in place in year t: none before the start, rising evenly to all by full_by. */
    double phase(int t) {
        if (t < startT) {
            return 0;
        }
        return Math.min(1.0, (t - startT + 1.0) / (fullT - startT + 1.0));
    }
}
