package org.openphm.analyses.risk;

import static org.openphm.analyses.catalogue.AnalysisTable.Column.count;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.number;
import static org.openphm.analyses.catalogue.AnalysisTable.Column.text;
import static org.openphm.engine.query.Expr.col;
import static org.openphm.engine.query.Expr.lit;
import static org.openphm.engine.query.Expr.when;
import static org.openphm.engine.query.Measure.countRows;
import static org.openphm.engine.query.Measure.sum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import org.openphm.analyses.catalogue.Analysis;
import org.openphm.analyses.catalogue.AnalysisContext;
import org.openphm.analyses.catalogue.AnalysisInfo;
import org.openphm.analyses.catalogue.AnalysisTable;
import org.openphm.analyses.conditions.AreaGrouping;
import org.openphm.analyses.indicator.Geography;
import org.openphm.analyses.indicator.RegisteredPopulation;
import org.openphm.engine.Result;
import org.openphm.engine.query.Named;
import org.openphm.engine.query.Query;
import org.openphm.engine.query.SortKey;
import org.openphm.model.AreaType;
import org.openphm.model.BackgroundWork;
import org.openphm.model.ResultColumnType;
import org.openphm.model.results.ChartSpec;
import org.openphm.stats.prediction.Calibration;
import org.openphm.stats.prediction.Capture;

/**
 * Population health management I (issue 11): the emergency-admission risk model trained, temporally validated,
 * audited for fairness and used to stratify the population, published as aggregates only. Index dates follow
 * the latest financial year: score at its start, validate on the year before it, train on the year before that.
 * Person-level scores never leave the engine; the published strata are counted there.
 */
public final class RiskStratification implements Analysis {
    public static final String ID = "phm-13.1-emergency-admission-risk";

    /** The strata of a case-finding list: ⌈share × people⌉ highest-risk people each (cumulative). */
    public static final List<String> STRATA = List.of("Top 0.5%", "0.5-5%", "5-20%", "Rest");

    static final double[] CUTS = {0.005, 0.05, 0.20};

