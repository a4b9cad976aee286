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
 */
public final class RiskModelFile {
    static final int FORMAT = 1;
    static final String KIND = "ridge logistic regression, emergency admission in 12 months";

    private RiskModelFile() {}

    /**
     * @param trainedAt  the index date of the training cohort
     * @param validation the temporal validation, once {@code phm risk validate} has run; null before
     */
    public record Saved(RiskModel.Model model, LocalDate trainedAt, double ridge, Validation validation) {
        public Saved withValidation(Validation v) {
            return new Saved(model, trainedAt, ridge, v);
        }
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
        List<String> expected =
                RiskFeatures.all().stream().map(RiskFeatures.Feature::name).toList();
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
                validation);
    }
}
