package org.openphm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.openphm.analyses.indicator.Periods;
import org.openphm.analyses.risk.RiskCeiling;
import org.openphm.analyses.risk.RiskData;
import org.openphm.analyses.risk.RiskFairness;
import org.openphm.analyses.risk.RiskModel;
import org.openphm.analyses.risk.RiskModelFile;
import org.openphm.analyses.risk.RiskStratification;
import org.openphm.analyses.risk.RiskTrees;
import org.openphm.engine.Engine;
import org.openphm.engine.duckdb.DuckDbEngine;
import org.openphm.engine.query.Expr;
import org.openphm.engine.query.Named;
import org.openphm.ingest.WorkspacePseudonyms;
import org.openphm.ingest.WorkspaceVersion;
import org.openphm.model.ConsoleProgress;
import org.openphm.model.FinancialYear;
import org.openphm.stats.prediction.Capture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code phm risk train|validate|score}: the emergency-admission risk model's life cycle (issue 11, item 7). Train
 * once on a past year and save the coefficients beside the workspace; validate them on the next year; score every
 * refresh of the data with the saved model. Only aggregates are printed; person-level scores go to the workspace.
 */
@Command(
        name = "risk",
        mixinStandardHelpOptions = true,
        description = {
            "The emergency-admission risk model: train it on a past year and save it beside the workspace, "
                    + "validate it on the next year (AUC with DeLong CI against prior admissions, calibration, top-of-list "
                    + "capture, fairness), and score the current population into the workspace. Aggregates only are "
                    + "printed. phm build publishes the model card and strata (PHM 13.1) with the saved model."
        },
        subcommands = {RiskCommand.Train.class, RiskCommand.Validate.class, RiskCommand.Score.class})
