package org.openphm.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.openphm.analyses.build.Periods;
import org.openphm.analyses.indicator.FinancialYear;
import org.openphm.analyses.risk.RiskData;
import org.openphm.analyses.risk.RiskFairness;
import org.openphm.analyses.risk.RiskModel;
import org.openphm.analyses.risk.RiskTrees;
import org.openphm.engine.Engine;
import org.openphm.engine.duckdb.DuckDbEngine;
import org.openphm.model.ConsoleProgress;
import org.openphm.stats.prediction.Capture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "risk", mixinStandardHelpOptions = true,
        description = {"Train and temporally validate the emergency-admission risk model on a workspace and print its "
                + "report: AUC with DeLong 95% CI against prior admissions, calibration, what the top 0.5%, 1% and 5% "
                + "of the list catch, and the fairness audit's flags. Aggregates only: no person-level score is "
                + "printed or written. phm build runs the same model and publishes its tables (PHM 13.1).",
                "By default it trains on the year two before the latest and validates on the year before it."})
final class RiskCommand implements Callable<Integer> {

    @Option(names = "--workspace", required = true, description = "DuckDB workspace written by phm ingest")
    Path workspace;

    @Option(names = "--train", description = "Index date of the training cohort (default: start of the year two "
            + "before the latest)")
    LocalDate train;

    @Option(names = "--validate", description = "Index date of the validation cohort (default: one year after --train)")
    LocalDate validate;

    @Override
    public Integer call() {
        WorkspaceVersion.requireCurrent(workspace);
        ConsoleProgress progress = new ConsoleProgress(System.out);
        long t0 = System.nanoTime();
        try (Engine engine = DuckDbEngine.open(workspace)) {
            List<FinancialYear> years = Periods.of(engine);
            LocalDate latest = years.get(years.size() - 1).start();
            LocalDate trainAt = train != null ? train : latest.minusYears(2);
            LocalDate validateAt = validate != null ? validate : trainAt.plusYears(1);
            progress.message("1/3 Reading the training cohort on " + trainAt);
            RiskData trainData = RiskData.load(engine, trainAt);
            progress.message("2/3 Fitting on " + String.format("%,d", trainData.size()) + " people ("
                    + String.format("%,d", trainData.admissions()) + " admitted)");
            long f0 = System.nanoTime();
            RiskModel.Model model = RiskModel.train(trainData);
            double fitSeconds = (System.nanoTime() - f0) / 1e9;
            progress.message("3/3 Validating on the cohort of " + validateAt);
            RiskData v = RiskData.load(engine, validateAt);
            RiskModel.Validation val = RiskModel.validate(model, v);
            double[] risk = new double[v.size()];
            for (int i = 0; i < risk.length; i++) {
                risk[i] = model.probability(v.x()[i]);
            }
            List<RiskFairness.Row> fairness = RiskFairness.audit(v, risk);
            print(val, fairness, trainAt, validateAt);
            long t1 = System.nanoTime();
            RiskModel.Validation trees = RiskModel.validate(RiskTrees.train(trainData), v);
            var d = org.openphm.stats.prediction.Discrimination.compare(trees.model().auc(), val.model().auc());
            System.out.printf("Gradient-boosted trees (%d of depth %d, trained in %.1f s): AUC %.3f (%.3f-%.3f), "
                            + "calibration slope %.3f; trees minus logistic %.4f, DeLong p = %.2g%n", RiskTrees.ROUNDS,
                    RiskTrees.MAX_DEPTH, (System.nanoTime() - t1) / 1e9, trees.model().auc().auc(),
                    trees.model().auc().lower(), trees.model().auc().upper(), trees.model().calibration().slope(),
                    d.difference(), d.p());
            System.out.printf("%nFitted in %.1f s; whole command %.1f s. Published by phm build as PHM 13.1 "
                    + "(results/phm-13.1-emergency-admission-risk-*.csv).%n", fitSeconds, (System.nanoTime() - t0) / 1e9);
            return 0;
        }
    }

    private static void print(RiskModel.Validation v, List<RiskFairness.Row> fairness, LocalDate trainAt,
                              LocalDate validateAt) {
        System.out.printf("%nEmergency-admission risk model: trained %s, validated %s on %,d people (%,d admitted; "
                + "%,d died in the year without an admission)%n", trainAt, validateAt, v.people(), v.admissions(),
                v.diedWithoutAdmission());
        var m = v.model();
        System.out.printf("  AUC %.3f (95%% CI %.3f-%.3f); prior emergency admissions %.3f (%.3f-%.3f); "
                        + "difference %.3f, DeLong p = %.2g%n", m.auc().auc(), m.auc().lower(), m.auc().upper(),
                v.baseline().auc().auc(), v.baseline().auc().lower(), v.baseline().auc().upper(),
                v.modelMinusBaseline().difference(), v.modelMinusBaseline().p());
        System.out.printf("  Calibration intercept %.3f, slope %.3f, Brier %.4f, observed/expected %.3f%n",
                m.calibration().intercept(), m.calibration().slope(), m.calibration().brier(), m.calibration().ratio());
        for (int k = 0; k < m.top().size(); k++) {
            Capture.Result t = m.top().get(k);
            Capture.Result b = v.baseline().top().get(k);
            System.out.printf("  Top %s%%: PPV %.1f%%, catches %.1f%% of admitted people (prior admissions: %.1f%%)%n",
                    trim(t.fraction() * 100), 100 * t.ppv(), 100 * t.sensitivity(), 100 * b.sensitivity());
        }
        long flagged = fairness.stream().filter(r -> r.oeFlag() || r.aucFlag() || r.fnrFlag()).count();
        System.out.printf("Fairness audit: %d groups, %d with a flag (the 95%% interval excludes parity)%n",
                fairness.size(), flagged);
        for (RiskFairness.Row r : fairness) {
            if (r.oeFlag() || r.aucFlag() || r.fnrFlag()) {
                System.out.printf("  %s %s: %s%s%s%n", r.dimension(), r.group(),
                        r.oeFlag() ? String.format("O/E %.2f (%.2f-%.2f) ", r.oe(), r.oeLower(), r.oeUpper()) : "",
                        r.aucFlag() ? String.format("AUC %.3f (%.3f-%.3f) ", r.auc(), r.aucLower(), r.aucUpper()) : "",
                        r.fnrFlag() ? String.format("misses %.0f%% of its admissions at the top 5%%", 100 * r.fnr()) : "");
            }
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
