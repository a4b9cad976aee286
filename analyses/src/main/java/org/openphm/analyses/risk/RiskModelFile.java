package org.openphm.analyses.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openphm.model.WorkspaceLayout;

/**
 * The fitted risk model saved as JSON beside its workspace ({@code phm risk train}), so that a model trained and
 * validated once scores every later refresh of the data ({@code phm risk score}, {@code phm build}) until it is
 * retrained on purpose. It holds coefficients and aggregate performance only: nothing about any person. The file
 * is the published model card's source; anyone can score with its coefficients.
 *
 * <p>Beside the coefficients it keeps the gradient-boosted trees trained on the same cohort (XGBoost's own JSON
 * model, as one string: thresholds, leaf values and node statistics, structure only), so that the build compares
 * them with the logistic model on the validation year without reading the training cohort again. A file written
 * before the trees were saved, or with trees of other parameters than this version documents, reads without them.
 */
public final class RiskModelFile {
    static final int FORMAT = 1;
    static final String KIND = "ridge logistic regression, emergency admission in 12 months";
    static final String TREES_KIND = "gradient-boosted trees (XGBoost, binary:logistic), same outcome and features";

    private RiskModelFile() {}

    /**
     * @param trainedAt  the index date of the training cohort
     * @param validation the temporal validation, once {@code phm risk validate} has run; null before
     * @param trees      the gradient-boosted trees trained on the same cohort with {@link RiskTrees#PARAMETERS}; null
     *                   in a file without them
     * @param cohort     how many people the training cohort held: more than the model was fitted on when it was
     *                   sampled ({@link RiskData#sample})
     */
    public record Saved(
            RiskModel.Model model,
            LocalDate trainedAt,
            double ridge,
            Validation validation,
            RiskTrees.Model trees,
            int cohort) {
        /** A model fitted on its whole cohort. */
        public Saved(
                RiskModel.Model model,
                LocalDate trainedAt,
                double ridge,
                Validation validation,
                RiskTrees.Model trees) {
            this(model, trainedAt, ridge, validation, trees, model.trainedOn());
        }

        /** A model without trees, as files written before the trees were saved hold. */
        public Saved(RiskModel.Model model, LocalDate trainedAt, double ridge, Validation validation) {
            this(model, trainedAt, ridge, validation, null);
        }

        public Saved withValidation(Validation v) {
            return new Saved(model, trainedAt, ridge, v, trees, cohort);
        }

        /** Whether the model was fitted on a sample of its cohort. */
        public boolean sampled() {
            return cohort > model.trainedOn();
        }
    }

    /**
     * What {@code phm risk train} saves: the logistic model and the gradient-boosted trees fitted on one cohort, not
     * yet validated.
     */
    public static Saved train(RiskData cohort) {
        return new Saved(
                RiskModel.train(cohort),
                cohort.index(),
                RiskModel.RIDGE,
                null,
                RiskTrees.train(cohort),
                cohort.cohortSize());
    }

    /** The validation summary kept with the model: what a reader of the model card needs. */
    public record Validation(
            LocalDate index,
            int people,
            int admissions,
            double auc,
            double aucLower,
            double aucUpper,
            double baselineAuc,
            double calibrationIntercept,
            double calibrationSlope,
            double brier,
            double observedOverExpected) {
        public static Validation of(LocalDate index, RiskModel.Validation v) {
            var m = v.model();
            return new Validation(
                    index,
                    v.people(),
                    v.admissions(),
                    m.auc().auc(),
                    m.auc().lower(),
                    m.auc().upper(),
                    v.baseline().auc().auc(),
                    m.calibration().intercept(),
                    m.calibration().slope(),
                    m.calibration().brier(),
                    m.calibration().ratio());
        }
    }

    /** Where the model of a workspace lives: {@code phm.duckdb} keeps {@code phm.risk-model.json} beside it. */
    public static Path beside(Path workspace) {
        return WorkspaceLayout.companion(workspace, ".risk-model.json");
    }

