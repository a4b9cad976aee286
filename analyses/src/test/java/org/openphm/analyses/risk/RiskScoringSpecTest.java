package org.openphm.analyses.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openphm.analyses.SpecEngines;
import org.openphm.engine.Engine;
import org.openphm.engine.Result;

/**
 * Scoring inside the engine equals scoring in memory (issue 11, item 6): on DuckDB and Spark, the model rendered
 * as one expression gives every person the probability the fitted model gives their features, to 1e-9; and the
 * engine computes the documented scores from the registers (A: hypertension and heart failure).
 */
class RiskScoringSpecTest {
    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void theEnginesScoresAreTheModelsProbabilities(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, RiskCohortSpecTest.tables())) {
            RiskData data = RiskData.load(engine, RiskCohortSpecTest.INDEX);
            int k = data.featureNames().size();
            double[] beta = new double[k + 1];
            beta[0] = -3.0;
            for (int j = 1; j <= k; j++) {
                // coefficients of both signs and several magnitudes, so every feature moves the score
                beta[j] = (j % 2 == 0 ? 0.35 : -0.2) * (1 + j % 5) / 3.0;
            }
            RiskModel.Model model = new RiskModel.Model(data.featureNames(), beta, 0, 0);
            Result scores = engine.execute(RiskScoring.scores(model, RiskCohortSpecTest.INDEX));
            Map<String, Double> byPerson = new HashMap<>();
            for (Map<String, Object> row : scores.asMaps()) {
                byPerson.put((String) row.get("person_id"), ((Number) row.get("risk")).doubleValue());
            }
            List<String> people = List.of("A", "B", "D"); // RiskData reads in person order
            assertEquals(people.size(), data.size());
            for (int i = 0; i < people.size(); i++) {
                assertEquals(model.probability(data.x()[i]), byPerson.get(people.get(i)), 1e-9, people.get(i));
            }
            // A is on HYP (CMS 0.08, eFI deficit) and HF (1.18, a deficit): CMS 1.26, eFI 2/36
            int cms = data.featureNames().indexOf("cambridge_score");
            int efi = data.featureNames().indexOf("frailty_index");
            assertEquals(1.26, data.x()[0][cms], 1e-12);
            assertEquals(2.0 / 36, data.x()[0][efi], 1e-12);
        }
    }
}