final class RiskCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("Usage: phm risk train|validate|score --workspace W (phm risk --help for each)");
        return 2;
    }

    /** The options every step shares: the workspace and where its model lives. */
    static final class Workspace {
        @Option(names = "--workspace", required = true, description = "DuckDB workspace written by phm ingest")
        Path workspace;

        @Option(names = "--model", description = "The model file (default: <workspace>.risk-model.json beside it)")
        Path model;

        Path modelFile() {
            return model != null ? model : RiskModelFile.beside(workspace);
        }

        RiskModelFile.Saved readModel() throws IOException {
            Path file = modelFile();
            if (!Files.exists(file)) {
                throw new IllegalArgumentException("no risk model at " + file + ": train one first with "
                        + "phm risk train --workspace " + workspace);
            }
            return RiskModelFile.read(file);
        }

        /** The start of the latest financial year the workspace holds. */
        LocalDate latest(Engine engine) {
            List<FinancialYear> years = Periods.of(engine);
            return years.get(years.size() - 1).start();
        }
    }

    @Command(
            name = "train",
            mixinStandardHelpOptions = true,
            description = "Fit the ridge logistic model and, for comparison, the gradient-boosted trees on the cohort "
                    + "of an index date (default: the start of the year two before the latest, so the next year is "
                    + "left to validate on) and save both.")
    static final class Train implements Callable<Integer> {
        @Mixin
        Workspace w;

        @Option(names = "--index", description = "Index date of the training cohort")
        LocalDate index;

        @Option(
                names = "--max-people",
                description = "Fit on at most this many people: a larger cohort is sampled, every k-th person in "
                        + "pseudonym order (default ${DEFAULT-VALUE}; memory grows with it: the features take "
                        + "about 0.4 GB of Java heap a million people)")
        int maxPeople = RiskData.TRAINING_PEOPLE;

        @Override
        public Integer call() throws IOException {
            WorkspaceVersion.requireCurrent(w.workspace);
            ConsoleProgress progress = new ConsoleProgress(System.out);
            long t0 = System.nanoTime();
            try (Engine engine = DuckDbEngine.open(w.workspace)) {
                LocalDate at = index != null ? index : w.latest(engine).minusYears(2);
                progress.message("1/2 Reading the training cohort on " + at);
                RiskData data = RiskData.sample(engine, at, maxPeople);
                progress.message("2/2 Fitting the logistic model and the gradient-boosted trees on "
                        + String.format("%,d", data.size()) + " people (" + String.format("%,d", data.admissions())
                        + " admitted)"
                        + (data.sampled()
                                ? String.format(
                                        ", a sample of the cohort's %,d (at most %,d: --max-people)",
                                        data.cohortSize(), maxPeople)
                                : ""));
                RiskModelFile.Saved saved = RiskModelFile.train(data);
                Path file = w.modelFile();
                RiskModelFile.write(file, saved);
                System.out.printf(
                        "%nTrained the emergency-admission risk model on the cohort of %s: %,d people%s, %,d "
                                + "admitted in the 12 months (%d features, ridge lambda %s; and %d gradient-boosted "
                                + "trees of depth %d for comparison) in %.1f s.%nWrote %s (coefficients and tree "
                                + "structure only, nothing about any person).%nNext: ./phm risk validate "
                                + "--workspace %s%n",
                        at,
                        data.size(),
                        data.sampled() ? String.format(" (a sample of its %,d)", data.cohortSize()) : "",
                        data.admissions(),
                        saved.model().features().size(),
                        RiskModel.RIDGE,
                        RiskTrees.ROUNDS,
                        RiskTrees.MAX_DEPTH,
                        (System.nanoTime() - t0) / 1e9,
                        file.toAbsolutePath(),
                        w.workspace);
                return 0;
            }
        }
    }

    @Command(
            name = "validate",
            mixinStandardHelpOptions = true,
            description = "Validate the saved model on the cohort of a later index date (default: one year after "
                    + "it was trained) and record the result in the model file.")
    static final class Validate implements Callable<Integer> {
        @Mixin
        Workspace w;

        @Option(names = "--index", description = "Index date of the validation cohort")
        LocalDate index;

        @Option(
                names = "--trees",
                description = "Also compare the gradient-boosted trees saved with the model (or, in a model file "
                        + "without them, trees trained now on the training cohort: slower) with the model on the "
                        + "same people")
        boolean trees;

        @Option(
                names = "--ceiling",
                description =
                        "The generator's true admission probabilities (phm generate "
                                + "--ceiling): reports how close the model comes to the best any model could do. Synthetic data only.")
        Path ceiling;

        @Override
        public Integer call() throws IOException {
            WorkspaceVersion.requireCurrent(w.workspace);
            ConsoleProgress progress = new ConsoleProgress(System.out);
            long t0 = System.nanoTime();
            RiskModelFile.Saved saved = w.readModel();
            LocalDate at = index != null ? index : saved.trainedAt().plusYears(1);
            if (!at.isAfter(saved.trainedAt())) {
                throw new IllegalArgumentException("validate on a later cohort than the training one ("
                        + saved.trainedAt() + "): a model judged on its own training year looks better than it is");
            }
            try (Engine engine = DuckDbEngine.open(w.workspace)) {
                progress.message("Reading the validation cohort on " + at);
                // As the build does, at most VALIDATION_PEOPLE, so a national cohort fits the default heap; the
                // ceiling is known person by person for the whole cohort, so with it everyone is read.
                RiskData v = ceiling != null
                        ? RiskData.load(engine, at)
                        : RiskData.sample(engine, at, RiskData.VALIDATION_PEOPLE);
                if (v.sampled()) {
                    progress.message(String.format(
                            "Validating on %,d people, every k-th in pseudonym order of the cohort's %,d",
                            v.size(), v.cohortSize()));
                }
                RiskModel.Validation val = RiskModel.validate(saved.model(), v);
                double[] risk = new double[v.size()];
                for (int i = 0; i < risk.length; i++) {
                    risk[i] = saved.model().probability(v.x()[i]);
                }
                print(val, RiskFairness.audit(v.people(), risk), saved.trainedAt(), at);
                RiskModel.Validation treeValidation = null;
                if (trees) {
                    long t1 = System.nanoTime();
                    RiskTrees.Model treeModel = saved.trees();
                    if (treeModel == null) {
                        progress.message("Training gradient-boosted trees on the cohort of " + saved.trainedAt());
                        treeModel =
                                RiskTrees.train(RiskData.sample(engine, saved.trainedAt(), RiskData.TRAINING_PEOPLE));
                    }
                    String origin = saved.trees() != null
                            ? "saved with the model"
                            : String.format("trained in %.1f s", (System.nanoTime() - t1) / 1e9);
                    treeValidation = RiskModel.validate(treeModel, v);
                    var d = org.openphm.stats.prediction.Discrimination.compare(
                            treeValidation.model().auc(), val.model().auc());
                    System.out.printf(
                            "Gradient-boosted trees (%d of depth %d, %s): AUC %.3f "
                                    + "(%.3f-%.3f), calibration slope %.3f; trees minus logistic %.4f, DeLong p = "
                                    + "%.2g%n",
                            RiskTrees.ROUNDS,
                            RiskTrees.MAX_DEPTH,
                            origin,
                            treeValidation.model().auc().auc(),
                            treeValidation.model().auc().lower(),
                            treeValidation.model().auc().upper(),
                            treeValidation.model().calibration().slope(),
                            d.difference(),
                            d.p());
                }
                if (ceiling != null) {
                    progress.message("Reading the ceiling for " + at + " from " + ceiling);
                    double[] truth = RiskCeiling.align(
                            engine, at, RiskCeiling.read(ceiling, at, () -> WorkspacePseudonyms.of(w.workspace)));
                    printCeiling(RiskCeiling.measure(truth, v, val), val, treeValidation);
                }
                RiskModelFile.write(w.modelFile(), saved.withValidation(RiskModelFile.Validation.of(at, val)));
                System.out.printf(
                        "%nValidated in %.1f s; recorded in %s.%nNext: ./phm risk score --workspace %s%n",
                        (System.nanoTime() - t0) / 1e9, w.modelFile().toAbsolutePath(), w.workspace);
                return 0;
            }
        }
    }

    @Command(
            name = "score",
            mixinStandardHelpOptions = true,
            description = "Score everyone registered on an index date (default: the start of the latest year) with "
                    + "the saved model, inside the engine, into the workspace table " + Score.TABLE
                    + " (person_id, index_date, risk, risk_rank, stratum and the facts a neighbourhood team reads beside it). "
                    + "Prints the strata, never a person.")
    static final class Score implements Callable<Integer> {
        static final String TABLE = "risk_score";

        @Mixin
        Workspace w;

        @Option(names = "--index", description = "Index date to score on")
        LocalDate index;

        @Override
        public Integer call() throws IOException, SQLException {
            WorkspaceVersion.requireCurrent(w.workspace);
            ConsoleProgress progress = new ConsoleProgress(System.out);
            long t0 = System.nanoTime();
            RiskModelFile.Saved saved = w.readModel();
            if (saved.validation() == null) {
                progress.message("warning: the model has not been validated; run phm risk validate before anyone "
                        + "acts on its list");
            }
            Connection c;
            try {
                c = DriverManager.getConnection("jdbc:duckdb:" + w.workspace.toAbsolutePath());
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "cannot open " + w.workspace + " to write the scores (is phm serve "
                                + "or another command using it?): "
                                + e.getMessage().lines().findFirst().orElse(""),
                        e);
            }
            try (c;
                    DuckDbEngine engine = DuckDbEngine.over(c)) {
                LocalDate at = index != null ? index : w.latest(engine);
                progress.message("Scoring everyone registered on " + at + " in the engine");
                var ranked = RiskStratification.ranked(engine, saved.model(), at)
                        .select(
                                Named.as("person_id", Expr.col("person_id")),
                                Named.as("index_date", Expr.lit(at)),
                                Named.as("risk", Expr.col("risk")),
                                Named.as("risk_rank", Expr.col("risk_rank")),
                                Named.as("stratum", Expr.col("stratum")),
                                // what a neighbourhood team reads beside the score (PatientLists serves it in scope)
                                Named.as("practice_code", Expr.col("practice_code")),
                                Named.as("neighbourhood_code", Expr.col("neighbourhood_code")),
                                Named.as("age", Expr.col("age")),
                                Named.as("sex", Expr.col("sex")),
                                Named.as("ltc_count", Expr.col("ltc_count")),
                                Named.as("emergency_12m", Expr.col("emergency_12m")),
                                Named.as("bed_days_12m", Expr.col("bed_days_12m")));
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE OR REPLACE TABLE " + TABLE + " AS " + engine.render(ranked));
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf(
                        "%nScored %s with the model trained on %s%s:%n",
                        at,
                        saved.trainedAt(),
                        saved.validation() == null
                                ? " (not validated)"
                                : String.format(
                                        " (validated on %s: AUC %.3f)",
                                        saved.validation().index(),
                                        saved.validation().auc()));
                java.util.Map<String, double[]> strata = new java.util.HashMap<>();
                try (Statement s = c.createStatement();
                        var r = s.executeQuery(
                                "SELECT stratum, count(*), sum(risk) " + "FROM " + TABLE + " GROUP BY stratum")) {
                    while (r.next()) {
                        strata.put(r.getString(1), new double[] {r.getLong(2), r.getDouble(3)});
                    }
                }
                for (String stratum : RiskStratification.STRATA) {
                    double[] n = strata.getOrDefault(stratum, new double[2]);
                    System.out.printf(
                            "  %-9s %,10.0f people, of whom %,8.0f are expected to have an emergency "
                                    + "admission in the next 12 months%n",
                            stratum, n[0], n[1]);
                }
                System.out.printf(
                        "Wrote table %s in %s in %.1f s: person-level, it stays in the workspace.%n",
                        TABLE, w.workspace.toAbsolutePath(), seconds);
                return 0;
            }
        }
    }

    private static void print(
            RiskModel.Validation v, List<RiskFairness.Row> fairness, LocalDate trainAt, LocalDate validateAt) {
        System.out.printf(
                "%nEmergency-admission risk model: trained %s, validated %s on %,d people (%,d admitted; "
                        + "%,d died in the year without an admission)%n",
                trainAt, validateAt, v.people(), v.admissions(), v.diedWithoutAdmission());
        var m = v.model();
        System.out.printf(
                "  AUC %.3f (95%% CI %.3f-%.3f); prior emergency admissions %.3f (%.3f-%.3f); "
                        + "difference %.3f, DeLong p = %.2g%n",
                m.auc().auc(),
                m.auc().lower(),
                m.auc().upper(),
                v.baseline().auc().auc(),
                v.baseline().auc().lower(),
                v.baseline().auc().upper(),
                v.modelMinusBaseline().difference(),
                v.modelMinusBaseline().p());
        System.out.printf(
                "  Calibration intercept %.3f, slope %.3f, Brier %.4f, observed/expected %.3f%n",
                m.calibration().intercept(),
                m.calibration().slope(),
                m.calibration().brier(),
                m.calibration().ratio());
        for (int k = 0; k < m.top().size(); k++) {
            Capture.Result t = m.top().get(k);
            Capture.Result b = v.baseline().top().get(k);
            System.out.printf(
                    "  Top %s%%: PPV %.1f%%, catches %.1f%% of admitted people (prior admissions: %.1f%%)%n",
                    trim(t.fraction() * 100), 100 * t.ppv(), 100 * t.sensitivity(), 100 * b.sensitivity());
        }
        long flagged = fairness.stream()
                .filter(r -> r.oeFlag() || r.aucFlag() || r.fnrFlag())
                .count();
        System.out.printf(
                "Fairness audit: %d groups, %d with a flag (the 95%% interval excludes parity)%n",
                fairness.size(), flagged);
        for (RiskFairness.Row r : fairness) {
            if (r.oeFlag() || r.aucFlag() || r.fnrFlag()) {
                System.out.printf(
                        "  %s %s: %s%s%s%n",
                        r.dimension(),
                        r.group(),
                        r.oeFlag() ? String.format("O/E %.2f (%.2f-%.2f) ", r.oe(), r.oeLower(), r.oeUpper()) : "",
                        r.aucFlag() ? String.format("AUC %.3f (%.3f-%.3f) ", r.auc(), r.aucLower(), r.aucUpper()) : "",
                        r.fnrFlag()
                                ? String.format("misses %.0f%% of its admissions at the top 5%%", 100 * r.fnr())
                                : "");
            }
        }
    }

    private static void printCeiling(RiskCeiling.Result c, RiskModel.Validation logistic, RiskModel.Validation trees) {
        var auc = c.ceiling().auc();
        var cal = c.ceiling().calibration();
        System.out.printf(
                "%nCeiling, the generator's own probability (synthetic data only): AUC %.3f (%.3f-%.3f), "
                        + "calibration slope %.3f, observed/expected %.3f%n",
                auc.auc(), auc.lower(), auc.upper(), cal.slope(), cal.ratio());
        List<RiskModel.Performance> scores = trees == null
                ? List.of(logistic.model(), logistic.baseline())
                : List.of(logistic.model(), trees.model(), logistic.baseline());
        for (RiskModel.Performance v : scores) {
            String name = v == logistic.model()
                    ? "Logistic model"
                    : v == logistic.baseline() ? "Prior emergency admissions" : "Gradient-boosted trees";
            System.out.printf(
                    "  %s: AUC %.3f, %.0f%% of the way from chance (0.5) to the ceiling; top 5%% catches "
                            + "%.1f%% of admitted people (ceiling %.1f%%)%n",
                    name,
                    v.auc().auc(),
                    100 * (v.auc().auc() - 0.5) / (auc.auc() - 0.5),
                    100 * v.top().get(2).sensitivity(),
                    100 * c.ceiling().top().get(2).sensitivity());
        }
        System.out.printf(
                "  Ceiling minus logistic model: %.4f (DeLong p = %.2g)%n",
                c.ceilingMinusModel().difference(), c.ceilingMinusModel().p());
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
