package org.openphm.analyses.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openphm.analyses.SpecEngines;
import org.openphm.engine.Engine;

/**
 * The training and validation samples (issue 19): a cohort larger than the most a model is fitted or validated on is
 * sampled every k-th person in person_id order, the same people on DuckDB and Spark, each with their own row of features and outcome. The cohort
 * of {@link RiskCohortSpecTest} is A, B and D (C left before the index date).
 */
class RiskDataSampleSpecTest {
    @ParameterizedTest
    @ValueSource(strings = {SpecEngines.DUCKDB, SpecEngines.SPARK})
    void everyKthPersonInPseudonymOrder(String engineName, @TempDir Path dir) throws Exception {
        try (Engine engine = SpecEngines.open(engineName, dir, RiskCohortSpecTest.tables())) {
            RiskData all = RiskData.load(engine, RiskCohortSpecTest.INDEX);
            assertEquals(3, all.size());
            assertEquals(3, all.cohortSize());
            assertFalse(all.sampled());

            // at most 2 of 3: every 2nd person, so A and D (the 1st and 3rd)
            RiskData two = RiskData.sample(engine, RiskCohortSpecTest.INDEX, 2);
            assertEquals(2, two.size());
            assertEquals(3, two.cohortSize());
            assertTrue(two.sampled());
            assertArrayEquals(all.x()[0], two.x()[0]);
            assertArrayEquals(all.x()[2], two.x()[1]);
            assertArrayEquals(new boolean[] {all.admitted()[0], all.admitted()[2]}, two.admitted());
            assertArrayEquals(
                    new double[] {all.priorEmergencies()[0], all.priorEmergencies()[2]}, two.priorEmergencies());

            // at most 1: every 3rd person, so A alone
            RiskData one = RiskData.sample(engine, RiskCohortSpecTest.INDEX, 1);
            assertEquals(1, one.size());
            assertArrayEquals(all.x()[0], one.x()[0]);

            // at most the cohort's size: all of it
            RiskData three = RiskData.sample(engine, RiskCohortSpecTest.INDEX, 3);
            assertFalse(three.sampled());
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(all.x()[i], three.x()[i]);
            }

            // validation scores the same sample as it streams: A and D, each with the model's probability of their
            // own features
            double[] beta = new double[all.featureNames().size() + 1];
            for (int j = 0; j < beta.length; j++) {
                beta[j] = (j % 3 - 1) * 0.3;
            }
            RiskModel.Model model = new RiskModel.Model(all.featureNames(), beta, 3, 1);
            ScoredCohort scored = RiskData.scored(engine, RiskCohortSpecTest.INDEX, java.util.List.of(model), 2);
            assertTrue(scored.sampled());
            assertEquals(3, scored.cohortSize());
            assertEquals(2, scored.people().size());
            assertEquals(model.probability(all.x()[0]), scored.risks().get(0)[0], 0);
            assertEquals(model.probability(all.x()[2]), scored.risks().get(0)[1], 0);
            assertArrayEquals(two.admitted(), scored.people().admitted());
            assertFalse(RiskData.scored(engine, RiskCohortSpecTest.INDEX, java.util.List.of(model))
                    .sampled());
        }
    }
}
