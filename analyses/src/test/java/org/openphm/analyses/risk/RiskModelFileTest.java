package org.openphm.analyses.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import ml.dmlc.xgboost4j.java.Booster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The saved model: exact round trip of every coefficient and of the gradient-boosted trees, refused when it does not
 * fit this version's features; a file written before the trees were saved still reads.
 */
class RiskModelFileTest {
    static RiskModel.Model model() {
        List<String> features = RiskFeatures.names();
        double[] beta = new double[features.size() + 1];
        for (int j = 0; j < beta.length; j++) {
            beta[j] = Math.sin(j + 1) / 3 + 1e-17 * j; // digits a decimal round trip could lose
        }
        return new RiskModel.Model(features, beta, 12_345, 678);
    }

    @Test
    void coefficientsAndValidationRoundTripExactly(@TempDir Path tmp) throws IOException {
        Path file = RiskModelFile.beside(tmp.resolve("phm.duckdb"));
        assertEquals(tmp.resolve("phm.risk-model.json"), file);
        RiskModelFile.Validation v = new RiskModelFile.Validation(
                LocalDate.of(2024, 4, 1), 1000, 80, 0.67, 0.66, 0.68, 0.53, -0.01, 0.99, 0.07, 1.01);
        RiskModelFile.Saved saved = new RiskModelFile.Saved(model(), LocalDate.of(2023, 4, 1), 1.0, v);
        RiskModelFile.write(file, saved);
        RiskModelFile.Saved back = RiskModelFile.read(file);
        assertArrayEquals(saved.model().coefficients(), back.model().coefficients(), 0.0);
        assertEquals(saved.model().features(), back.model().features());
        assertEquals(12_345, back.model().trainedOn());
        assertEquals(LocalDate.of(2023, 4, 1), back.trainedAt());
        assertEquals(v, back.validation());
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void theCohortAModelWasSampledFromIsKept(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("m.json");
        RiskModelFile.write(file, new RiskModelFile.Saved(model(), LocalDate.of(2023, 4, 1), 1.0, null, null, 98_765));
        RiskModelFile.Saved back = RiskModelFile.read(file);
        assertEquals(98_765, back.cohort());
        assertEquals(12_345, back.model().trainedOn());
        assertTrue(back.sampled());
        // a file written before the cohort was recorded was fitted on its whole cohort
        Files.writeString(file, Files.readString(file).replaceAll("(?m)^.*\"training_cohort_people\".*\n", ""));
        assertFalse(Files.readString(file).contains("training_cohort_people"));
        RiskModelFile.Saved old = RiskModelFile.read(file);
        assertEquals(12_345, old.cohort());
        assertFalse(old.sampled());
    }

    @Test
    void aModelOfOtherFeaturesOrABrokenFileIsRefusedWithWhatToDo(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("m.json");
        RiskModelFile.write(file, new RiskModelFile.Saved(model(), LocalDate.of(2023, 4, 1), 1.0, null));
        Files.writeString(file, Files.readString(file).replace("\"age_decades\"", "\"age_years\""));
        IOException e = assertThrows(IOException.class, () -> RiskModelFile.read(file));
        assertTrue(
                e.getMessage().contains("other features") && e.getMessage().contains("phm risk train"), e.getMessage());

        Files.writeString(file, "{\"format\": 1, \"model\": ");
        IOException broken = assertThrows(IOException.class, () -> RiskModelFile.read(file));
        assertTrue(broken.getMessage().contains("m.json is not a readable risk model"), broken.getMessage());
    }

    /** A small cohort of every feature: integers, flags and decimals that are not floats, so rows sit on thresholds. */
    static RiskTreesTest.Data cohort(int n, long seed) {
        int columns = RiskFeatures.all().size();
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][columns];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < columns; j++) {
                x[i][j] = j % 3 == 0 ? r.nextInt(0, 2) : j % 3 == 1 ? r.nextInt(0, 6) : r.nextInt(-40, 100) / 10.0;
            }
            double eta = -2 + 0.8 * x[i][0] + 0.3 * x[i][1] + 0.2 * x[i][2] - 0.1 * x[i][5];
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta));
        }
        return new RiskTreesTest.Data(x, y);
    }

    static RiskTrees.Model trees(RiskTreesTest.Data d) {
        return RiskTrees.train(model().features(), d.x(), d.y(), RiskTrees.PARAMETERS, RiskTrees.ROUNDS);
    }

    @Test
    void savedTreesGiveTheSamePredictionForEveryRow(@TempDir Path tmp) throws Exception {
        RiskTreesTest.Data d = cohort(2000, 7);
        RiskTrees.Model trees = trees(d);
        Path file = tmp.resolve("m.json");
        RiskModelFile.write(file, new RiskModelFile.Saved(model(), LocalDate.of(2023, 4, 1), 1.0, null, trees));
        RiskTrees.Model back = RiskModelFile.read(file).trees();
        assertNotNull(back, "the trees are read back");
        assertEquals(trees.boosterJson(), back.boosterJson(), "XGBoost's own model, as it wrote it");
        assertEquals(trees.trainedOn(), back.trainedOn());
        assertEquals(trees.admissions(), back.admissions());
        assertEquals(trees.baseMargin(), back.baseMargin(), 0.0);
        assertEquals(RiskTrees.ROUNDS, back.trees().size());
        double[] before = new double[d.x().length];
        double[] after = new double[d.x().length];
        for (int i = 0; i < before.length; i++) {
            before[i] = trees.probability(d.x()[i]);
            after[i] = back.probability(d.x()[i]);
        }
        assertArrayEquals(before, after, 0.0);
        // XGBoost itself reads the saved model back to the same booster
        Booster original = trees.booster();
        Booster saved = back.booster();
        try {
            int columns = model().features().size();
            assertArrayEquals(
                    RiskTrees.margins(original, d.x(), columns), RiskTrees.margins(saved, d.x(), columns), 0f);
        } finally {
            original.dispose();
            saved.dispose();
        }
        // a model validated later keeps its trees
        RiskModelFile.Saved validated = RiskModelFile.read(file)
                .withValidation(new RiskModelFile.Validation(
                        LocalDate.of(2024, 4, 1), 1000, 80, 0.67, 0.66, 0.68, 0.53, -0.01, 0.99, 0.07, 1.01));
        RiskModelFile.write(file, validated);
        assertNotNull(RiskModelFile.read(file).trees());
    }

    @Test
    void treesOfOtherParametersAreNotUsed(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("m.json");
        RiskModelFile.write(
                file, new RiskModelFile.Saved(model(), LocalDate.of(2023, 4, 1), 1.0, null, trees(cohort(500, 8))));
        String json = Files.readString(file);
        String depth = "\"max_depth\" : \"" + RiskTrees.MAX_DEPTH + "\"";
        assertTrue(json.contains(depth), "the parameters are saved with the trees");
        Files.writeString(file, json.replace(depth, "\"max_depth\" : \"" + (RiskTrees.MAX_DEPTH + 1) + "\""));
        RiskModelFile.Saved saved = RiskModelFile.read(file);
        assertNull(saved.trees(), "the build's card names the documented parameters, so it trains its own");
        assertArrayEquals(model().coefficients(), saved.model().coefficients(), 0.0);
    }

    /** A file phm risk train wrote before the trees were saved (1,113,411 synthetic people; coefficients only). */
    @Test
    void aFileWithoutTreesStillReads(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("old.risk-model.json");
        try (var in = RiskModelFileTest.class.getResourceAsStream("risk-model-without-trees.json")) {
            Files.copy(in, file);
        }
        RiskModelFile.Saved saved = RiskModelFile.read(file);
        assertNull(saved.trees());
        assertNull(saved.validation());
        assertEquals(LocalDate.of(2023, 4, 1), saved.trainedAt());
        assertEquals(1_113_411, saved.model().trainedOn());
        assertEquals(87_812, saved.model().admissions());
        assertEquals(-2.5159912022083257, saved.model().coefficients()[0], 0.0);
        assertEquals(RiskFeatures.all().size() + 1, saved.model().coefficients().length);
    }
}