    @Override
    public AnalysisInfo info() {
        return new AnalysisInfo(
                ID,
                "PHM 13.1",
                "Emergency admission risk: model, validation, fairness and strata",
                "The probability of one or more emergency admissions in the 12 months after an index date, for every "
                        + "person registered on it, from an open model: ridge-penalised logistic regression on age, "
                        + "sex, deprivation, every register, the long-term condition count, the Cambridge "
                        + "Multimorbidity Score, a partial electronic Frailty Index, hospital use and referrals in "
                        + "the 12 and 24 months before, and the latest blood pressure and BMI. Ethnicity is not a "
                        + "feature; it is used to audit fairness.",
                "Trained on features at the start of the year two before the latest and outcomes in that year (and, "
                        + "for comparison, gradient-boosted trees, XGBoost, on the same people); "
                        + "validated on the next year's people (temporal validation, TRIPOD 2b): AUC with DeLong 95% "
                        + "CI, calibration intercept and slope, Brier score, observed/expected admissions, and the "
                        + "top 0.5%, 1% and 5% of the list against the count of emergency admissions in the year "
                        + "before. Fairness by ethnic group, IMD quintile, sex and age band: AUC, O/E and the share "
                        + "of each group's admissions the top-5% list misses, flagged only when the 95% interval "
                        + "excludes parity. The current population is scored at the start of the latest year, "
                        + "inside the engine, and counted by stratum and area.",
                "patient, registration, practice, lsoa, condition, spell, referral, observation (canonical tables); "
                        + "Cambridge Multimorbidity Score weights (Payne et al., CMAJ 2020); eFI deficits (Clegg et al., "
                        + "Age Ageing 2016)",
                List.of(
                        "A model card, not a clinical tool: the model ranks people for a neighbourhood team to review; "
                                + "it does not diagnose and must not decide care on its own.",
                        "Conditions the canonical model does not hold score 0 in the Cambridge score (alcohol, "
                                + "hearing loss, IBS, constipation) and 24 of the eFI's 36 deficits are not held, so "
                                + "both under-count; see the model's reference data SOURCES.md.",
                        "Deaths within the 12 months without an emergency admission count as no admission (what a "
                                + "list made on the index date would have seen); their number is reported.",
                        "Person-level scores stay in the workspace; published strata are counts rounded like every "
                                + "results table."),
                List.of(
                        ChartSpec.ofTable(
                                "table",
                                "Model card: performance on the validation year",
                                null,
                                "metrics",
                                Map.of(),
                                Map.of(),
                                null),
                        ChartSpec.ofTable(
                                "trend",
                                "Share of next year's emergency admissions on the list",
                                "The model's list against a list by prior admissions, validation year",
                                "performance",
                                Map.of(),
                                Map.of("x", "list", "y", "sensitivity_pct", "series", "score"),
                                "%"),
                        ChartSpec.ofTable(
                                "table",
                                "Calibration by decile of risk: predicted against observed",
                                "A calibrated model's predicted share falls inside the observed share's 95% interval "
                                        + "in each decile; validation year",
                                "calibration",
                                Map.of(),
                                Map.of(),
                                null),
                        ChartSpec.ofTable(
                                "bar_ci",
                                "Share admitted by decile of predicted risk",
                                "Observed, with 95% intervals, validation year; compare with the predicted share in "
                                        + "the table",
                                "calibration",
                                Map.of(),
                                Map.of(
                                        "x",
                                        "decile",
                                        "y",
                                        "observed_pct",
                                        "lower",
                                        "observed_lower",
                                        "upper",
                                        "observed_upper"),
                                "%"),
                        ChartSpec.ofTable(
                                "bar_ci",
                                "Observed / expected admissions by ethnic group",
                                "1 = as many admissions as the model predicted; validation year",
                                "fairness",
                                Map.of("dimension", "Ethnic group"),
                                Map.of("x", "group", "y", "oe"),
                                "ratio"),
                        ChartSpec.ofTable(
                                "bar_ci",
                                "Observed / expected admissions by deprivation quintile",
                                "IMD 2019 quintile, 1 = most deprived; validation year",
                                "fairness",
                                Map.of("dimension", "IMD quintile"),
                                Map.of("x", "group", "y", "oe"),
                                "ratio"),
                        ChartSpec.ofTable(
                                "table",
                                "Risk strata by Place",
                                null,
                                "strata",
                                Map.of("area_type", AreaType.anyOf(AreaType.ICB, AreaType.PLACE)),
                                Map.of(),
                                null),
                        ChartSpec.ofTable(
                                "table",
                                "Model card: every coefficient",
                                null,
                                "coefficients",
                                Map.of(),
                                Map.of(),
                                null)));
    }