    public static void write(Path file, Saved saved) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("model", KIND);
        root.put("trained_at", saved.trainedAt().toString());
        root.put("trained_on_people", saved.model().trainedOn());
        root.put("trained_on_admissions", saved.model().admissions());
        root.put("training_cohort_people", saved.cohort());
        root.put("ridge_lambda", saved.ridge());
        ArrayNode coefficients = root.putArray("coefficients");
        coefficients
                .addObject()
                .put("feature", "(intercept)")
                .put("coefficient", saved.model().coefficients()[0]);
        for (int j = 0; j < saved.model().features().size(); j++) {
            coefficients
                    .addObject()
                    .put("feature", saved.model().features().get(j))
                    .put("coefficient", saved.model().coefficients()[j + 1]);
        }
        Validation v = saved.validation();
        if (v != null) {
            root.putObject("validation")
                    .put("index", v.index().toString())
                    .put("people", v.people())
                    .put("admissions", v.admissions())
                    .put("auc", v.auc())
                    .put("auc_lower", v.aucLower())
                    .put("auc_upper", v.aucUpper())
                    .put("baseline_auc", v.baselineAuc())
                    .put("calibration_intercept", v.calibrationIntercept())
                    .put("calibration_slope", v.calibrationSlope())
                    .put("brier", v.brier())
                    .put("observed_over_expected", v.observedOverExpected());
        }
        RiskTrees.Model trees = saved.trees();
        if (trees != null) {
            ObjectNode t = root.putObject("trees");
            t.put("model", TREES_KIND);
            t.put("rounds", RiskTrees.ROUNDS);
            ObjectNode parameters = t.putObject("parameters");
            RiskTrees.PARAMETERS.forEach((k, value) -> parameters.put(k, String.valueOf(value)));
            t.put("trained_on_people", trees.trainedOn());
            t.put("trained_on_admissions", trees.admissions());
            // XGBoost's own JSON model as the text it wrote: parsed and written again, its floats would lose what
            // makes XGBoost read them back as floats (1E0 becomes 1) and could round differently through a double
            t.put("xgboost_model_json", trees.boosterJson());
        }
        // written whole or not at all: a half-written model must never score anybody
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, json.writeValueAsString(root) + "\n");
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static Saved read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(
                    file + " is not a readable risk model ("
                            + e.getMessage().lines().findFirst().orElse("") + "); train a new one with phm risk train",
                    e);
        }
        if (root == null
                || root.path("format").asInt() != FORMAT
                || !KIND.equals(root.path("model").asText())) {
            throw new IOException(
                    file + " is not a risk model of format " + FORMAT + "; train a new one with " + "phm risk train");
        }
        List<String> features = new ArrayList<>();
        List<Double> beta = new ArrayList<>();
        for (JsonNode c : root.path("coefficients")) {
            if (!c.path("coefficient").isNumber()) {
                throw new IOException(
                        file + ": coefficient of " + c.path("feature").asText() + " is not a number");
            }
            if (!beta.isEmpty()) {
                features.add(c.path("feature").asText());
            }
            beta.add(c.path("coefficient").asDouble());
        }
        List<String> expected = RiskFeatures.names();
        if (!features.equals(expected)) {
            throw new IOException(file + " was trained on other features than this version of OpenPHM defines ("
                    + features.size() + " against " + expected.size() + "); retrain it with phm risk train");
        }
        RiskModel.Model model = new RiskModel.Model(
                features,
                beta.stream().mapToDouble(Double::doubleValue).toArray(),
                root.path("trained_on_people").asInt(),
                root.path("trained_on_admissions").asInt());
        JsonNode v = root.path("validation");
        Validation validation = v.isMissingNode()
                ? null
                : new Validation(
                        LocalDate.parse(v.path("index").asText()),
                        v.path("people").asInt(),
                        v.path("admissions").asInt(),
                        v.path("auc").asDouble(),
                        v.path("auc_lower").asDouble(),
                        v.path("auc_upper").asDouble(),
                        v.path("baseline_auc").asDouble(),
                        v.path("calibration_intercept").asDouble(),
                        v.path("calibration_slope").asDouble(),
                        v.path("brier").asDouble(),
                        v.path("observed_over_expected").asDouble());
        return new Saved(
                model,
                LocalDate.parse(root.path("trained_at").asText()),
                root.path("ridge_lambda").asDouble(),
                validation,
                trees(file, root.path("trees"), features),
                // a file written before samples were kept its cohort whole
                root.path("training_cohort_people").asInt(model.trainedOn()));
    }

    /**
     * The saved trees, or null when the file has none or has trees of other parameters than {@link RiskTrees}
     * documents (the build then trains its own, so what it publishes about the trees stays true).
     */
    private static RiskTrees.Model trees(Path file, JsonNode t, List<String> features) throws IOException {
        if (t.isMissingNode() || !TREES_KIND.equals(t.path("model").asText())) {
            return null;
        }
        JsonNode parameters = t.path("parameters");
        if (t.path("rounds").asInt() != RiskTrees.ROUNDS || parameters.size() != RiskTrees.PARAMETERS.size()) {
            return null;
        }
        for (var p : RiskTrees.PARAMETERS.entrySet()) {
            if (!String.valueOf(p.getValue()).equals(parameters.path(p.getKey()).asText())) {
                return null;
            }
        }
        try {
            return RiskTrees.read(
                    t.path("xgboost_model_json").asText(),
                    features,
                    t.path("trained_on_people").asInt(),
                    t.path("trained_on_admissions").asInt());
        } catch (IllegalArgumentException e) {
            throw new IOException(
                    file + ": the saved trees are not a readable XGBoost model (" + e.getMessage()
                            + "); retrain with phm risk train",
                    e);
        }
    }
}