    @Override
    public List<AnalysisTable> compute(AnalysisContext context) {
        LocalDate score = context.latestYear().start();
        LocalDate validateAt = score.minusYears(1);
        Optional<RiskModelFile.Saved> saved = context.supplied(RiskModelFile.Saved.class);
        // a saved model (phm risk train) scores as it was trained; without one the build fits on the year before
        LocalDate trainAt = saved.map(RiskModelFile.Saved::trainedAt).orElse(score.minusYears(2));
        if (!trainAt.isBefore(validateAt)) {
            return List.of(notComputed(" the saved model was trained on " + trainAt + ", which leaves no later "
                    + "complete year of outcomes to validate it on (the latest starts " + validateAt + "); train it on "
                    + "an earlier index date with phm risk train --index"));
        }
        RiskTrees.Model savedTrees = saved.map(RiskModelFile.Saved::trees).orElse(null);
        context.progress()
                .message("risk model: "
                        + (savedTrees != null
                                ? "saved model and trees trained on "
                                : saved.isPresent() ? "saved model trained on " : "training on ")
                        + trainAt + ", validating on " + validateAt);
        RiskModel.Model model = null;
        RiskTrees.Model trees = null;
        String tooFew;
        String trainedOnSample = "";
        if (savedTrees != null) {
            // phm risk train fitted both on the training cohort, whose counts it kept: the cohort, a whole ICB, is
            // not read again (at 1.1M people that read and the trees' training were a third of the build)
            model = saved.get().model();
            trees = savedTrees;
            tooFew = tooFew(model.admissions(), model.trainedOn(), "training", trainAt);
        } else {
            // one cohort in memory at a time: both models are fitted before the validation cohort is read
            RiskData train = RiskData.sample(context.engine(), trainAt, RiskData.TRAINING_PEOPLE);
            if (train.sampled()) {
                trainedOnSample = "; fitted on " + systematicSample(train.size(), train.cohortSize());
            }
            tooFew = tooFew(train.admissions(), train.size(), "training", trainAt);
            if (tooFew.isEmpty()) {
                model = saved.isPresent() ? saved.get().model() : RiskModel.train(train);
                // the gradient-boosted trees on the same people: reported beside the logistic model, which scores
                // the population (one expression, cheap on every engine; the trees' nested CASEs are slow for Spark
                // to parse)
                trees = RiskTrees.train(train);
            }
        }
        // Validation needs each model's probabilities, not the features: the cohort is scored as it is read.
        List<ScoredModel> models = model == null ? List.of() : List.of(model, trees);
        ScoredCohort scored = RiskData.scored(context.engine(), validateAt, models, RiskData.VALIDATION_PEOPLE);
        RiskPeople validation = scored.people();
        tooFew += tooFew(validation.admissions(), validation.size(), "validation", validateAt);
        if (!tooFew.isEmpty()) {
            // A model fitted or judged on a handful of admissions would be noise presented as a finding.
            context.progress().message("risk model: not fitted:" + tooFew);
            return List.of(notComputed(" too few people or admissions to fit and validate the model (at least "
                    + MIN_OUTCOMES + " admitted and not admitted are needed in each year):" + tooFew));
        }
        RiskModel.Model logistic = model;
        double[] risk = scored.risks().get(0);
        double[] treesRisk = scored.risks().get(1);
        // The population is scored and counted in the engine, and the trees' validation run, while this thread
        // validates the logistic model: each takes seconds at 1.1M people, PHM 13.1 is the build's last long step,
        // and the engine is used by one thread at a time. Each result is what it would be in sequence.
        FutureTask<AnalysisTable> strata = started("strata", () -> strata(context, logistic, score));
        FutureTask<RiskModel.Validation> treesValidated =
                started("trees", () -> RiskModel.validate(treesRisk, validation));
        RiskModel.Validation v = RiskModel.validate(risk, validation);
        List<RiskFairness.Row> fairness = RiskFairness.audit(validation, risk);
        context.progress()
                .message("risk model: AUC "
                        + String.format("%.3f", v.model().auc().auc()) + " on the validation year; scoring " + score
                        + " in the engine");
        String source = saved.isPresent()
                ? "Saved model (phm risk train), trained on the cohort of " + trainAt + ": "
                        + (saved.get().sampled()
                                ? systematicSample(
                                        model.trainedOn(), saved.get().cohort())
                                : aboutPeople(model.trainedOn()))
                : "Fitted by this build on the cohort of " + trainAt + " (no saved model beside the workspace)"
                        + trainedOnSample;
        if (scored.sampled()) {
            // at most RiskData.VALIDATION_PEOPLE: a sample says so, with both sizes
            source += "; validated on the cohort of " + validateAt + ", "
                    + systematicSample(validation.size(), scored.cohortSize());
        }
        RiskModel.Validation t = BackgroundWork.value(treesValidated, ID + " validating the trees");
        return List.of(
                metrics(v, t, trainAt, validateAt, source),
                performance(v, t),
                calibration(Calibration.byRiskGroup(risk, validation.admitted(), 10)),
                fairness(fairness),
                coefficients(model),
                BackgroundWork.value(strata, ID + " scoring the population"));
    }

    /** Work begun on a thread of its own (a daemon: it never keeps a failed build's JVM alive). */
    private static <T> FutureTask<T> started(String what, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, ID + " " + what);
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    /** A sample's two sizes, rounded as {@link #aboutPeople} rounds. */
    static String systematicSample(long sample, long cohort) {
        return "a systematic sample of it (every k-th person in pseudonym order): " + aboutPeople(sample) + " of "
                + aboutPeople(cohort);
    }

    /**
     * A cohort size in a note, to the nearest thousand: notes escape the cell-level disclosure step, and an
     * exact count beside the published tables could give a suppressed difference back.
     */
    static String aboutPeople(long people) {
        return people < 1000
                ? "fewer than 1,000 people"
                : "about " + String.format("%,d", Math.round(people / 1000.0) * 1000) + " people";
    }

    private static AnalysisTable notComputed(String why) {
        return new AnalysisTable(
                "metrics",
                "Model performance: not computed",
                List.of(
                        text("metric", "Measure"),
                        number("value", "Value"),
                        number("lower", "95% lower limit"),
                        number("upper", "95% upper limit"),
                        text("note", "Why")),
                List.of(Arrays.asList("Not fitted", null, null, null, "Not computed:" + why)));
    }

    private static AnalysisTable metrics(
            RiskModel.Validation v,
            RiskModel.Validation trees,
            LocalDate trainAt,
            LocalDate validateAt,
            String source) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("Model", null, null, null, source));
        var m = v.model();
        var c = m.calibration();
        rows.add(Arrays.asList(
                "AUC (model)", m.auc().auc(), m.auc().lower(), m.auc().upper(), "DeLong 95% CI"));
        rows.add(Arrays.asList(
                "AUC (prior emergency admissions)",
                v.baseline().auc().auc(),
                v.baseline().auc().lower(),
                v.baseline().auc().upper(),
                "DeLong 95% CI"));
        rows.add(Arrays.asList(
                "AUC difference, model minus baseline",
                v.modelMinusBaseline().difference(),
                v.modelMinusBaseline().difference()
                        - 1.959964 * v.modelMinusBaseline().standardError(),
                v.modelMinusBaseline().difference()
                        + 1.959964 * v.modelMinusBaseline().standardError(),
                "DeLong paired test, p = "
                        + String.format("%.2g", v.modelMinusBaseline().p())));
        var tm = trees.model();
        var difference = org.openphm.stats.prediction.Discrimination.compare(tm.auc(), m.auc());
        rows.add(Arrays.asList(
                "AUC (gradient-boosted trees)",
                tm.auc().auc(),
                tm.auc().lower(),
                tm.auc().upper(),
                "DeLong 95% CI; " + RiskTrees.ROUNDS + " trees of depth " + RiskTrees.MAX_DEPTH));
        rows.add(Arrays.asList(
                "AUC difference, trees minus logistic model",
                difference.difference(),
                difference.difference() - 1.959964 * difference.standardError(),
                difference.difference() + 1.959964 * difference.standardError(),
                "DeLong paired test, p = " + String.format("%.2g", difference.p())));
        rows.add(Arrays.asList(
                "Calibration slope (trees)",
                tm.calibration().slope(),
                null,
                null,
                "1 = predictions neither too extreme nor too flat"));
        rows.add(Arrays.asList(
                "Calibration intercept (model)", c.intercept(), null, null, "0 = as many admissions as predicted"));
        rows.add(Arrays.asList(
                "Calibration slope (model)",
                c.slope(),
                null,
                null,
                "1 = predictions neither too extreme nor too flat"));
        rows.add(
                Arrays.asList("Brier score (model)", c.brier(), null, null, "mean squared error of the probabilities"));
        rows.add(Arrays.asList(
                "Observed / expected admissions (model)", c.ratio(), null, null, "1 = calibrated in the large"));
        return new AnalysisTable(
                "metrics",
                "Model performance on the validation year (trained " + trainAt + ", validated " + validateAt + ")",
                List.of(
                        text("metric", "Measure"),
                        number("value", "Value"),
                        number("lower", "95% lower limit where there is one"),
                        number("upper", "95% upper limit where there is one"),
                        text("note", "How to read it")),
                rows);
    }

    private static AnalysisTable performance(RiskModel.Validation v, RiskModel.Validation trees) {
        List<List<Object>> rows = new ArrayList<>();
        for (RiskModel.Performance p : List.of(v.model(), trees.model(), v.baseline())) {
            String name = p == v.model()
                    ? "Model"
                    : p == trees.model() ? "Gradient-boosted trees" : "Prior emergency admissions";
            for (Capture.Result t : p.top()) {
                rows.add(Arrays.asList(
                        name,
                        "Top " + trim(t.fraction() * 100) + "%",
                        (long) t.people(),
                        (long) t.caught(),
                        (long) t.outcomes(),
                        100.0 * t.caught() / t.people(),
                        100.0 * t.caught() / t.outcomes()));
            }
        }
        return new AnalysisTable(
                "performance",
                "What the top of each list catches in the validation year",
                List.of(
                        text("score", "The logistic model, the trees, or the baseline (prior emergency admissions)"),
                        text("list", "Top of the list"),
                        count("people_listed", "People on the list"),
                        count("caught", "Of them, admitted in the year"),
                        count("admissions", "Everybody admitted in the year"),
                        AnalysisTable.Column.derived(
                                "ppv_pct",
                                "Positive predictive value: admitted / listed, %",
                                new AnalysisTable.Ratio("caught", "people_listed", 100)),
                        AnalysisTable.Column.derived(
                                "sensitivity_pct",
                                "Share of all admitted people on the list, %",
                                new AnalysisTable.Ratio("caught", "admissions", 100))),
                rows);
    }

    /** TRIPOD's calibration plot as a table: predicted against observed by decile of risk, validation year. */
    private static AnalysisTable calibration(List<Calibration.Group> deciles) {
        List<List<Object>> rows = new ArrayList<>();
        for (Calibration.Group g : deciles) {
            var observed = org.openphm.stats.Proportions.proportion(g.observed(), g.people(), 1, 0.95);
            rows.add(Arrays.asList(
                    g.group()
                            + (g.group() == 1
                                    ? " (lowest risk)"
                                    : g.group() == deciles.size() ? " (highest risk)" : ""),
                    (long) g.people(),
                    g.expected(),
                    (long) g.observed(),
                    100 * g.expected() / g.people(),
                    100.0 * g.observed() / g.people(),
                    100 * observed.lower(),
                    100 * observed.upper()));
        }
        return new AnalysisTable(
                "calibration",
                "Calibration by decile of predicted risk in the validation year: the "
                        + "share the model predicted against the share admitted",
                List.of(
                        text("decile", "Decile of risk"),
                        count("people", "People in the decile"),
                        number("expected_admitted", "People the model expected to be admitted (sum of their risks)"),
                        count("admitted", "People admitted in the year"),
                        AnalysisTable.Column.derived(
                                "predicted_pct",
                                "Predicted: mean risk, %",
                                new AnalysisTable.Ratio("expected_admitted", "people", 100)),
                        AnalysisTable.Column.derived(
                                "observed_pct",
                                "Observed: admitted / people, %",
                                new AnalysisTable.Ratio("admitted", "people", 100)),
                        AnalysisTable.Column.derived(
                                "observed_lower",
                                "Wilson 95% lower limit, %",
                                new AnalysisTable.WilsonLimit("admitted", "people", 100, false)),
                        AnalysisTable.Column.derived(
                                "observed_upper",
                                "Wilson 95% upper limit, %",
                                new AnalysisTable.WilsonLimit("admitted", "people", 100, true))),
                rows);
    }

    private static AnalysisTable fairness(List<RiskFairness.Row> rows) {
        List<List<Object>> out = new ArrayList<>();
        Map<String, Long> peopleIn = new java.util.HashMap<>();
        Map<String, Long> admissionsIn = new java.util.HashMap<>();
        Map<String, Long> listedIn = new java.util.HashMap<>();
        for (RiskFairness.Row r : rows) {
            listedIn.merge(r.dimension(), (long) r.listed(), Long::sum);
            peopleIn.merge(r.dimension(), (long) r.people(), Long::sum);
            admissionsIn.merge(r.dimension(), (long) r.admissions(), Long::sum);
        }
        for (RiskFairness.Row r : rows) {
            out.add(Arrays.asList(
                    r.dimension(),
                    r.group(),
                    (long) r.people(),
                    (long) r.admissions(),
                    r.expected(),
                    r.oe(),
                    r.oeFlag(),
                    r.auc(),
                    r.aucLower(),
                    r.aucUpper(),
                    r.aucFlag(),
                    (long) r.missed(),
                    r.fnr() == null ? null : 100 * r.fnr(),
                    r.fnrLower() == null ? null : 100 * r.fnrLower(),
                    r.fnrUpper() == null ? null : 100 * r.fnrUpper(),
                    r.fnrFlag(),
                    (long) r.listed(),
                    100.0 * r.listed() / Math.max(1, listedIn.get(r.dimension())),
                    100.0 * r.people() / peopleIn.get(r.dimension()),
                    admissionsIn.get(r.dimension()) == 0
                            ? null
                            : 100.0 * r.admissions() / admissionsIn.get(r.dimension())));
        }
        return new AnalysisTable(
                "fairness",
                "Fairness audit on the validation year",
                List.of(
                        text("dimension", "Ethnic group, IMD quintile, sex or age band"),
                        text("group", "The group"),
                        count("people", "People in the group"),
                        count("admissions", "Of them, admitted in the year"),
                        number("expected_admissions", "People the model expected to be admitted (sum of their risks)"),
                        AnalysisTable.Column.derived(
                                "oe",
                                "Observed / expected admissions",
                                new AnalysisTable.Ratio("admissions", "expected_admissions", 1)),
                        AnalysisTable.Column.bool(
                                "oe_flag", "The 95% interval of O/E (exact or Byar, on the exact count) excludes 1"),
                        number("auc", "AUC within the group (none under 10 admitted or not admitted)"),
                        number("auc_lower", "DeLong 95% lower limit"),
                        number("auc_upper", "DeLong 95% upper limit"),
                        AnalysisTable.Column.bool(
                                "auc_flag", "The group's AUC interval excludes the whole population's AUC"),
                        count("missed", "Admitted people not on the top-5% list"),
                        AnalysisTable.Column.derived(
                                "fnr_pct",
                                "False-negative rate at the top-5% list: missed / admitted, %",
                                new AnalysisTable.Ratio("missed", "admissions", 100)),
                        AnalysisTable.Column.derived(
                                "fnr_lower",
                                "Wilson 95% lower limit, %",
                                new AnalysisTable.WilsonLimit("missed", "admissions", 100, false)),
                        AnalysisTable.Column.derived(
                                "fnr_upper",
                                "Wilson 95% upper limit, %",
                                new AnalysisTable.WilsonLimit("missed", "admissions", 100, true)),
                        AnalysisTable.Column.bool(
                                "fnr_flag", "The group's interval excludes the whole population's rate"),
                        count("listed", "Of the group, people on the top-5% list"),
                        AnalysisTable.Column.derived(
                                "share_of_list_pct",
                                "The group's share of the top-5% list, %",
                                new AnalysisTable.ShareOfTotal("listed", List.of("dimension"), 100)),
                        AnalysisTable.Column.derived(
                                "share_of_people_pct",
                                "The group's share of everybody in its dimension, %",
                                new AnalysisTable.ShareOfTotal("people", List.of("dimension"), 100)),
                        AnalysisTable.Column.derived(
                                "share_of_admissions_pct",
                                "Its share of the admissions, %",
                                new AnalysisTable.ShareOfTotal("admissions", List.of("dimension"), 100))),
                out);
    }

    private static AnalysisTable coefficients(RiskModel.Model model) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList(
                "(intercept)",
                "Log odds of admission with every feature at 0",
                model.coefficients()[0],
                Math.exp(model.coefficients()[0])));
        List<RiskFeatures.Feature> features = RiskFeatures.all();
        for (int j = 0; j < features.size(); j++) {
            double b = model.coefficients()[j + 1];
            rows.add(Arrays.asList(features.get(j).name(), features.get(j).description(), b, Math.exp(b)));
        }
        return new AnalysisTable(
                "coefficients",
                "The fitted model: every coefficient, published so anyone can " + "score with it",
                List.of(
                        text("feature", "Feature"),
                        text("description", "What it is"),
                        AnalysisTable.Column.reference(
                                "coefficient",
                                ResultColumnType.NUMBER,
                                "Log-odds coefficient (ridge λ = " + RiskModel.RIDGE + ")"),
                        AnalysisTable.Column.reference("odds_ratio", ResultColumnType.NUMBER, "exp(coefficient)")),
                rows);
    }

    /** What {@link #ranked} carries of the scored cohort, besides risk_rank and stratum. */
    static final List<String> RANKED_COLUMNS = List.of(
            "person_id",
            "practice_code",
            "pcn_code",
            "neighbourhood_code",
            "place_code",
            "icb_code",
            "age",
            "sex",
            "ltc_count",
            "emergency_12m",
            "bed_days_12m",
            "cost_12m",
            "risk");

    /**
     * The cohort on the index date scored in the engine, ranked (1 = highest risk; ties by person_id, so the
     * ranking is the same on every engine) and given its stratum: the {@link #RANKED_COLUMNS} with risk_rank and
     * stratum.
     */
    public static Query ranked(org.openphm.engine.Engine engine, RiskModel.Model model, LocalDate index) {
        // Scored once and kept: the ranking reads only person_id and risk from it, and the rank is joined back.
        // Ranking the scored rows whole sorted every feature column in one window (the 3.2M build ran out of
        // memory there at 768 MB).
        // Only the columns the strata, cohorts and patient lists read are kept: writing all 45 features of every
        // person to the engine's file took a third of the scoring's time.
        Query scored = RiskScoring.withScore(model, index)
                .select(RANKED_COLUMNS.toArray(String[]::new))
                .shared("risk_scored_" + index.toString().replace('-', '_'));
        // the cohort is the registered population with per-person facts left-joined, so it has the population's
        // rows: counted from the population the engine keeps rather than by scoring everybody twice
        long people = engine.execute(RegisteredPopulation.at(index).aggregate(List.of(), countRows("people")))
                .getLong(0, "people");
        var stratum = when(col("risk_rank").le(lit(ceil(CUTS[0], people))), lit(STRATA.get(0)))
                .when(col("risk_rank").le(lit(ceil(CUTS[1], people))), lit(STRATA.get(1)))
                .when(col("risk_rank").le(lit(ceil(CUTS[2], people))), lit(STRATA.get(2)))
                .otherwise(lit(STRATA.get(3)));
        Query rank = scored.select("person_id", "risk")
                .rowNumber("risk_rank", List.of(), SortKey.desc("risk"), SortKey.asc("person_id"))
                .select("person_id", "risk_rank");
        return scored.join(rank, "person_id").derive(Named.as("stratum", stratum));
    }

    private static AnalysisTable strata(AnalysisContext context, RiskModel.Model model, LocalDate score) {
        Query ranked = ranked(context.engine(), model, score);
        AreaGrouping areas = new AreaGrouping(
                List.of(AreaType.ICB, AreaType.PLACE, AreaType.NEIGHBOURHOOD, AreaType.PCN, AreaType.PRACTICE));
        Result r = context.engine()
                .execute(ranked.aggregate(
                        areas.keys(List.of(), List.of("stratum")),
                        areas.sets(List.of(List.of()), List.of("stratum")),
                        countRows("people"),
                        sum("expected_admissions", col("risk")),
                        sum("emergency_12m", col("emergency_12m")),
                        sum("bed_days_12m", col("bed_days_12m")),
                        sum("cost_12m", col("cost_12m"))));
        Geography geography = context.geography();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            Geography.Area area = geography.area(areas.areaOf(r, i));
            rows.add(Arrays.asList(
                    area.type().label(),
                    area.code(),
                    area.name(),
                    r.getString(i, "stratum"),
                    r.getLong(i, "people"),
                    // Sums of doubles differ in their last bits with the order rows are added in, which the engine
                    // and its plan choose: published to hundredths (people; pounds and pence), they are the same.
                    hundredths(((Number) r.get(i, "expected_admissions")).doubleValue()),
                    ((Number) r.get(i, "emergency_12m")).longValue(),
                    ((Number) r.get(i, "bed_days_12m")).longValue(),
                    hundredths(((Number) r.get(i, "cost_12m")).doubleValue())));
        }
        rows.sort(java.util.Comparator.comparing(
                        (List<Object> row) -> AreaType.valueOf(((String) row.get(0)).toUpperCase(java.util.Locale.ROOT))
                                .ordinal())
                .thenComparing(row -> (String) row.get(1))
                .thenComparing(row -> STRATA.indexOf((String) row.get(3))));
        return new AnalysisTable(
                "strata",
                "Risk strata on " + score + " by area: people, the admissions the model "
                        + "expects in the next 12 months, and their emergency admissions, bed days and cost in the 12 months "
                        + "before",
                List.of(
                        text("area_type", "ICB, Place, Neighbourhood, PCN or Practice"),
                        text("area_code", "Area code"),
                        text("area_name", "Area name"),
                        text("stratum", "Top 0.5%, 0.5-5%, 5-20% of the whole ICB by risk, or the rest"),
                        count("people", "People in the stratum"),
                        number(
                                "expected_admissions",
                                "People the model expects to have an emergency admission in the next 12 months (sum of risks)"),
                        count("emergency_admissions_12m", "Their emergency admissions in the 12 months before"),
                        AnalysisTable.Column.measure("bed_days_12m", "Their bed days in the 12 months before"),
                        number("cost_12m_gbp", "Cost of their spells in the 12 months before, £")),
                rows);
    }

    private static double hundredths(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Admitted and not admitted people each year must reach this before a model is fitted or judged. */
    static final int MIN_OUTCOMES = 50;

    private static String tooFew(int admitted, int people, String role, LocalDate at) {
        int not = people - admitted;
        return admitted < MIN_OUTCOMES || not < MIN_OUTCOMES
                ? " " + role + " year from " + at + " has " + admitted + " admitted and " + not + " not admitted;"
                : "";
    }

    private static long ceil(double share, long people) {
        return (long) Math.ceil(share * people - 1e-9);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
